package dev.palisade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.collect.CollectorResult;
import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Severity;
import dev.palisade.core.Snapshot;
import dev.palisade.core.SnapshotJson;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.Status;
import dev.palisade.core.check.Area;
import dev.palisade.core.check.Check;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.check.CheckMetadata;
import dev.palisade.core.inventory.Inventory;
import dev.palisade.core.inventory.TlsEndpoint;
import dev.palisade.core.inventory.TlsInventory;
import dev.palisade.scan.CollectorRegistry;
import dev.palisade.scan.LocalWorkspace;
import dev.palisade.store.SqliteStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    @TempDir
    Path home;

    /** Scans in one test happen a minute apart, so "newest first" is well defined. */
    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    record Run(int code, String out, String err) {
    }

    private Run run(WorkspaceOpener opener, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(new PrintWriter(out), new PrintWriter(err), Map.of("PALISADE_HOME", home.toString(), "PALISADE_PASSPHRASE", "correct horse battery"),
                clock, opener);
        now.set(now.get().plusSeconds(60));
        int code = Cli.run(ctx, args);
        return new Run(code, out.toString(), err.toString());
    }

    private Run run(String... args) {
        return run(WorkspaceOpener.standard(), args);
    }

    // ---------------------------------------------------------------- a controllable source for exit codes

    /** One TLS-kind source whose hosts starting with "bad" FAIL at HIGH, and "low" FAIL at LOW. */
    private static final Check CHECK = new Check() {
        final CheckMetadata m = new CheckMetadata("test.endpoint", "Endpoint", Area.CERTIFICATES, "tls", Severity.HIGH, "r", "Fix it.");

        @Override
        public CheckMetadata metadata() {
            return m;
        }

        @Override
        public List<Finding> evaluate(CheckContext c) {
            if (c.inventory().tls() == null) {
                return List.of();
            }
            return c.inventory().tls().endpoints().stream().map(e -> {
                Status s = e.resolveError() != null ? Status.ERROR : e.host().startsWith("bad") || e.host().startsWith("low")
                        ? Status.FAIL : Status.PASS;
                Severity sev = e.host().startsWith("low") ? Severity.LOW : Severity.HIGH;
                return new Finding(m.id(), s, sev, null, new Resource("tls.endpoint", e.id(), e.id()),
                        "Endpoint " + e.id() + " checked.", "Fix " + e.id() + ".", null);
            }).toList();
        }
    };

    private WorkspaceOpener controlled() {
        CollectorRegistry r = new CollectorRegistry().register("tls", cfg -> new dev.palisade.collect.Collector() {
            @Override
            public String kind() {
                return "tls";
            }

            @Override
            public CollectorResult collect(dev.palisade.collect.ScanProgress p) {
                SourceStatus status = new SourceStatus("tls", SourceState.OK, null, 1, 1);
                p.finished(status); // as real collectors do
                return new CollectorResult(new Inventory(List.of(), new TlsInventory(cfg.domains().stream()
                        .map(d -> new TlsEndpoint(d.host(), d.port(), null, List.of(), Fact.known(null))).toList()), null, null, null),
                        List.of(status));
            }
        });
        return (h, demo, clock, env) -> LocalWorkspace.open(h, LocalWorkspace.Options.defaults().withClock(clock)
                .withRegistry(r).withChecks(List.of(CHECK)).withActor("test"));
    }

    private void config(String yaml) throws Exception {
        Files.writeString(home.resolve("palisade.yaml"), yaml);
    }

    // ---------------------------------------------------------------- scan

    @Test
    void scanDemoPrintsValidSnapshotJsonOnStdoutAndTheSummaryOnStderr() {
        Run r = run("scan", "--demo", "--json", "-");
        assertThat(r.code()).as(r.err()).isEqualTo(3); // the demo's TLS source is PARTIAL: legacy.acme.example never answers
        Snapshot s = SnapshotJson.fromJson(r.out());
        assertThat(s.schema()).isEqualTo("palisade.snapshot/1");
        assertThat(s.organization()).isEqualTo("Acme (demo)");
        assertThat(r.err()).contains("Snapshot " + s.id()).contains("Findings:");
        assertThat(home.resolve("demo/palisade.db")).exists();
        assertThat(r.err()).as("the sources are reported as for any scan").contains("aws:prod: OK").contains("tls: PARTIAL");

        // the fresh demo store was seeded with six weeks of history and one current scan: this command's
        Run list = run("snapshots", "--demo");
        assertThat(list.out().lines().skip(1).toList()).hasSize(dev.palisade.collect.demo.DemoWorkspace.HISTORY_WEEKS + 1)
                .first().asString().startsWith(s.id());
        Run again = run("scan", "--demo");
        assertThat(again.code()).as(again.err()).isEqualTo(3);
        assertThat(run("snapshots", "--demo").out().lines().skip(1).toList())
                .hasSize(dev.palisade.collect.demo.DemoWorkspace.HISTORY_WEEKS + 2);
    }

    @Test
    void scanExitCodesFollowFailOn() throws Exception {
        config("organization: Acme\ndomains: [ok.acme.example, low.acme.example]\n");
        Run plain = run(controlled(), "scan");
        assertThat(plain.code()).as(plain.err()).isEqualTo(0);
        assertThat(plain.out()).contains("Findings: 1 FAIL (0 critical, 0 high, 0 medium, 1 low, 0 info), 0 ERROR, 0 MUTED, 1 PASS");
        assertThat(plain.err()).contains("Scanning Acme: tls").contains("tls: OK");
        assertThat(run(controlled(), "scan", "--fail-on", "low").code()).isEqualTo(1);
        assertThat(run(controlled(), "scan", "--fail-on", "HIGH").code()).isEqualTo(0);
        assertThat(run(controlled(), "scan", "--fail-on", "bogus").code()).isEqualTo(2);
    }

    @Test
    void scanWithUnreachableTlsDomainsIsASourceFailureExit3WithErrorFindings() throws Exception {
        int port1;
        int port2;
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            port1 = a.getLocalPort();
            port2 = b.getLocalPort();
        }
        config("organization: Acme\ndomains:\n  - {host: 127.0.0.1, port: " + port1 + "}\n  - {host: 127.0.0.1, port: " + port2
                + "}\ntls: {connectTimeoutSeconds: 1}\n");
        Path json = home.resolve("out/snap.json");
        Run r = run("scan", "--only", "tls", "--json", json.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).contains("tls: ERROR");
        Snapshot s = SnapshotJson.fromJson(Files.readString(json));
        assertThat(s.sources()).isNotEmpty().allMatch(x -> x.status() != SourceState.OK);
        assertThat(s.findings()).noneMatch(f -> f.status() == Status.PASS);
        assertThat(r.out()).contains("Snapshot " + s.id());

        // The store is sealed with the key from the passphrase-protected secrets: no finding text at rest.
        byte[] db = Files.readAllBytes(home.resolve("palisade.db"));
        String raw = new String(db, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain(s.findings().get(0).message());
        assertThat(home.resolve("secrets.enc")).exists();

        // Without the passphrase (no keychain, no terminal) the command says how to provide one.
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new CliContext(new PrintWriter(out), new PrintWriter(err), Map.of("PALISADE_HOME", home.toString()),
                clock, WorkspaceOpener.standard()), "snapshots");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("PALISADE_PASSPHRASE");
        // A wrong passphrase is refused clearly and changes nothing.
        err = new StringWriter();
        code = Cli.run(new CliContext(new PrintWriter(out), new PrintWriter(err), Map.of("PALISADE_HOME", home.toString(),
                "PALISADE_PASSPHRASE", "wrong"), clock, WorkspaceOpener.standard()), "snapshots");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).containsIgnoringCase("passphrase");
        assertThat(Files.readAllBytes(home.resolve("palisade.db"))).isEqualTo(db);
    }

    @Test
    void scanRefusesAnUnknownSourceAndAMissingConfiguration() throws Exception {
        Run missing = run("scan");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("palisade.yaml").contains("file not found").contains("--demo").doesNotContain("Exception");
        config("organization: Acme\ndomains: [ok.acme.example]\n");
        Run unknown = run(controlled(), "scan", "--only", "tls,jira");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown source 'jira'");
        Run notConfigured = run(controlled(), "scan", "--only", "github");
        assertThat(notConfigured.code()).isEqualTo(2);
        assertThat(notConfigured.err()).contains("'github' is not configured");
    }

    @Test
    void brokenConfigurationExits2WithFileLineAndWritesNothing() throws Exception {
        config("organization: Acme\nenvironments:\n  prod:\n    aws:\n      regoins: [us-east-1]\n");
        Run r = run("scan");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(home.resolve("palisade.yaml") + ":5:7").contains("Did you mean 'regions'?");
        assertThat(r.err()).doesNotContain("at dev.palisade");
        assertThat(home.resolve("palisade.db")).doesNotExist();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void corruptStoreIsRefusedWithExit2AndStaysByteIdentical() throws Exception {
        config("organization: Acme\ndomains: [ok.acme.example]\n");
        byte[] junk = "this is not a database, it is a note\n".repeat(300).getBytes(StandardCharsets.UTF_8);
        Files.write(home.resolve("palisade.db"), junk);
        for (String[] args : List.of(new String[] {"scan"}, new String[] {"snapshots"}, new String[] {"show", "latest"})) {
            Run r = run(controlled(), args);
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("not a SQLite database").contains("not changed");
        }
        assertThat(Files.readAllBytes(home.resolve("palisade.db"))).isEqualTo(junk);
        assertThat(home.resolve("palisade.db-wal")).doesNotExist();
    }

    // ---------------------------------------------------------------- offline review

    @Test
    void snapshotsShowDiffAndExportWorkOnStoredSnapshots() throws Exception {
        config("organization: Acme\ndomains: [ok.acme.example, bad.acme.example]\n");
        assertThat(run(controlled(), "scan").code()).isEqualTo(0);
        config("organization: Acme\ndomains: [ok.acme.example, low.acme.example]\n");
        assertThat(run(controlled(), "scan").code()).isEqualTo(0);

        Run list = run(controlled(), "snapshots");
        assertThat(list.code()).isEqualTo(0);
        List<String> rows = list.out().lines().toList();
        assertThat(rows.get(0)).startsWith("ID").contains("SOURCES");
        assertThat(rows).hasSize(3);
        String newer = rows.get(1).split("\\s+")[0];
        String older = rows.get(2).split("\\s+")[0];
        assertThat(rows.get(1)).contains("tls OK");

        Run show = run(controlled(), "show", older);
        assertThat(show.code()).isEqualTo(0);
        assertThat(show.out()).contains("bad.acme.example:443").contains("fix: Fix bad.acme.example:443.")
                .doesNotContain("ok.acme.example:443 checked");
        assertThat(run(controlled(), "show", older, "--all").out()).contains("ok.acme.example:443");
        Run showJson = run(controlled(), "show", "latest", "--json", "-");
        assertThat(SnapshotJson.fromJson(showJson.out()).id()).isEqualTo(newer);
        assertThat(run(controlled(), "show", older.substring(0, 18)).code()).isEqualTo(0);

        Run unknown = run(controlled(), "show", "20990101-000000-ffff");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("No snapshot '20990101-000000-ffff'").contains("palisade snapshots");

        Run diff = run(controlled(), "diff", older, newer);
        assertThat(diff.code()).isEqualTo(0);
        assertThat(diff.out()).contains("1 new, 0 regressed, 1 resolved, 0 still failing, 1 unchanged")
                .contains("New (1):").contains("low.acme.example:443").contains("Resolved (1):").contains("bad.acme.example:443");

        Path csv = home.resolve("r/report.csv");
        Path html = home.resolve("r/report.html");
        Path json = home.resolve("r/report.json");
        assertThat(run(controlled(), "export", newer, "--format", "csv", "--out", csv.toString()).code()).isEqualTo(0);
        assertThat(run(controlled(), "export", newer, "--format", "html", "--out", html.toString()).code()).isEqualTo(0);
        Run jsonRun = run(controlled(), "export", newer, "--format", "json", "--out", json.toString());
        assertThat(jsonRun.code()).isEqualTo(0);
        assertThat(jsonRun.err()).contains("Wrote json report");
        assertThat(Files.readAllLines(csv)).hasSize(3).first().asString().startsWith("snapshot,check,status");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("Acme").contains("low.acme.example:443")
                .doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
        assertThat(SnapshotJson.fromJson(Files.readString(json)).id()).isEqualTo(newer);
        Run audit = run(controlled(), "audit");
        assertThat(audit.out().lines().filter(l -> l.contains(" export ")).count()).as(audit.out()).isEqualTo(3);
        assertThat(run(controlled(), "export", newer, "--format", "pdf", "--out", "x").code()).isEqualTo(2);
        assertThat(run(controlled(), "export", newer, "--format", "csv").code()).isEqualTo(2);
    }

    @Test
    void auditListsVerifiesAndDetectsTampering() throws Exception {
        config("organization: Acme\ndomains: [ok.acme.example]\n");
        run(controlled(), "scan");
        run(controlled(), "scan");
        Run list = run(controlled(), "audit");
        assertThat(list.code()).isEqualTo(0);
        assertThat(list.out().lines()).hasSize(2).allMatch(l -> l.contains("scan"));
        Run ok = run(controlled(), "audit", "--verify");
        assertThat(ok.code()).isEqualTo(0);
        assertThat(ok.err()).contains("intact: 2 entries");
        Run export = run(controlled(), "audit", "--export", "-");
        assertThat(export.out()).contains("\"hash\"").contains("\"prevHash\"");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve(SqliteStore.FILE_NAME));
             Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER audit_no_update");
            st.execute("UPDATE audit SET action = 'mallory' WHERE seq = 1");
        }
        Run broken = run(controlled(), "audit", "--verify");
        assertThat(broken.code()).isEqualTo(1);
        assertThat(broken.err()).contains("broken at entry 1").contains("mallory");
    }

    @Test
    void demoStoreHoldsHistoryAndAScanForOfflineReview() {
        Run list = run("snapshots", "--demo");
        assertThat(list.code()).as(list.err()).isEqualTo(0);
        assertThat(list.out().lines().count()).isGreaterThanOrEqualTo(2);
        Run show = run("--demo", "show", "latest");
        assertThat(show.code()).isEqualTo(0);
        assertThat(show.out()).contains("Acme (demo)");
    }

    // ---------------------------------------------------------------- usage

    @Test
    void versionHelpAndUsageErrors() {
        Run v = run("--version");
        assertThat(v.code()).isEqualTo(0);
        assertThat(v.out()).startsWith("Palisade ");
        Run h = run("--help");
        assertThat(h.code()).isEqualTo(0);
        assertThat(h.out()).contains("scan").contains("snapshots").contains("show").contains("diff").contains("export")
                .contains("audit").contains("--home").contains("Exit codes");
        assertThat(run("scan", "--help").out()).contains("--only").contains("--json").contains("--fail-on");
        Run bad = run("scan", "--frobnicate");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--frobnicate");
        assertThat(run("show").code()).isEqualTo(2);
        assertThat(run("nonsense").code()).isEqualTo(2);
    }

    @Test
    void homeFlagOverridesTheEnvironment(@TempDir Path other) throws Exception {
        Files.writeString(other.resolve("palisade.yaml"), "organization: Other\ndomains: [ok.acme.example]\n");
        AtomicReference<Path> seen = new AtomicReference<>();
        WorkspaceOpener spy = (h, demo, clock, env) -> {
            seen.set(h);
            return controlled().open(h, demo, clock, env);
        };
        assertThat(run(spy, "--home", other.toString(), "snapshots").code()).isEqualTo(0);
        assertThat(seen.get()).isEqualTo(other.toAbsolutePath());
        assertThat(run(spy, "snapshots", "--home", other.toString()).code()).isEqualTo(0);
        assertThat(seen.get()).isEqualTo(other.toAbsolutePath());
        run(spy, "snapshots");
        assertThat(seen.get()).isEqualTo(home.toAbsolutePath());
    }
}
