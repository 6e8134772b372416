package dev.palisade.act;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.palisade.core.Fact;
import dev.palisade.core.PayloadCodec;
import dev.palisade.core.Snapshot;
import dev.palisade.core.action.ActionPlan;
import dev.palisade.core.action.PlanStep;
import dev.palisade.core.action.RunRecord;
import dev.palisade.core.action.StepState;
import dev.palisade.core.action.Verification;
import dev.palisade.core.inventory.GitHubMember;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.Inventory;
import dev.palisade.store.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offboarding a person whose GitHub login is in several organizations: one journalled removal per org
 * (member or outside collaborator), run through the real HTTP client against GitHub's org-membership
 * endpoints on loopback, resumable, and verified in every org.
 */
class GitHubOrgsOffboardingTest {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final String MEMBER_DELETE = "github:DELETE /orgs/{org}/members/{user}";
    static final String OUTSIDE_DELETE = "github:DELETE /orgs/{org}/outside_collaborators/{user}";

    @TempDir
    Path dir;
    ActFixture fx;
    SqliteStore store;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @BeforeEach
    void setUp() throws Exception {
        fx = new ActFixture(dir);
        fx.apis.addOrg("acme-oss", Set.of("maintainer"), Set.of("dana-gh"));
        fx.apis.addOrg("acme-labs", Set.of("someone"), Set.of());
        store = SqliteStore.open(dir.resolve("palisade.db"), PayloadCodec.PLAIN);
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
        fx.close();
    }

    static GitHubMember member(String login, String role) {
        return new GitHubMember(login, login, role, Fact.known(true), List.of());
    }

    static GitHubOrg org(String name, GitHubMember... members) {
        List<GitHubMember> all = List.of(members);
        return new GitHubOrg(name, Fact.known(true), Fact.known(all), Fact.known(List.of()), Fact.known(List.of()),
                Fact.known(all.stream().filter(GitHubMember::outsideCollaborator).toList()));
    }

    static GitHubOrg unread(String name) {
        String why = "Members of " + name + " could not be listed: GitHub answered 403.";
        return new GitHubOrg(name, Fact.unknown(why), Fact.unknown(why), Fact.unknown(why), Fact.unknown(why), Fact.unknown(why));
    }

    /** The fixture's snapshot, with dana-gh a member of acme, an outside collaborator of acme-oss, and not in acme-labs. */
    static Snapshot snapshot(String id, GitHubOrg... orgs) {
        Snapshot base = ActFixture.snapshot(NOW);
        Inventory inv = base.inventory();
        return new Snapshot(id, base.organization(), NOW, NOW, List.of(), List.of(),
                new Inventory(inv.aws(), inv.tls(), inv.google(), List.of(orgs), inv.identities()));
    }

    static Snapshot before() {
        return snapshot("before", org("acme", member("dana-gh", "member"), member("someone-else", "member")),
                org("acme-oss", member("maintainer", "admin"), member("dana-gh", "outside_collaborator")),
                org("acme-labs", member("someone", "member")));
    }

    ActionPlan plan(Snapshot s) throws ActionException {
        return new OffboardingPlanner(clock).plan(s, ActFixture.EMAIL, false, Set.of(), "founder@acme.example");
    }

    static List<PlanStep> github(ActionPlan p) {
        return p.steps().stream().filter(s -> s.system().equals("github")).toList();
    }

    @Test
    void planHasOneStepPerOrgWhereTheLoginHoldsASeatWithUniqueStableTargets() throws Exception {
        List<PlanStep> steps = github(plan(before()));
        assertThat(steps).extracting(PlanStep::action, PlanStep::target, s -> s.param("org"), s -> s.param("role"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MEMBER_DELETE, "acme/dana-gh", "acme", "member"),
                        org.assertj.core.groups.Tuple.tuple(OUTSIDE_DELETE, "acme-oss/dana-gh", "acme-oss", "outside_collaborator"));
        assertThat(steps).extracting(PlanStep::description).containsExactly(
                "Remove dana-gh from the acme organization.", "Remove outside collaborator dana-gh from acme-oss.");
        // The same snapshot plans the same steps at the same indices: a stored run resumes by index.
        assertThat(github(plan(before()))).isEqualTo(steps);
        assertThat(plan(before()).steps()).extracting(PlanStep::index).doesNotHaveDuplicates();
    }

