package io.nodeplane.api.config.db;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import io.nodeplane.api.config.StateFiles;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the binaries packaged by {@code io.zonky.test.postgres} (Maven
 * Central), with its data kept in the state directory so that it survives restarts.
 *
 * <p>We launch {@code initdb}/{@code pg_ctl} ourselves rather than through the zonky library because
 * PostgreSQL refuses to run as root and the library cannot drop privileges: as root the server runs
 * as {@code nobody} (through {@code setpriv}) and owns its data directory. The server listens on
 * 127.0.0.1 only, on a free port, with password (SCRAM) authentication.
 */
final class EmbeddedPostgres implements AutoCloseable {

    static final String USER = "nodeplane";
    static final String DATABASE = "nodeplane";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final int NOBODY = 65534;

    private final Path dataDir;
    private final Path binDir;
    private final boolean dropPrivileges;
    private final int port;
    private final String password;

    private EmbeddedPostgres(Path dataDir, Path binDir, boolean dropPrivileges, int port, String password) {
        this.dataDir = dataDir;
        this.binDir = binDir;
        this.dropPrivileges = dropPrivileges;
        this.port = port;
        this.password = password;
    }

    /** Extracts the binaries if needed, initialises the cluster on first use and starts it. */
    static EmbeddedPostgres start(Path stateDir) {
        try {
            boolean root = isRoot();
            Path dist = extractBinaries(stateDir.resolve("postgres-dist"));
            Path dataDir = stateDir.resolve("postgres");
            String password = readOrCreatePassword(stateDir.resolve("postgres_password"));
            if (root) {
                requireTraversable(dataDir);
            }
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                initdb(dist.resolve("bin"), dataDir, password, root);
            }
            EmbeddedPostgres server = new EmbeddedPostgres(dataDir, dist.resolve("bin"), root, freePort(), password);
            server.stopOrphan();
            server.startServer();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    int port() {
        return port;
    }

    String password() {
        return password;
    }

    Path dataDir() {
        return dataDir;
    }

    // a previous run killed without a chance to stop its server leaves it running on our data
    private void stopOrphan() throws IOException {
        if (Files.exists(dataDir.resolve("postmaster.pid")) && succeeds(command(binDir.resolve("pg_ctl").toString(),
                "-D", dataDir.toString(), "status"))) {
            log.warn("Stopping an embedded PostgreSQL left running by an earlier start on {}", dataDir);
            close();
        }
    }

    private static boolean succeeds(List<String> command) throws IOException {
        try {
            run(command, command.get(0));
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private void startServer() throws IOException {
        run(command(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l",
                dataDir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''", "start"),
                "pg_ctl start");
    }

    @Override
    public synchronized void close() {
        if (!Files.exists(dataDir.resolve("postmaster.pid"))) {
            return;
        }
        try {
            run(command(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w",
                    "-t", "30", "stop"), "pg_ctl stop");
        } catch (IOException | IllegalStateException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    private static void initdb(Path bin, Path dataDir, String password, boolean root) throws IOException {
        Files.createDirectories(dataDir);
        Path pwDir = Files.createTempDirectory("nodeplane-initdb");
        Path pwFile = pwDir.resolve("pw");
        Files.writeString(pwFile, password + "\n");
        try {
            if (root) {
                chownToNobody(dataDir);
                chownToNobody(pwDir);
            }
            run(command(root, bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", USER,
                    "--auth=scram-sha-256", "--pwfile=" + pwFile, "-E", "UTF8", "--locale=C"), "initdb");
        } finally {
            Files.deleteIfExists(pwFile);
            Files.deleteIfExists(pwDir);
        }
        log.info("Initialised a new embedded PostgreSQL cluster in {}", dataDir);
    }

    private List<String> command(String... args) {
        return command(dropPrivileges, args);
    }

    private static List<String> command(boolean root, String... args) {
        List<String> cmd = new ArrayList<>();
        if (root) {
            cmd.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static void run(List<String> command, String what) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C");
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        }
    }

    private static Path extractBinaries(Path distRoot) throws IOException {
        String resource = "postgres-linux-" + archName() + ".txz";
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            throw new IllegalStateException("The embedded PostgreSQL ships for Linux only; set DB_HOST (or DB_URL) "
                    + "to use an external PostgreSQL on this system");
        }
        java.net.URL url = EmbeddedPostgres.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("No embedded PostgreSQL binaries (" + resource + ") for this CPU; "
                    + "set DB_HOST (or DB_URL) to use an external PostgreSQL");
        }
        // one folder per binaries artifact (its URL names the version), so an upgrade extracts afresh
        String version = Integer.toHexString(url.toString().hashCode());
        Path target = distRoot.resolve(archName() + "-" + version);
        if (Files.exists(target.resolve(".complete"))) {
            return target;
        }
        Files.createDirectories(target);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(url.openStream())))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("archive entry outside target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.deleteIfExists(out);
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    boolean exec = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        Files.createFile(target.resolve(".complete"));
        return target;
    }

    private static String archName() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
    }

    private static String readOrCreatePassword(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        StateFiles.writeSecret(file, password);
        return password;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    private static void chownToNobody(Path dir) throws IOException {
        Files.setAttribute(dir, "unix:uid", NOBODY);
        Files.setAttribute(dir, "unix:gid", NOBODY);
        Files.setPosixFilePermissions(dir, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
    }

    // as root the server runs as 'nobody', which must be able to reach its data directory
    private static void requireTraversable(Path dataDir) throws IOException {
        for (Path p = dataDir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException("Running as root, the embedded PostgreSQL runs as 'nobody', which "
                        + "cannot enter " + p + ". Choose a NODEPLANE_STATE_DIR outside it, run as a normal user, "
                        + "or set DB_HOST to use an external PostgreSQL.");
            }
        }
    }
}
