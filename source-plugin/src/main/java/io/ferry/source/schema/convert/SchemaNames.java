package io.ferry.source.schema.convert;

import io.ferry.common.AvroNames;

/**
 * Connect schema names that are valid Avro full names for any MySQL identifier, adjusted like Debezium's Avro
 * schema name adjuster: every character other than a letter, digit, {@code _} or the {@code .} separator
 * becomes {@code _}. Additionally each dot-separated part that starts with a digit gets a leading {@code _},
 * since Avro requires every namespace part to start with a letter or underscore.
 */
public final class SchemaNames {

    private SchemaNames() {
    }

    /** {@code <prefix>.<database>.<table>.<suffix>} with each part adjusted. */
    public static String of(String topicPrefix, String database, String table, String suffix) {
        return adjust(topicPrefix) + "." + adjust(database) + "." + adjust(table) + "." + adjust(suffix);
    }

    /** A part of a full name: one Avro name, with no dots left in it. */
    static String adjust(String part) {
        return AvroNames.adjust(part);
    }
}
