package dev.palisade.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.palisade.collect.CollectorResult;
import dev.palisade.collect.ScanProgress;
import dev.palisade.collect.demo.DemoWorkspace;
import dev.palisade.core.Finding;
import dev.palisade.core.Snapshot;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.Status;
import dev.palisade.core.Triage;
import dev.palisade.core.config.ConfigException;
import dev.palisade.store.AuditEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalWorkspaceTest {
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final String YAML = """
            organization: Acme Inc
            domains: [ok.acme.example, bad.acme.example, {host: api.acme.example, port: 8443}]
            github: {organization: acme}
            """;

    @TempDir
    Path home;

    private LocalWorkspace open(CollectorRegistry registry, Duration deadline) throws Exception {
        Files.writeString(home.resolve("palisade.yaml"), YAML);
        return LocalWorkspace.open(home, LocalWorkspace.Options.defaults().withRegistry(registry)
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC)).withScanDeadline(deadline)
                .withChecks(List.of(TestSources.TLS_CHECK, TestSources.GITHUB_CHECK)).withActor("dana@acme.example"));
    }

    @Test
    void runsCollectorsConcurrentlyMergesEvaluatesStoresAndAudits() throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        CollectorRegistry r = new CollectorRegistry()
                .register("tls", TestSources.factory("tls", cfg -> {
                    both.countDown();
                    assertThat(both.await(5, TimeUnit.SECONDS)).as("github collector runs at the same time").isTrue();
                    return TestSources.tls(cfg);
                }))
                .register("github", TestSources.factory("github", cfg -> {
                    both.countDown();
                    assertThat(both.await(5, TimeUnit.SECONDS)).isTrue();
                    return TestSources.github(cfg);
                }));
        List<SourceStatus> finished = new CopyOnWriteArrayList<>();
        try (LocalWorkspace ws = open(r, Duration.ofSeconds(20))) {
            Snapshot s = ws.scan(Set.of(), recording(finished));
            assertThat(s.id()).matches(SnapshotIds.FORMAT).startsWith("20261122-090000-");
            assertThat(s.organization()).isEqualTo("Acme Inc");
            assertThat(s.sources()).extracting(SourceStatus::name, SourceStatus::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("tls", SourceState.OK),
                            org.assertj.core.groups.Tuple.tuple("github", SourceState.OK));
            assertThat(s.inventory().tls().endpoints()).hasSize(3);
            assertThat(s.inventory().github().get(0).organization()).isEqualTo("acme");
            assertThat(s.inventory().identities()).isNotNull();
            assertThat(s.findings()).extracting(Finding::status).containsExactly(Status.FAIL, Status.PASS, Status.PASS, Status.PASS);
            assertThat(ws.snapshots().load(s.id())).contains(s);
            assertThat(ws.audit().entries()).extracting(AuditEntry::action, AuditEntry::target, AuditEntry::actor)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("scan", s.id(), "dana@acme.example"));
        }
    }

    @Test
    void aThrowingCollectorIsAnErrorSourceWhoseChecksReportErrorNeverSilence() throws Exception {
        CollectorRegistry r = new CollectorRegistry()
                .register("tls", TestSources.factory("tls", cfg -> {
                    throw new IllegalStateException("socket factory broken");
                }))
                .register("github", TestSources.factory("github", TestSources::github));
        List<SourceStatus> finished = new CopyOnWriteArrayList<>();
        try (LocalWorkspace ws = open(r, Duration.ofSeconds(20))) {
            Snapshot s = ws.scan(Set.of(), recording(finished));
            SourceStatus tls = s.sources().get(0);
            assertThat(finished).as("the failure is reported as it happens").containsExactly(tls);
            assertThat(tls.status()).isEqualTo(SourceState.ERROR);
            assertThat(tls.error()).contains("tls collector failed").contains("socket factory broken");
            assertThat(s.anySourceFailed()).isTrue();
            assertThat(s.findings()).filteredOn(f -> f.check().equals("test.tls.reachable"))
                    .hasSize(3).allMatch(f -> f.status() == Status.ERROR);
            assertThat(s.findings()).filteredOn(f -> f.check().equals("test.github.2fa"))
                    .extracting(Finding::status).containsExactly(Status.PASS);
            assertThat(ws.audit().entries().get(0).outcome()).isEqualTo("ERROR");
        }
    }

    @Test
    void aCollectorPastTheDeadlineIsCancelledAndReportedAsError() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        CollectorRegistry r = new CollectorRegistry()
                .register("tls", TestSources.factory("tls", cfg -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                    return TestSources.tls(cfg);
                }))
                .register("github", TestSources.factory("github", TestSources::github));
        try (LocalWorkspace ws = open(r, Duration.ofMillis(300))) {
            long t0 = System.nanoTime();
            Snapshot s = ws.scan(Set.of(), ScanProgress.NONE);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
            assertThat(s.sources().get(0).status()).isEqualTo(SourceState.ERROR);
            assertThat(s.sources().get(0).error()).containsIgnoringCase("did not finish within the scan deadline of 300 ms");
            assertThat(s.sources().get(1).status()).isEqualTo(SourceState.OK);
            assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the late collector is interrupted").isTrue();
            assertThat(s.findings()).filteredOn(f -> f.check().equals("test.tls.reachable"))
                    .allMatch(f -> f.status() == Status.ERROR).hasSize(3);
        }
    }

    @Test
    void anInterruptedScanStoresNothing() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CollectorRegistry r = new CollectorRegistry()
                .register("tls", TestSources.factory("tls", cfg -> {
                    started.countDown();
                    Thread.sleep(60_000);
                    return TestSources.tls(cfg);
                }));
        try (LocalWorkspace ws = open(r, Duration.ofMinutes(5))) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread scanner = new Thread(() -> {
                try {
                    ws.scan(Set.of("tls"), ScanProgress.NONE);
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            scanner.start();
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            scanner.interrupt();
            scanner.join(10_000);
            assertThat(scanner.isAlive()).isFalse();
            assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
            assertThat(ws.snapshots().list()).isEmpty();
            assertThat(ws.audit().entries()).isEmpty();
        }
    }

    @Test
    void appliesStoredTriage() throws Exception {
        CollectorRegistry r = new CollectorRegistry().register("tls", TestSources.factory("tls", TestSources::tls));
        try (LocalWorkspace ws = open(r, Duration.ofSeconds(20))) {
            ws.triage().putTriage(new Triage("test.tls.reachable", "bad.acme.example:443", NOW.plusSeconds(3600),
                    "accepted", "sam", "dana", NOW));
            Snapshot s = ws.scan(Set.of("tls"), ScanProgress.NONE);
            Finding bad = s.findings().stream().filter(f -> f.resource().id().equals("bad.acme.example:443")).findFirst().orElseThrow();
            assertThat(bad.status()).isEqualTo(Status.MUTED);
            assertThat(bad.triage().note()).isEqualTo("accepted");
            ws.triage().clearTriage("test.tls.reachable", "bad.acme.example:443");
            assertThat(ws.triage().allTriage()).isEmpty();
            assertThat(ws.audit().entries()).extracting(AuditEntry::action).containsExactly("triage.mute", "scan", "triage.clear");
            assertThat(ws.audit().entries().get(0).actor()).isEqualTo("dana");
            assertThat(ws.audit().entries().get(0).details()).contains("muted until").contains("owner sam").doesNotContain("accepted");
            assertThat(ws.audit().firstBroken()).isEmpty();
        }
    }

    @Test
    void onlySelectsSourcesAndRefusesUnknownOrUnconfiguredOnes() throws Exception {
        CollectorRegistry r = new CollectorRegistry()
                .register("tls", TestSources.factory("tls", TestSources::tls))
                .register("github", TestSources.factory("github", TestSources::github));
        try (LocalWorkspace ws = open(r, Duration.ofSeconds(20))) {
            Snapshot s = ws.scan(Set.of("github"), ScanProgress.NONE);
            assertThat(s.sources()).extracting(SourceStatus::name).containsExactly("github");
            assertThat(s.inventory().tls()).isNull();
            assertThatThrownBy(() -> ws.scan(Set.of("gitlab"), ScanProgress.NONE)).isInstanceOf(ScanException.class)
                    .hasMessageContaining("Unknown source 'gitlab'");
            assertThatThrownBy(() -> ws.scan(Set.of("aws"), ScanProgress.NONE)).isInstanceOf(ScanException.class)
                    .hasMessageContaining("'aws' is not configured").hasMessageContaining("aws: block");
            assertThat(ws.snapshots().list()).hasSize(1);
        }
    }

    @Test
    void aConfiguredSourceWithoutACollectorInThisBuildIsAnErrorNotSilence() throws Exception {
        CollectorRegistry r = new CollectorRegistry().register("tls", TestSources.factory("tls", TestSources::tls));
        try (LocalWorkspace ws = open(r, Duration.ofSeconds(20))) {
            Snapshot s = ws.scan(Set.of(), ScanProgress.NONE);
            assertThat(s.sources()).extracting(SourceStatus::name).containsExactly("tls", "github");
            assertThat(s.sources().get(1).status()).isEqualTo(SourceState.ERROR);
            assertThat(s.sources().get(1).error()).contains("no github collector");
            assertThat(s.findings()).filteredOn(f -> f.check().equals("test.github.2fa"))
                    .extracting(Finding::status).containsExactly(Status.ERROR);
        }
    }

    @Test
    void aBadConfigurationFailsBeforeTheStoreIsCreated() throws Exception {
        Files.writeString(home.resolve("palisade.yaml"), "organization: Acme\nthresholds: {maxProdPeople: lots}\n");
        assertThatThrownBy(() -> LocalWorkspace.open(home, LocalWorkspace.Options.defaults()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(":2:");
        assertThat(home.resolve("palisade.db")).doesNotExist();
    }

    @Test
    void demoIsSeededOnceWithHistoryAndAFirstScan() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        int history;
        String first;
        try (LocalWorkspace ws = LocalWorkspace.openDemo(home, clock)) {
            assertThat(ws.isDemo()).isTrue();
            assertThat(ws.organization()).isEqualTo(DemoWorkspace.ORGANIZATION);
            history = DemoWorkspace.history(NOW, ws.engine()).size();
            assertThat(ws.snapshots().list()).hasSize(history + 1);
            first = ws.snapshots().latest().orElseThrow().id();
            Snapshot firstScan = ws.snapshots().load(first).orElseThrow();
            assertThat(firstScan.sources()).isNotEmpty().filteredOn(x -> !x.name().equals("tls"))
                    .allMatch(x -> x.status() == SourceState.OK);
            if (firstScan.inventory().tls() != null) {
                assertThat(firstScan.sources()).extracting(SourceStatus::name).contains("tls").doesNotContain("demo");
            }
        }
        try (LocalWorkspace ws = LocalWorkspace.openDemo(home, clock)) {
            assertThat(ws.snapshots().list()).hasSize(history + 1);
            Snapshot again = ws.scan(Set.of(), ScanProgress.NONE);
            assertThat(again.id()).isNotEqualTo(first);
            assertThat(ws.snapshots().list()).hasSize(history + 2);
            assertThatThrownBy(() -> ws.scan(Set.of("jira"), ScanProgress.NONE)).isInstanceOf(ScanException.class);
            Snapshot tlsOnly = ws.scan(Set.of("tls"), ScanProgress.NONE);
            assertThat(tlsOnly.inventory().aws()).isEmpty();
            assertThat(tlsOnly.inventory().github()).isEmpty();
            assertThat(tlsOnly.sources()).extracting(SourceStatus::name).containsExactly("tls");
        }
    }

    @Test
    void factoryThatThrowsIsAnErrorSource() throws Exception {
        CollectorRegistry r = new CollectorRegistry()
                .register("tls", cfg -> {
                    throw new IllegalArgumentException("extra CA file missing");
                });
        try (LocalWorkspace ws = open(r, Duration.ofSeconds(20))) {
            Snapshot s = ws.scan(Set.of("tls"), ScanProgress.NONE);
            assertThat(s.sources().get(0).error()).contains("could not start").contains("extra CA file missing");
            assertThat(s.sources().get(0).status()).isEqualTo(SourceState.ERROR);
        }
    }

    @SuppressWarnings("unused")
    private static CollectorResult none() {
        return null;
    }

    /** Progress that keeps each source's status as it finishes. */
    private static ScanProgress recording(List<SourceStatus> finished) {
        return new ScanProgress() {
            @Override
            public void update(String source, double fraction, String message) {
            }

            @Override
            public void finished(SourceStatus status) {
                finished.add(status);
            }
        };
    }
}