    @Test
    void anOrgWhoseMembersWereUnreadGetsARemovalTooWhichSkipsWhenThereIsNothingToRemove() throws Exception {
        Snapshot s = snapshot("s", org("acme", member("dana-gh", "member")), unread("acme-labs"));
        ActionPlan plan = plan(s);
        assertThat(github(plan)).extracting(PlanStep::target).containsExactly("acme/dana-gh", "acme-labs/dana-gh");
        RunRecord run = new ActionRunner(store.actions(), store, fx.executors(), "founder@acme.example", clock)
                .start(plan, ActionRunner.Listener.NONE);
        assertThat(run.steps()).allMatch(r -> r.state().complete());
        PlanStep labs = github(plan).get(1);
        assertThat(run.steps().get(labs.index()).state()).isEqualTo(StepState.SKIPPED);
        assertThat(run.steps().get(labs.index()).message()).isEqualTo("dana-gh is no longer a member of acme-labs.");
        assertThat(fx.apis.mutations).filteredOn(m -> m.startsWith("github")).containsExactly("github members delete dana-gh");
    }

    @Test
    void runRemovesTheLoginFromEveryOrgOnceAndResumeAfterACrashDoesNothingTwice() throws Exception {
        ActionPlan plan = plan(before());
        PlanStep firstGitHub = github(plan).get(0);
        Map<String, StepExecutor> real = fx.executors();
        Map<String, StepExecutor> dying = new HashMap<>(real);
        // The first org's removal reaches GitHub, then the process dies before the journal records it.
        dying.put("github", step -> {
            StepResult r = real.get("github").run(step);
            if (step.index() == firstGitHub.index()) {
                throw new OffboardingRunTest.ProcessDeath();
            }
            return r;
        });
        assertThatThrownBy(() -> new ActionRunner(store.actions(), store, dying, "founder@acme.example", clock)
                .start(plan, ActionRunner.Listener.NONE)).isInstanceOf(OffboardingRunTest.ProcessDeath.class);
        assertThat(fx.apis.members).containsExactly("someone-else");
        assertThat(fx.apis.otherOrgOutside.get("acme-oss")).containsExactly("dana-gh");

        RunRecord resumed = new ActionRunner(store.actions(), store, real, "founder@acme.example", clock)
                .resume(plan.runId(), ActionRunner.Listener.NONE);
        assertThat(resumed.steps()).allMatch(r -> r.state().complete());
        assertThat(resumed.steps().get(firstGitHub.index()).state()).isEqualTo(StepState.SKIPPED);
        assertThat(resumed.steps().get(github(plan).get(1).index()).state()).isEqualTo(StepState.DONE);
        assertThat(fx.apis.otherOrgOutside.get("acme-oss")).isEmpty();
        assertThat(fx.apis.otherOrgMembers.get("acme-labs")).containsExactly("someone");
        assertThat(fx.apis.mutations).filteredOn(m -> m.startsWith("github")).containsExactly(
                "github members delete dana-gh", "github outside_collaborators delete dana-gh from acme-oss");
        assertThat(store.entries()).filteredOn(e -> e.action().equals("offboard.step")).extracting(e -> e.target())
                .contains("acme/dana-gh", "acme-oss/dana-gh");
    }

    @Test
    void verificationChecksEveryOrgTheRescanRead() throws Exception {
        ActionPlan plan = plan(before());
        Verification stillIn = OffboardingVerifier.verify(plan, before());
        assertThat(stillIn.stillOpen()).contains("GitHub user dana-gh still has access to acme.",
                "GitHub user dana-gh still has access to acme-oss.");
        assertThat(stillIn.stillOpen()).noneMatch(m -> m.contains("acme-labs"));

        Snapshot partly = snapshot("after1", org("acme", member("someone-else", "member")), unread("acme-oss"),
                org("acme-labs", member("someone", "member")));
        assertThat(OffboardingVerifier.verify(plan, partly).stillOpen()).filteredOn(m -> m.contains("GitHub"))
                .containsExactly("Could not verify GitHub access of dana-gh in acme-oss: Members of acme-oss could not be"
                        + " listed: GitHub answered 403.");

        Snapshot missingOrg = snapshot("after2", org("acme", member("someone-else", "member")));
        assertThat(OffboardingVerifier.verify(plan, missingOrg).stillOpen()).filteredOn(m -> m.contains("GitHub"))
                .containsExactly("Could not verify GitHub access of dana-gh in acme-oss: the rescan did not read that organization.");

        Snapshot clean = snapshot("after3", org("acme", member("someone-else", "member")),
                org("acme-oss", member("maintainer", "admin")), org("acme-labs", member("someone", "member")));
        assertThat(OffboardingVerifier.verify(plan, clean).stillOpen()).noneMatch(m -> m.contains("GitHub"));
    }
}
