package dev.palisade.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.PayloadCodec;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteNativeTest {
    @TempDir
    Path dir;

    @Test
    void mapsTheDesktopPlatformsToSqliteJdbcsResourcesAndLeavesOthersToIt() {
        assertThat(SqliteNative.resourceFor("Linux", "amd64", false)).contains("/org/sqlite/native/Linux/x86_64/libsqlitejdbc.so");
        assertThat(SqliteNative.resourceFor("Linux", "aarch64", true)).contains("/org/sqlite/native/Linux-Musl/aarch64/libsqlitejdbc.so");
        assertThat(SqliteNative.resourceFor("Mac OS X", "aarch64", false)).contains("/org/sqlite/native/Mac/aarch64/libsqlitejdbc.dylib");
        assertThat(SqliteNative.resourceFor("Windows 11", "amd64", false)).contains("/org/sqlite/native/Windows/x86_64/sqlitejdbc.dll");
        assertThat(SqliteNative.resourceFor("Linux", "riscv64", false)).isEmpty();
        assertThat(SqliteNative.resourceFor("FreeBSD", "amd64", false)).isEmpty();
        // every resource named for a known platform is one sqlite-jdbc ships
        for (String os : List.of("Linux", "Mac OS X", "Windows 10")) {
            for (String arch : List.of("amd64", "aarch64")) {
                for (boolean musl : new boolean[] {false, true}) {
                    SqliteNative.resourceFor(os, arch, musl).ifPresent(r ->
                            assertThat(org.sqlite.SQLiteJDBCLoader.class.getResource(r)).as(r).isNotNull());
                }
            }
        }
    }

    @Test
    void keepsOnePrivateCopyEqualToTheJarsAndRewritesItOnlyWhenItDiffers() throws Exception {
        Path cache = dir.resolve("home/cache");
        Optional<Path> kept = SqliteNative.keptCopy(cache);
        assertThat(kept).isPresent(); // these tests run on Linux, macOS or Windows on x86_64/aarch64
        Path lib = kept.get();
        assertThat(lib.getParent()).isEqualTo(cache.toAbsolutePath());
        assertThat(Files.readAllBytes(lib)).isEqualTo(jarResource());
        if (cache.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rwx------");
        }
        Object identity = Files.readAttributes(lib, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        assertThat(SqliteNative.keptCopy(cache)).contains(lib);
        if (identity != null) {
            assertThat(Files.readAttributes(lib, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                    .as("an equal copy is not written again").isEqualTo(identity);
        }
        // a damaged copy (here: cut short) is replaced, and no partial file is left behind
        byte[] good = Files.readAllBytes(lib);
        Files.write(lib, java.util.Arrays.copyOf(good, good.length / 2));
        assertThat(SqliteNative.keptCopy(cache)).contains(lib);
        assertThat(Files.readAllBytes(lib)).isEqualTo(good);
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files).containsExactly(lib);
        }
    }

    @Test
    void aCacheDirectoryOthersCanWriteToIsNotUsed() throws Exception {
        Path cache = Files.createDirectory(dir.resolve("shared-cache"));
        if (!cache.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return; // the user profile's ACL applies
        }
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(SqliteNative.privateToThisUser(cache)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SqliteNative.keptCopy(cache))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("not private");
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files).as("no library written there").isEmpty();
        }
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwx------"));
        assertThat(SqliteNative.privateToThisUser(cache)).isTrue();
    }

    @Test
    void aFreshJvmLoadsTheKeptCopyAndUnpacksNothingIntoTheTempDirectory() throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Path cache = dir.resolve("cache");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.io.tmpdir=" + tmp,
                Child.class.getName(), cache.toString(), dir.resolve("child.db").toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("snapshots: 0");
        // sqlite-jdbc deletes what it unpacks when the JVM exits, so the child looks while it runs
        assertThat(out).as("sqlite-jdbc unpacked nothing").contains("temp files: []");
        assertThat(SqliteNative.keptCopy(cache)).isPresent();
    }

    /** Run in a fresh JVM by the test above: keeps the copy, then opens a store through sqlite-jdbc. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            SqliteNative.useCopyIn(Path.of(args[0]));
            try (SqliteStore s = SqliteStore.open(Path.of(args[1]), PayloadCodec.PLAIN)) {
                System.out.println("snapshots: " + s.list().size());
            }
            try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                System.out.println("temp files: " + files.map(f -> f.getFileName().toString()).sorted().toList());
            }
        }
    }

    private static byte[] jarResource() throws Exception {
        String r = SqliteNative.resourceFor(System.getProperty("os.name"), System.getProperty("os.arch"),
                Files.exists(Path.of("/lib/ld-musl-x86_64.so.1")) || Files.exists(Path.of("/lib/ld-musl-aarch64.so.1"))).orElseThrow();
        try (InputStream in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream(r)) {
            return in.readAllBytes();
        }
    }
}
