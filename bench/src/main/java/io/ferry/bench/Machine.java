package io.ferry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the numbers were measured on, read from /proc where Linux provides it. */
record Machine(int cores, String cpu, String memory, String loadAverage, String os, String java) {

    static Machine describe() {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                procLine("/proc/cpuinfo", "model name").orElse("unknown CPU"),
                procLine("/proc/meminfo", "MemTotal").map(Machine::gib).orElse("unknown"),
                currentLoadAverage(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    /** The 1-minute load average now: other work on a shared machine shows here. */
    static String currentLoadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static Optional<String> procLine(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** "24684084 kB" as "23.5 GiB". */
    private static String gib(String kilobytes) {
        long kb = Long.parseLong(kilobytes.replace("kB", "").trim());
        return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
    }
}
