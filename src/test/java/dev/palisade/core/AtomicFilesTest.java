package dev.palisade.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesANewFileInAMissingDirectoryOwnerOnlyAndReplacesItWhole() throws IOException {
        Path f = dir.resolve("a/b/report.json");
        AtomicFiles.write(f, "first".getBytes(StandardCharsets.UTF_8));
        assertThat(f).hasContent("first");
        if (f.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        }
        AtomicFiles.write(f, out -> out.write("second, longer".getBytes(StandardCharsets.UTF_8)));
        assertThat(f).hasContent("second, longer");
        assertThat(listing(f.getParent())).containsExactly("report.json");
    }

    @Test
    void aFailingWriteLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("secrets.enc");
        AtomicFiles.write(f, "old".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(f).hasContent("old");
        assertThat(listing(dir)).containsExactly("secrets.enc");
    }

    private static java.util.List<String> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
