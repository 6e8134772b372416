package dev.palisade.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps SQLite's native library in the data directory, so that it is unpacked once rather than on
 * every start. By default sqlite-jdbc copies the library out of the jar into the temp directory
 * each time, compares the copy byte by byte, and runs {@code uname} to tell Android from Linux:
 * about a tenth of a second of a cold start, and litter in {@code /tmp}.
 *
 * <p>Here the library is read from the jar (the same resource sqlite-jdbc would unpack), compared
 * with the kept copy, written again (atomically) only when they differ, and handed to sqlite-jdbc
 * through its {@code org.sqlite.lib.path}/{@code org.sqlite.lib.name} properties. On a platform
 * this class does not know, or when anything fails, nothing is set and sqlite-jdbc unpacks as usual;
 * if the kept copy cannot be loaded (a data directory mounted {@code noexec}), sqlite-jdbc falls back
 * by itself.
 */
public final class SqliteNative {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteNative.class);
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteNative() {
    }

    /**
     * Points sqlite-jdbc at the copy kept in {@code dir} (see the class comment). Call before the
     * first connection; later calls, and calls after the properties were set by the user, do nothing.
     */
    public static synchronized void useCopyIn(Path dir) {
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
            return;
        }
        try {
            keptCopy(dir).ifPresent(lib -> {
                System.setProperty(PATH_PROPERTY, lib.getParent().toString());
                System.setProperty(NAME_PROPERTY, lib.getFileName().toString());
            });
        } catch (IOException | RuntimeException e) {
            LOG.debug("SQLite's native library is unpacked by sqlite-jdbc: {} could not keep a copy ({})", dir, e.toString());
        }
    }

    /**
     * The library for this platform, kept in {@code dir} and equal to the one in the jar; empty on a
     * platform this class does not know.
     */
    static Optional<Path> keptCopy(Path dir) throws IOException {
        Optional<String> resource = resourceFor(System.getProperty("os.name", ""), System.getProperty("os.arch", ""),
                Files.exists(Path.of("/lib/ld-musl-x86_64.so.1")) || Files.exists(Path.of("/lib/ld-musl-aarch64.so.1")));
        if (resource.isEmpty()) {
            return Optional.empty();
        }
        byte[] lib;
        try (InputStream in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream(resource.get())) {
            if (in == null) {
                return Optional.empty();
            }
            lib = in.readAllBytes();
        }
        String fileName = resource.get().substring(resource.get().lastIndexOf('/') + 1);
        Path kept = dir.resolve("sqlite-" + org.sqlite.SQLiteJDBCLoader.getVersion() + "-" + fileName).toAbsolutePath();
        createPrivateDirectory(kept.getParent());
        if (!privateToThisUser(kept.getParent())) {
            // someone else could swap the library between our check and its loading
            throw new IOException(kept.getParent() + " is not private to this user");
        }
        if (Files.isRegularFile(kept, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.size(kept) == lib.length && Arrays.equals(Files.readAllBytes(kept), lib)) {
            return Optional.of(kept);
        }
        dev.palisade.core.AtomicFiles.write(kept, lib);
        return Optional.of(kept);
    }

    /** sqlite-jdbc's resource for an OS and architecture, for the desktop platforms Palisade ships on. */
    static Optional<String> resourceFor(String osName, String osArch, boolean musl) {
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        String os = osName.toLowerCase(Locale.ROOT);
        if (arch == null) {
            return Optional.empty();
        }
        if (os.startsWith("linux")) {
            return Optional.of("/org/sqlite/native/" + (musl ? "Linux-Musl" : "Linux") + "/" + arch + "/libsqlitejdbc.so");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return Optional.of("/org/sqlite/native/Mac/" + arch + "/libsqlitejdbc.dylib");
        }
        if (os.startsWith("windows")) {
            return Optional.of("/org/sqlite/native/Windows/" + arch + "/sqlitejdbc.dll");
        }
        return Optional.empty();
    }

    /**
     * On POSIX: owned by this user and writable by no one else (a directory that existed before, made
     * by someone else or opened up, is not used). Elsewhere the user profile's ACL applies.
     */
    static boolean privateToThisUser(Path dir) throws IOException {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return true;
        }
        var attrs = Files.readAttributes(dir, java.nio.file.attribute.PosixFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        var probe = Files.createTempFile(dir, ".owner", ".tmp");
        try {
            boolean mine = Files.getOwner(probe).equals(attrs.owner());
            return attrs.isDirectory() && mine
                    && !attrs.permissions().contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
                    && !attrs.permissions().contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }
}
