package dev.palisade.ui.issues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.Severity;
import dev.palisade.core.config.Thresholds;
import dev.palisade.ui.testkit.SampleCompany;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IssuesViewModelTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void putsOverdueIssuesFirstWithAgeAgainstTheSlaOfTheirSeverity() {
        var rows = IssuesViewModel.issues(SampleCompany.snapshot("s", NOW, false, 0), Thresholds.defaults(), NOW);
        assertThat(rows).hasSize(3);
        var first = rows.get(0);
        assertThat(first.number()).isEqualTo(41);
        assertThat(first.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(first.slaDays()).isEqualTo(7);
        assertThat(first.ageDays()).isEqualTo(12);
        assertThat(first.overdue()).isTrue();
        assertThat(first.finding()).isNotNull();
        assertThat(rows.subList(1, 3)).noneMatch(IssuesViewModel.IssueRow::overdue);
        assertThat(rows.get(1).severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void listsAlertCountsAndSaysWhenTheyCouldNotBeRead() {
        var alerts = IssuesViewModel.alerts(SampleCompany.snapshot("s", NOW, false, 0));
        assertThat(alerts.get(0).repository()).isEqualTo("acme/api");
        var infra = alerts.stream().filter(a -> a.repository().equals("acme/infra")).findFirst().orElseThrow();
        assertThat(infra.secretScanning()).isNull();
        assertThat(infra.secretScanningError()).contains("security_events");
    }
}
