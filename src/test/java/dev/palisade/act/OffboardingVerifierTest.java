package dev.palisade.act;

import dev.palisade.core.action.ActionPlan;
import dev.palisade.core.action.RunRecord;
import dev.palisade.core.action.StepRecord;
import dev.palisade.core.action.StepState;
import dev.palisade.core.action.RunState;
import dev.palisade.core.action.Verification;
import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.Fact;
import dev.palisade.core.Snapshot;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.Inventory;
import dev.palisade.core.inventory.WorkspaceDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OffboardingVerifierTest {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    ActionPlan plan() throws ActionException {
        return new OffboardingPlanner(Clock.fixed(NOW, ZoneOffset.UTC)).plan(ActFixture.snapshot(NOW), ActFixture.EMAIL, false, Set.of(), "founder");
    }

    @Test
    void unchangedInventoryIsReportedStillOpenPerSystem() throws Exception {
        Verification v = OffboardingVerifier.verify(plan(), ActFixture.snapshot(NOW));
        assertThat(v.clean()).isFalse();
        assertThat(v.stillOpen()).contains(
                "Workspace account dana@acme.example is still active.",
                "IAM user dana in prod still has a console password.",
                "Access key AKIADANAPROD00000001 of dana in prod is still active.",
                "GitHub user dana-gh still has access to acme.");
    }

    @Test
    void cleanRescanVerifiesCleanButAnUnreadSourceNeverDoes() throws Exception {
        Snapshot before = ActFixture.snapshot(NOW);
        Inventory inv = before.inventory();
        var cleanUsers = new WorkspaceDirectory("acme.example", Fact.known(List.of()));
        var cleanOrg = new GitHubOrg("acme", Fact.known(true), Fact.known(List.of()), Fact.known(List.of()), Fact.known(List.of()));
        var awsWithoutDana = inv.aws().stream().map(e -> new dev.palisade.core.inventory.AwsEnvironment(e.env(), e.production(),
                e.profile(), e.regions(), e.tag(), e.accountId(), e.accountPublicAccessBlock(), e.buckets(), e.root(),
                e.passwordPolicy(), Fact.known(List.of()), e.roles(), e.databases(), e.logGroups(), e.certificates())).toList();
        Snapshot clean = new Snapshot("after", "Acme", NOW, NOW, List.of(), List.of(),
                new Inventory(awsWithoutDana, null, cleanUsers, List.of(cleanOrg), inv.identities()));
        assertThat(OffboardingVerifier.verify(plan(), clean).clean()).isTrue();

        Snapshot unread = new Snapshot("after2", "Acme", NOW, NOW, List.of(), List.of(),
                new Inventory(awsWithoutDana, null, cleanUsers,
                        List.of(new GitHubOrg("acme", Fact.unknown("GitHub rate limit"), Fact.unknown("GitHub rate limit"), Fact.known(List.of()), Fact.known(List.of()))),
                        inv.identities()));
        Verification v = OffboardingVerifier.verify(plan(), unread);
        assertThat(v.clean()).isFalse();
        assertThat(v.stillOpen()).containsExactly("Could not verify GitHub access of dana-gh: GitHub rate limit.");
    }

    @Test
    void recordListsEveryStepAndTheVerification() throws Exception {
        ActionPlan plan = plan();
        List<StepRecord> steps = plan.steps().stream().map(s -> new StepRecord(s.index(), StepState.DONE, NOW, NOW, "ok <b>")).toList();
        RunRecord run = new RunRecord(plan, RunState.COMPLETED, steps, new Verification(NOW, "snap-1", List.of()));
        String json = OffboardingRecord.json(run);
        assertThat(json).contains("\"schema\" : \"palisade.offboarding/1\"", "\"subject\" : \"dana@acme.example\"",
                "iam:DeleteLoginProfile", "\"ranBy\" : \"founder\"", "snap-1");
        String html = OffboardingRecord.html(run);
        assertThat(html).contains("Verified clean by rescan snap-1", "iam:DeleteLoginProfile", "ok &lt;b&gt;").doesNotContain("ok <b>");
        assertThat(html).contains("dana.ops");
    }
}
