package dev.palisade.collect.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.checks.AbstractCheck;
import dev.palisade.core.Finding;
import dev.palisade.core.Resources;
import dev.palisade.core.Severity;
import dev.palisade.core.Snapshot;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.Status;
import dev.palisade.core.check.Area;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.check.CheckEngine;
import dev.palisade.core.inventory.Bucket;
import dev.palisade.core.inventory.GitHubMember;
import dev.palisade.core.inventory.Inventory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DemoHistoryTest {
    static final Instant NOW = Instant.parse("2026-12-02T09:15:30.250Z");

    /** Records the time each evaluation ran at, and reports bucket versioning and GitHub 2FA, with ERROR when unread. */
    static final class ProbeCheck extends AbstractCheck {
        final List<Instant> evaluatedAt = new CopyOnWriteArrayList<>();

        ProbeCheck() {
            super("test.probe", "Probe", Area.BUCKETS, "aws", Severity.LOW, "r", "Fix it.");
        }

        @Override
        public List<Finding> evaluate(CheckContext ctx) {
            evaluatedAt.add(ctx.now());
            List<Finding> out = new ArrayList<>();
            for (Bucket b : DemoWorkspaceTest.buckets(ctx.inventory())) {
                boolean on = "Enabled".equals(b.versioning().value());
                out.add(on ? pass("prod", Resources.bucket(b.name()), "Versioned " + b.name())
                        : fail("prod", Resources.bucket(b.name()), "Not versioned " + b.name()));
            }
            var members = ctx.inventory().github().get(0).members();
            if (!members.isKnown()) {
                out.add(error(null, Resources.githubOrg("acme-demo"), members.error()));
            } else {
                for (GitHubMember m : members.value()) {
                    out.add(Boolean.TRUE.equals(m.twoFactorEnabled().value()) ? pass(null, Resources.githubMember(m.login()), "2FA " + m.login())
                            : fail(null, Resources.githubMember(m.login()), "No 2FA " + m.login()));
                }
            }
            return out;
        }
    }

    @Test
    void sixWeeklySnapshotsBeforeNowOldestFirstWithIdsFromTheirTime() {
        ProbeCheck probe = new ProbeCheck();
        List<Snapshot> h = DemoWorkspace.history(NOW, new CheckEngine(List.of(probe)));
        assertThat(h).hasSize(DemoWorkspace.HISTORY_WEEKS);
        Instant anchor = Instant.parse("2026-12-02T09:15:30Z");
        for (int i = 0; i < h.size(); i++) {
            Snapshot s = h.get(i);
            assertThat(s.startedAt()).isEqualTo(anchor.minus(Duration.ofDays(7L * (6 - i))));
            assertThat(s.finishedAt()).isAfter(s.startedAt());
            assertThat(s.id()).isEqualTo(DemoWorkspace.snapshotId(s.startedAt()));
            assertThat(s.organization()).isEqualTo(DemoWorkspace.ORGANIZATION);
            assertThat(s.schema()).isEqualTo(Snapshot.SCHEMA);
            assertThat(s.inventory().identities()).as("linked by the core").isNotNull();
        }
        assertThat(h.get(0).id()).startsWith("20261021-091530-").matches("\\d{8}-\\d{6}-[0-9a-f]{4}");
        assertThat(h.get(5).startedAt()).isBefore(NOW);
        assertThat(h).extracting(Snapshot::id).doesNotHaveDuplicates().isSorted();
        // Each week is evaluated at its own time, not at "now".
        assertThat(probe.evaluatedAt).containsExactlyElementsOf(h.stream().map(Snapshot::startedAt).toList());
    }

    @Test
    void exactlyOneWeekHasAPartialGitHubSourceWhoseChecksAreErrors() {
        List<Snapshot> h = DemoWorkspace.history(NOW, new CheckEngine(List.of(new ProbeCheck())));
        List<Snapshot> partial = h.stream().filter(DemoHistoryTest::githubFailed).toList();
        assertThat(partial).hasSize(1);
        Snapshot p = partial.get(0);
        SourceStatus gh = p.sources().stream().filter(s -> s.name().equals("github")).findFirst().orElseThrow();
        assertThat(gh.status()).isEqualTo(SourceState.PARTIAL);
        assertThat(gh.error()).contains("rate limit");
        assertThat(p.sources()).filteredOn(s -> !s.name().equals("github") && !s.name().equals("tls"))
                .allSatisfy(s -> assertThat(s.status()).isEqualTo(SourceState.OK));
        assertThat(p.inventory().github().get(0).members().isKnown()).isFalse();
        assertThat(p.inventory().github().get(0).issues().isKnown()).isFalse();
        assertThat(p.inventory().github().get(0).outsideCollaborators().isKnown()).isFalse();
        assertThat(p.inventory().github().get(0).twoFactorRequired().isKnown()).isTrue();
        assertThat(p.findings()).anySatisfy(f -> {
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.message()).contains("rate limit");
        });
        // The week before and after read GitHub fine.
        int i = h.indexOf(p);
        assertThat(githubFailed(h.get(i - 1))).isFalse();
        assertThat(githubFailed(h.get(i + 1))).isFalse();
    }

    @Test
    void postureImprovesWithRegressions() {
        List<Snapshot> h = DemoWorkspace.history(NOW, new CheckEngine(List.of(new ProbeCheck())));
        // Improvement: acme-prod-backups got versioning back in week 3 and kept it.
        assertThat(versioning(h.get(0).inventory(), "acme-prod-backups")).contains("Suspended");
        assertThat(versioning(h.get(3).inventory(), "acme-prod-backups")).contains("Enabled");
        assertThat(versioning(DemoWorkspace.inventory(NOW), "acme-prod-backups")).contains("Enabled");
        // Regression: a new unencrypted bucket appears in week 4.
        assertThat(versioning(h.get(3).inventory(), "acme-prod-ml-models")).isEmpty();
        assertThat(versioning(h.get(4).inventory(), "acme-prod-ml-models")).contains("Disabled");
        // Regression: the org stopped requiring 2FA in week 5, and members without 2FA show up.
        assertThat(h.get(4).inventory().github().get(0).twoFactorRequired().value()).isTrue();
        assertThat(h.get(5).inventory().github().get(0).twoFactorRequired().value()).isFalse();
        assertThat(failing(h.get(4), "github.member")).isZero();
        assertThat(failing(h.get(5), "github.member")).isPositive();
        // Week over week the inventories differ.
        for (int i = 1; i < h.size(); i++) {
            assertThat(h.get(i).inventory().aws()).isNotEqualTo(h.get(i - 1).inventory().aws());
        }
    }

    @Test
    void securityIssuesOpenAndCloseOverTheWeeks() {
        List<Snapshot> h = DemoWorkspace.history(NOW, new CheckEngine(List.of()));
        // Week 0 predates the security label; from week 1 issues open and close.
        assertThat(h.get(0).inventory().github().get(0).issues().value()).isEmpty();
        var first = h.get(1).inventory().github().get(0).issues().value();
        var last = DemoWorkspace.inventory(NOW).github().get(0).issues().value();
        assertThat(first).extracting(i -> i.number()).contains(301).doesNotContain(412);
        assertThat(last).extracting(i -> i.number()).contains(412).doesNotContain(301);
        assertThat(first).allSatisfy(i -> assertThat(i.createdAt()).isBefore(h.get(1).startedAt()));
    }

    @Test
    void historyIsDeterministic() {
        var a = DemoWorkspace.history(NOW, new CheckEngine(List.of(new ProbeCheck())));
        var b = DemoWorkspace.history(NOW, new CheckEngine(List.of(new ProbeCheck())));
        assertThat(a).isEqualTo(b);
    }

    private static Optional<String> versioning(Inventory inv, String bucket) {
        return DemoWorkspaceTest.buckets(inv).stream().filter(b -> b.name().equals(bucket)).map(b -> b.versioning().value()).findFirst();
    }

    private static long failing(Snapshot s, String resourceType) {
        return s.findings().stream().filter(f -> f.status() == Status.FAIL && f.resource().type().equals(resourceType)).count();
    }

    static boolean githubFailed(Snapshot s) {
        return s.sources().stream().anyMatch(x -> x.name().equals("github") && x.status() != SourceState.OK);
    }
}
