package io.ferry.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Samples this JVM's heap in use (MemoryMXBean) and resident set size (/proc/self/status VmRSS) every 100 ms
 * while a run lasts, keeping the peaks. The Connect worker runs in this JVM together with the KRaft broker and
 * the benchmark itself, so these are the whole process's numbers, an upper bound of the worker's own; the
 * MariaDB servers are separate processes and not included. The heap peak depends on when the collector ran;
 * RSS includes the heap the JVM once committed and did not give back.
 */
final class Footprint implements AutoCloseable {

    /** Peaks of one sampled run, in bytes. */
    record Peak(long heapBytes, long rssBytes) {
    }

    private static final long INTERVAL_MS = 100;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private volatile long peakHeap;
    private volatile long peakRss;
    private volatile boolean sampling;

    Footprint() {
        sampler = new Thread(this::sample, "footprint-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts a run's sampling from a collected heap, so that garbage of the previous run does not count. */
    void start() {
        memory.gc();
        peakHeap = 0;
        peakRss = 0;
        sampling = true;
    }

    Peak stop() {
        sampling = false;
        return new Peak(peakHeap, peakRss);
    }

    /** The process's resident set high-water mark so far (VmHWM), or -1 where /proc is not there. */
    static long highWaterMark() {
        return statusKilobytes("VmHWM:") * 1024;
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            if (sampling) {
                peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
                peakRss = Math.max(peakRss, statusKilobytes("VmRSS:") * 1024);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(INTERVAL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long statusKilobytes(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
