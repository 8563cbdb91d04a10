package io.ferry.testkit.mysql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A freshly initialized data directory made once per JVM and copied for every server the JVM starts.
 *
 * <p>Initializing runs a bootstrap server (seconds of CPU on a small machine); copying the result takes a fraction
 * of that, and a test suite starts dozens of servers. The copy is what the initializer would have produced: the
 * initializer takes no per-server input but the directories. MySQL's {@code auto.cnf} is not copied, so each
 * server still draws its own server UUID (GTIDs name it).
 */
final class DataDirTemplate {

    private static final String MYSQL_SERVER_UUID_FILE = "auto.cnf";

    private static Path template;

    private DataDirTemplate() {
    }

    /** Fills {@code dataDir} (which must not exist) with an initialized data directory for {@code binaries}. */
    static void copyTo(ServerBinaries binaries, Path dataDir, boolean asRoot) {
        Path source = template(binaries, asRoot);
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = dataDir.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (!path.getFileName().toString().equals(MYSQL_SERVER_UUID_FILE)) {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the data directory template " + source, e);
        }
    }

    private static synchronized Path template(ServerBinaries binaries, boolean asRoot) {
        if (template == null) {
            try {
                Path dir = Files.createTempDirectory("ferry-datadir-template-");
                Files.createDirectories(dir.resolve("tmp"));
                Path dataDir = dir.resolve("data");
                ProcessRunner.run(binaries.initializeCommand(dataDir, dir.resolve("tmp"), asRoot),
                        binaries.baseDir(), dir.resolve("initialize.log"), 120);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> FileTrees.deleteQuietly(dir),
                        "delete-datadir-template"));
                template = dataDir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return template;
    }
}
