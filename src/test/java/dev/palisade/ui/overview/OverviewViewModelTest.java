package dev.palisade.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.Severity;
import dev.palisade.core.Snapshot;
import dev.palisade.core.SourceState;
import dev.palisade.core.check.Area;
import dev.palisade.ui.testkit.InMemoryWorkspace;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OverviewViewModelTest {
    @Test
    void countsFailuresBySeverityAndBuildsTheTrendOldestFirst() {
        InMemoryWorkspace ws = new InMemoryWorkspace(Instant.parse("2026-12-01T10:00:00Z"), 4);
        var list = ws.snapshots().list();
        Snapshot latest = ws.snapshots().load(list.get(0).id()).orElseThrow();
        OverviewViewModel.Overview o = OverviewViewModel.of(latest, list);

        long critical = latest.findings().stream().filter(f -> f.status() == dev.palisade.core.Status.FAIL && f.severity() == Severity.CRITICAL).count();
        assertThat(o.failBySeverity().get(Severity.CRITICAL)).isEqualTo((int) critical).isPositive();
        assertThat(o.fail()).isEqualTo((int) latest.count(dev.palisade.core.Status.FAIL));
        assertThat(o.score()).isBetween(0, 100);
        assertThat(o.trend()).hasSize(4);
        assertThat(o.trend().get(0).at()).isBefore(o.trend().get(3).at());
        assertThat(o.trend().get(0).fail()).isGreaterThan(o.trend().get(3).fail());
        assertThat(o.changeSincePrevious()).startsWith("1 fewer failing");
        assertThat(o.tiles()).extracting(OverviewViewModel.AreaTile::area).containsExactly(Area.values());
        assertThat(o.tiles()).allMatch(t -> t.worst().size() <= 3);
        assertThat(o.sources()).anyMatch(s -> s.state() == SourceState.PARTIAL && s.message().contains("denied"));
    }

    @Test
    void saysThereIsNothingToCompareForTheFirstScan() {
        InMemoryWorkspace ws = new InMemoryWorkspace(Instant.parse("2026-12-01T10:00:00Z"), 1);
        var list = ws.snapshots().list();
        Snapshot only = ws.snapshots().load(list.get(0).id()).orElseThrow();
        assertThat(OverviewViewModel.of(only, list).changeSincePrevious()).isEqualTo("No earlier scan to compare with.");
    }
}
