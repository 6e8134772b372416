package dev.palisade.collect.github;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import dev.palisade.checks.GitHubChecks;
import dev.palisade.collect.ScanProgress;
import dev.palisade.core.Finding;
import dev.palisade.core.PayloadCodec;
import dev.palisade.core.Snapshot;
import dev.palisade.core.SnapshotJson;
import dev.palisade.core.SourceState;
import dev.palisade.core.Status;
import dev.palisade.core.Triage;
import dev.palisade.report.CsvReport;
import dev.palisade.report.HtmlReport;
import dev.palisade.scan.CollectorRegistry;
import dev.palisade.scan.LocalWorkspace;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A full scan through the workspace and store, with plaintext payloads so that nothing hides
 * behind encryption: the token and every secret-scanning alert's value appear in no file under
 * PALISADE_HOME (database, logs at TRACE, exports), while triage lasts across the rescans.
 */
class GitHubLeakTest {
    @TempDir
    Path home;

    @Test
    void noTokenAndNoSecretValueInAnyFileUnderHomeAndTriageLastsAcrossScans() throws Exception {
        try (GitHubApiServer server = GitHubApiServer.start("/api/v3")) {
            GitHubCollectorTest.populate(server);
            String token = server.validToken;
            Files.writeString(home.resolve("palisade.yaml"), """
                    organization: Acme Inc
                    github:
                      organization: acme
                      apiUrl: %s
                      tokenEnv: ACME_GH_TOKEN
                      securityLabels: [security, vulnerability]
                    """.formatted(server.apiUrl()));
            CollectorRegistry registry = new CollectorRegistry().register("github",
                    cfg -> GitHubCollector.fromConfig(cfg, Map.of("ACME_GH_TOKEN", token)::get, Optional::empty));

            Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
            Logger palisade = (Logger) LoggerFactory.getLogger("dev.palisade");
            Level before = palisade.getLevel();
            FileAppender<ILoggingEvent> file = new FileAppender<>();
            LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
            PatternLayoutEncoder enc = new PatternLayoutEncoder();
            enc.setContext(ctx);
            enc.setPattern("%d %-5level %logger - %msg%n%ex");
            enc.start();
            file.setContext(ctx);
            file.setEncoder(enc);
            file.setFile(home.resolve("logs/palisade.log").toString());
            file.start();
            root.addAppender(file);
            palisade.setLevel(Level.TRACE);
            try (LocalWorkspace ws = LocalWorkspace.open(home, LocalWorkspace.Options.defaults()
                    .withCodec(PayloadCodec.PLAIN).withRegistry(registry).withClock(Clock.systemUTC())
                    .withScanDeadline(Duration.ofSeconds(60)).withChecks(GitHubChecks.all()).withActor("founder@acme.example"))) {
                Snapshot first = ws.scan(Set.of("github"), ScanProgress.NONE);
                assertThat(first.sources()).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(SourceState.OK));
                Finding contractor = first.findings().stream()
                        .filter(f -> f.check().equals("github.member.2fa") && f.resource().id().equals("contractor1"))
                        .findFirst().orElseThrow();
                assertThat(contractor.status()).isEqualTo(Status.FAIL);

                ws.triage().putTriage(Triage.mute("github.member.2fa", "contractor1", first.finishedAt().plus(Duration.ofDays(7)),
                        "Contract ends Friday; removal planned.", "founder@acme.example", first.finishedAt())
                        .withOwner("dana@acme.example", "founder@acme.example", first.finishedAt()));
                Snapshot second = ws.scan(Set.of("github"), ScanProgress.NONE);
                Finding again = second.findings().stream()
                        .filter(f -> f.check().equals("github.member.2fa") && f.resource().id().equals("contractor1"))
                        .findFirst().orElseThrow();
                assertThat(again.status()).isEqualTo(Status.MUTED);
                assertThat(again.triage().owner()).isEqualTo("dana@acme.example");

                // a scan with a token lacking scopes, whose errors quote GitHub's answers
                server.tokenScopes.clear();
                Snapshot third = ws.scan(Set.of("github"), ScanProgress.NONE);
                assertThat(third.sources().get(0).status()).isEqualTo(SourceState.PARTIAL);

                Files.writeString(home.resolve("export.json"), SnapshotJson.toJson(second, true));
                try (Writer w = Files.newBufferedWriter(home.resolve("export.csv"), StandardCharsets.UTF_8)) {
                    CsvReport.write(second, w);
                }
                try (Writer w = Files.newBufferedWriter(home.resolve("export.html"), StandardCharsets.UTF_8)) {
                    HtmlReport.write(second, GitHubChecks.all(), w);
                }
            } finally {
                root.detachAppender(file);
                file.stop();
                palisade.setLevel(before);
            }
            assertThat(server.requests()).anyMatch(q -> q.path().endsWith("/secret-scanning/alerts"));
            assertThat(Files.readString(home.resolve("logs/palisade.log"))).contains("GitHub acme");

            List<Path> files;
            try (Stream<Path> s = Files.walk(home)) {
                files = s.filter(Files::isRegularFile).toList();
            }
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .contains("palisade.db", "palisade.log", "export.json", "export.csv", "export.html");
            for (Path f : files) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(f.toString()).doesNotContain(token).doesNotContain(GitHubCollectorTest.LEAKED);
            }
            // the plaintext store does hold the inventory, so the check above looked at real content
            try (Stream<Path> s = Files.walk(home)) {
                String all = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith("palisade.db")).map(p -> {
                    try {
                        return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).reduce("", String::concat);
                assertThat(all).contains("acme/api").contains("contractor1");
            }
        }
    }
}
