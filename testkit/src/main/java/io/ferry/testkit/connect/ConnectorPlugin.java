package io.ferry.testkit.connect;

/** One entry of {@code GET /connector-plugins}: {@code type} is {@code source} or {@code sink}. */
public record ConnectorPlugin(String className, String type, String version) {
}
