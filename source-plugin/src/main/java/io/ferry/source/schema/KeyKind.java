package io.ferry.source.schema;

/** Which key identifies a table's rows in events and chunks. */
public enum KeyKind {
    /** The primary key. */
    PRIMARY,
    /** No primary key, but a unique index whose columns are all NOT NULL. */
    UNIQUE_NOT_NULL,
    /** No usable key: the table is read in one chunk and its events carry no key. */
    NONE
}
