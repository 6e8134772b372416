package dev.palisade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's "done when": after {@code palisade scan --demo}, no person's email, bucket name, host
 * name, issue title or token can be read from any file under PALISADE_HOME.
 */
class AtRestEncryptionTest {
    @TempDir
    Path home;

    @Test
    void scanDemoLeavesNoSensitiveStringReadableUnderTheHome() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(new PrintWriter(out), new PrintWriter(err),
                Map.of("PALISADE_HOME", home.toString(), "PALISADE_PASSPHRASE", "a long and private passphrase"),
                Clock.systemUTC(), WorkspaceOpener.standard());
        int code = Cli.run(ctx, "scan", "--demo", "--json", home.resolve("..").resolve(home.getFileName() + "-export.json").toString());
        assertThat(code).as(err.toString()).isIn(0, 3);
        // The exported JSON (outside the home) proves the strings exist in the data at all.
        String export = Files.readString(home.resolveSibling(home.getFileName() + "-export.json"));
        List<String> sensitive = List.of("acme-prod-uploads", "acme-staging-db-dumps", "app.acme.example", "legacy.acme.example",
                "deploy-bot", "leo.park", "@acme.example", "AKIA", "acme-demo");
        assertThat(sensitive).allSatisfy(s -> assertThat(export).contains(s));

        List<Path> files;
        try (Stream<Path> walk = Files.walk(home)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("palisade.db", "secrets.enc");
        for (Path f : files) {
            String raw = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String s : sensitive) {
                assertThat(raw).as("%s must not contain %s", home.relativize(f), s).doesNotContain(s);
            }
        }
        Files.deleteIfExists(home.resolveSibling(home.getFileName() + "-export.json"));
    }
}
