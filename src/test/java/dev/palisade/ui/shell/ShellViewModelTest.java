package dev.palisade.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.palisade.core.Finding;
import dev.palisade.core.Status;
import dev.palisade.ui.SessionGate;
import dev.palisade.ui.audit.AuditViewModel;
import dev.palisade.ui.common.BackgroundTasks;
import dev.palisade.ui.testkit.InMemoryWorkspace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shell's view-model against the in-memory workspace; "fx" is the calling thread, no toolkit. */
class ShellViewModelTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final InMemoryWorkspace ws = new InMemoryWorkspace(NOW, 3);
    private final BackgroundTasks tasks = new BackgroundTasks();
    private final ShellViewModel vm = new ShellViewModel(ws, tasks, Runnable::run, Clock.fixed(NOW, ZoneOffset.UTC), SessionGate.NONE);

    @AfterEach
    void close() {
        tasks.close();
    }

    @Test
    void refreshOpensTheLatestSnapshot() throws Exception {
        assertThat(vm.snapshotProperty().get()).isNull();
        vm.refresh().get(5, TimeUnit.SECONDS);
        assertThat(vm.summaries()).hasSize(3);
        assertThat(vm.snapshotProperty().get().id()).isEqualTo(vm.summaries().get(0).id());
        assertThat(vm.viewingLatestBinding().get()).isTrue();
        assertThat(vm.titleProperty().get()).isEqualTo("Palisade — Acme Test");
    }

    @Test
    void anOlderSnapshotOpensReadOnly() throws Exception {
        vm.refresh().get(5, TimeUnit.SECONDS);
        String old = vm.summaries().get(2).id();
        vm.open(old).get(5, TimeUnit.SECONDS);
        assertThat(vm.snapshotProperty().get().id()).isEqualTo(old);
        assertThat(vm.viewingLatestBinding().get()).isFalse();
        assertThat(vm.titleProperty().get()).contains(old).contains("read-only");
    }

    @Test
    void aScanReportsProgressAndShowsTheNewSnapshot() throws Exception {
        List<Double> seen = Collections.synchronizedList(new ArrayList<>());
        vm.progressProperty().addListener((o, a, b) -> seen.add(b.doubleValue()));
        vm.refresh().get(5, TimeUnit.SECONDS);
        var scan = vm.scan();
        assertThat(vm.scanningProperty().get()).isTrue();
        var s = scan.get(10, TimeUnit.SECONDS);
        assertThat(vm.scanningProperty().get()).isFalse();
        assertThat(seen).anyMatch(d -> d > 0 && d < 1).contains(1.0);
        assertThat(vm.summaries()).hasSize(4);
        assertThat(vm.snapshotProperty().get().id()).isEqualTo(s.id()).isEqualTo("20261200-scan1");
        assertThat(vm.progressTextProperty().get()).startsWith("Scan finished");
    }

    @Test
    void aCancelledScanStoresNothing() throws Exception {
        ws.stepMillis = 2000;
        vm.refresh().get(5, TimeUnit.SECONDS);
        var scan = vm.scan();
        Thread.sleep(200);
        vm.cancelScan();
        assertThatThrownBy(() -> scan.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(vm.scanningProperty().get()).isFalse();
        assertThat(ws.snapshots().list()).hasSize(3);
        assertThat(vm.progressTextProperty().get()).contains("cancelled");
        assertThat(vm.errorProperty().get()).as("a cancel is not an error").isNull();
    }

    @Test
    void aFailedScanIsReportedInTheOnePlaceErrorsAreShown() throws Exception {
        ws.failNextScan = new IllegalStateException("aws:prod: profile acme-prod not found in ~/.aws/config");
        vm.refresh().get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> vm.scan().get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(vm.errorProperty().get().summary()).isEqualTo("Scan failed: aws:prod: profile acme-prod not found in ~/.aws/config");
        assertThat(vm.errorProperty().get().detail()).contains("IllegalStateException");
        vm.dismissError();
        assertThat(vm.errorProperty().get()).isNull();
    }

    @Test
    void mutingAFindingStoresTheTriageAuditsItAndShowsItMuted() throws Exception {
        vm.refresh().get(5, TimeUnit.SECONDS);
        Finding f = vm.snapshotProperty().get().findings().stream().filter(x -> x.check().equals("issue.security.open")
                && x.status() == Status.FAIL).findFirst().orElseThrow();
        int auditBefore = ws.audit().entries().size();
        vm.mute(f, "Accepted until the rewrite ships", NOW.plus(Duration.ofDays(14)), "alice@acme.example").get(5, TimeUnit.SECONDS);
        var t = ws.triage().allTriage().get(f.check() + "|" + f.resource().id());
        assertThat(t.note()).isEqualTo("Accepted until the rewrite ships");
        assertThat(t.owner()).isEqualTo("alice@acme.example");
        Finding now = vm.snapshotProperty().get().findings().stream().filter(x -> x.key().equals(f.key())).findFirst().orElseThrow();
        assertThat(now.status()).isEqualTo(Status.MUTED);
        assertThat(ws.audit().entries()).hasSize(auditBefore + 1);
        assertThat(ws.audit().entries().get(auditBefore).action()).isEqualTo("triage.mute");

        vm.assign(now, "bob@acme.example").get(5, TimeUnit.SECONDS);
        Finding assigned = vm.snapshotProperty().get().findings().stream().filter(x -> x.key().equals(f.key())).findFirst().orElseThrow();
        assertThat(assigned.triage().owner()).isEqualTo("bob@acme.example");
        assertThat(assigned.status()).as("assigning keeps the mute").isEqualTo(Status.MUTED);

        vm.clearTriage(assigned).get(5, TimeUnit.SECONDS);
        assertThat(vm.snapshotProperty().get().findings().stream().filter(x -> x.key().equals(f.key())).findFirst().orElseThrow().status())
                .isEqualTo(Status.FAIL);
    }

    @Test
    void aMuteNeedsANoteAndAFutureExpiry() throws Exception {
        vm.refresh().get(5, TimeUnit.SECONDS);
        Finding f = vm.snapshotProperty().get().findings().get(0);
        assertThatThrownBy(() -> vm.mute(f, " ", NOW.plusSeconds(3600), null).get()).hasMessageContaining("note");
        assertThatThrownBy(() -> vm.mute(f, "why", NOW.minusSeconds(1), null).get()).hasMessageContaining("future");
        assertThat(ws.triage().allTriage()).isEmpty();
    }

    @Test
    void overallProgressAveragesSourcesAndIsIndeterminateWhenUnknown() {
        var m = new java.util.LinkedHashMap<String, Double>();
        assertThat(ShellViewModel.overall(m)).isEqualTo(-1);
        m.put("tls", -1.0);
        assertThat(ShellViewModel.overall(m)).isEqualTo(-1);
        m.put("github", 1.0);
        assertThat(ShellViewModel.overall(m)).isEqualTo(0.5);
    }

    @Test
    void theAuditScreenSaysWhetherTheChainVerifies() throws Exception {
        AuditViewModel audit = new AuditViewModel(vm);
        audit.refresh().get(5, TimeUnit.SECONDS);
        assertThat(audit.chainProperty().get().intact()).isTrue();
        assertThat(audit.entries()).hasSize(3);
        assertThat(audit.entries().get(0).seq()).as("newest first").isEqualTo(3);
        ws.tamper(2, "edited");
        audit.refresh().get(5, TimeUnit.SECONDS);
        assertThat(audit.chainProperty().get().intact()).isFalse();
        assertThat(audit.chainProperty().get().firstBroken().seq()).isEqualTo(2);
        assertThat(audit.chainProperty().get().text()).startsWith("Chain broken at entry #2");
        audit.textProperty().set("edited");
        assertThat(audit.shown()).hasSize(1);
    }
}
