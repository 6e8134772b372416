package dev.palisade.ui.issues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.Fact;
import dev.palisade.core.Severity;
import dev.palisade.core.config.Thresholds;
import dev.palisade.core.inventory.AlertCounts;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.GitHubRepo;
import dev.palisade.core.inventory.SecurityIssue;
import dev.palisade.ui.testkit.SampleCompany;
import java.time.Instant;
import java.util.List;
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

    @Test
    void aggregatesIssuesAndRepositoriesOfEveryOrg() {
        var s = SampleCompany.snapshot("s", NOW, false, 0);
        var oss = new GitHubOrg("acme-oss", Fact.known(true),
                Fact.known(List.of()),
                Fact.known(List.of(new GitHubRepo("acme-oss/sdk-js", false, false,
                        Fact.known(new AlertCounts(1, 0, 0, 1, 0)),
                        Fact.known(AlertCounts.none())))),
                Fact.known(List.of(new SecurityIssue(
                        "https://github.com/acme-oss/sdk-js/issues/5", "acme-oss/sdk-js", 5, "Prototype pollution",
                        List.of("security"), "low", NOW.minusSeconds(86400 * 2), null, "jo"))));
        var two = SampleCompany.withOrganization(s, oss);
        var rows = IssuesViewModel.issues(two, Thresholds.defaults(), NOW);
        assertThat(rows).hasSize(4).extracting(IssuesViewModel.IssueRow::repository).contains("acme-oss/sdk-js", "acme/api", "acme/web");
        assertThat(rows.get(3).severity()).isEqualTo(Severity.LOW);
        assertThat(IssuesViewModel.alerts(two)).extracting(IssuesViewModel.AlertRow::repository)
                .containsExactlyInAnyOrder("acme/api", "acme/web", "acme/infra", "acme-oss/sdk-js");
    }
}
