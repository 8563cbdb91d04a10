package io.ferry.migrator.validate;

/** Which server a query runs on: the source is chunked and filtered, the destination follows its bounds. */
public enum Side {
    SOURCE,
    DESTINATION
}
