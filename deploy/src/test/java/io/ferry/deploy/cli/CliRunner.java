package io.ferry.deploy.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs {@code ferry} commands in this JVM for integration tests, capturing their output. */
public final class CliRunner {

    private CliRunner() {
    }

    /** A finished command. */
    public record Result(int exitCode, String out, String err) {
    }

    public static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new FerryCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public static Background background(String... args) {
        return new Background(args);
    }

    /** A long-running command (migrate) on its own thread; {@link #stop()} interrupts it, like Ctrl-C. */
    public static final class Background {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final AtomicInteger exitCode = new AtomicInteger(-1);
        private final Thread thread;

        private Background(String[] args) {
            FerryCli cli = new FerryCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
            thread = new Thread(() -> exitCode.set(cli.run(args)), "ferry-" + args[0]);
            thread.start();
        }

        /** Interrupts the command, waits for it, and returns its exit code. */
        public int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(60_000);
            return exitCode.get();
        }

        public String out() {
            return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        }
    }
}
