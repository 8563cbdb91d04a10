package io.ferry.sink.table;

/**
 * A column of a destination table as information_schema describes it.
 *
 * @param dataType  lower-case type name without parameters ({@code float}, {@code json}, {@code varchar})
 * @param generated a generated (virtual or stored) column: the server computes it, nothing is written to it
 */
public record DestinationColumn(String name, String dataType, boolean nullable, boolean generated) {
}
