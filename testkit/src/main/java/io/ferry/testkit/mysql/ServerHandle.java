package io.ferry.testkit.mysql;

/** Where a test server listens and how to log in as its administrator; closing releases the server. */
interface ServerHandle extends AutoCloseable {

    String host();

    int port();

    String user();

    String password();

    /** True if the server was started elsewhere and is shared: tests must use their own database names. */
    boolean external();

    @Override
    void close();
}
