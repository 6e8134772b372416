package dev.palisade.collect.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.checks.GitHubChecks;
import dev.palisade.collect.CollectorResult;
import dev.palisade.collect.ScanProgress;
import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.Status;
import dev.palisade.core.Triage;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.check.CheckEngine;
import dev.palisade.core.config.GitHubConfig;
import dev.palisade.core.config.PalisadeConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** From GitHub's wire format to findings: collector, the GitHub checks and triage, as a scan runs them. */
class GitHubScanEndToEndTest {
    GitHubApiServer server;
    final CheckEngine engine = new CheckEngine(GitHubChecks.all());

    @BeforeEach
    void start() throws Exception {
        server = GitHubApiServer.start("/api/v3");
        GitHubCollectorTest.populate(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    List<Finding> scan(Map<String, Triage> triage, Instant now) throws InterruptedException {
        return scan(triage, now, server.validToken);
    }

    List<Finding> scan(Map<String, Triage> triage, Instant now, String token) throws InterruptedException {
        GitHubConfig gh = new GitHubConfig("acme", server.apiUrl().toString(), "PALISADE_GITHUB_TOKEN",
                List.of("security", "vulnerability"));
        PalisadeConfig cfg = new PalisadeConfig(null, "Acme", null, null, null, null, gh, null, null);
        CollectorResult r = GitHubCollector.fromConfig(cfg, Map.of("PALISADE_GITHUB_TOKEN", token)::get,
                java.util.Optional::empty).collect(ScanProgress.NONE);
        return CheckEngine.applyTriage(engine.evaluate(new CheckContext(r.inventory(), cfg, now)), triage, now);
    }

    static List<String> summary(List<Finding> fs, String check) {
        return fs.stream().filter(f -> f.check().equals(check))
                .map(f -> f.resource().id() + " " + f.status() + " " + f.severity()).sorted().toList();
    }

    @Test
    void givesTheRightFindingForEveryMemberRepositoryAndIssue() throws Exception {
        List<Finding> fs = scan(Map.of(), Instant.now());
        assertThat(summary(fs, "github.org.2fa_required")).containsExactly("github-org:acme PASS HIGH");
        List<String> members = summary(fs, "github.member.2fa");
        assertThat(members).hasSize(34)
                .contains("founder PASS HIGH", "ops-admin FAIL CRITICAL", "dev07 FAIL HIGH", "dev14 FAIL HIGH",
                        "dev21 FAIL HIGH", "dev28 FAIL HIGH", "dev29 PASS HIGH", "contractor1 FAIL HIGH", "contractor2 PASS HIGH");
        assertThat(members.stream().filter(s -> s.contains("FAIL"))).hasSize(6);
        assertThat(summary(fs, "github.dependabot.alerts")).containsExactly(
                "acme/api FAIL CRITICAL", "acme/legacy FAIL LOW", "acme/web PASS HIGH");
        assertThat(summary(fs, "github.secret_scanning.alerts")).containsExactly(
                "acme/api FAIL HIGH", "acme/legacy FAIL LOW", "acme/web PASS HIGH");
        assertThat(summary(fs, "issue.security.open")).containsExactly(
                "https://github.com/acme/api/issues/1 FAIL CRITICAL", "https://github.com/acme/api/issues/5 FAIL LOW",
                "https://github.com/acme/api/issues/6 FAIL MEDIUM", "https://github.com/acme/web/issues/2 FAIL HIGH");
        assertThat(summary(fs, "issue.security.overdue")).containsExactly(
                "https://github.com/acme/api/issues/1 FAIL CRITICAL", "https://github.com/acme/api/issues/5 FAIL LOW",
                "https://github.com/acme/api/issues/6 PASS MEDIUM", "https://github.com/acme/web/issues/2 PASS MEDIUM");
        assertThat(fs).noneMatch(f -> f.status() == Status.ERROR);
        assertThat(fs).allSatisfy(f -> assertThat(f.message()).doesNotContain(GitHubCollectorTest.LEAKED));
    }

    @Test
    void aTokenWithoutSecurityEventsGivesErrorsNeverPassesForAlerts() throws Exception {
        server.tokenScopes.remove("security_events");
        server.tokenScopes.remove("repo");
        List<Finding> fs = scan(Map.of(), Instant.now());
        for (String check : List.of("github.dependabot.alerts", "github.secret_scanning.alerts")) {
            assertThat(fs).filteredOn(f -> f.check().equals(check)).hasSize(3).allSatisfy(f -> {
                assertThat(f.status()).isEqualTo(Status.ERROR);
                assertThat(f.message()).contains("security_events");
            });
        }
        assertThat(fs).filteredOn(f -> f.check().startsWith("issue.security")).hasSize(2)
                .allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.ERROR));
        assertThat(summary(fs, "github.member.2fa")).hasSize(34);
    }

    @Test
    void aBadTokenMakesEveryGitHubCheckError() throws Exception {
        List<Finding> fs = scan(Map.of(), Instant.now(), "ghp_someOtherToken");
        assertThat(fs).isNotEmpty().allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.message()).contains("401");
        });
        assertThat(fs).extracting(Finding::check).containsExactlyInAnyOrder("github.org.2fa_required",
                "github.member.2fa", "github.member.2fa", "github.dependabot.alerts", "github.secret_scanning.alerts",
                "issue.security.open", "issue.security.overdue");
    }

    @Test
    void muteAndOwnerOfAnIssueLastAcrossScansUntilTheMuteExpires() throws Exception {
        Instant now = Instant.now();
        String url = "https://github.com/acme/api/issues/5";
        Triage t = Triage.mute("issue.security.overdue", url, now.plus(Duration.ofDays(7)),
                "Vendor patch due next week.", "founder@acme.example", now).withOwner("dana@acme.example", "founder@acme.example", now);
        Map<String, Triage> stored = CheckEngine.index(List.of(t));

        Finding first = find(scan(stored, now), "issue.security.overdue", url);
        assertThat(first.status()).isEqualTo(Status.MUTED);
        assertThat(first.severity()).isEqualTo(Severity.LOW);
        assertThat(first.triage().owner()).isEqualTo("dana@acme.example");
        assertThat(find(scan(stored, now), "issue.security.open", url).status()).isEqualTo(Status.FAIL);

        Finding later = find(scan(stored, now.plus(Duration.ofDays(8))), "issue.security.overdue", url);
        assertThat(later.status()).isEqualTo(Status.FAIL);
        assertThat(later.triage().owner()).isEqualTo("dana@acme.example");
        assertThat(CheckEngine.failsAtOrAbove(List.of(first), Severity.LOW)).isFalse();
        assertThat(CheckEngine.failsAtOrAbove(List.of(later), Severity.LOW)).isTrue();
    }

    static Finding find(List<Finding> fs, String check, String id) {
        return fs.stream().filter(f -> f.check().equals(check) && f.resource().id().equals(id)).findFirst().orElseThrow();
    }

}
