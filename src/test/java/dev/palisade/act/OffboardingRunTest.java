package dev.palisade.act;

import dev.palisade.core.action.ActionPlan;
import dev.palisade.core.action.PlanStep;
import dev.palisade.core.action.RunRecord;
import dev.palisade.core.action.StepRecord;
import dev.palisade.core.action.StepState;
import dev.palisade.core.action.RunState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.palisade.core.PayloadCodec;
import dev.palisade.store.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offboarding end to end through the real AWS SDK, the real HTTP client and the real journal
 * (SQLite), against IAM, Directory and GitHub endpoints speaking their wire formats on loopback.
 */
class OffboardingRunTest {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    @TempDir
    Path dir;
    ActFixture fx;
    SqliteStore store;
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @BeforeEach
    void setUp() throws Exception {
        fx = new ActFixture(dir);
        store = open();
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
        fx.close();
    }

    private SqliteStore open() {
        return SqliteStore.open(dir.resolve("palisade.db"), PayloadCodec.PLAIN);
    }

    private ActionPlan plan(boolean delete, Set<String> include) throws ActionException {
        return new OffboardingPlanner(clock).plan(ActFixture.snapshot(NOW), ActFixture.EMAIL, delete, include, "founder@acme.example");
    }

    private ActionRunner runner(Map<String, StepExecutor> executors) {
        return new ActionRunner(store.actions(), store, executors, "founder@acme.example", clock);
    }

    @Test
    void planListsEveryStepInOrderAndOffersLookAlikeAccounts() throws Exception {
        ActionPlan plan = plan(false, Set.of());
        assertThat(plan.steps()).extracting(PlanStep::action).startsWith(
                "directory:users.update(password)", "directory:asps.delete", "directory:verificationCodes.invalidate",
                "directory:tokens.delete", "directory:users.signOut", "directory:users.makeAdmin(false)",
                "directory:members.delete", "directory:users.update(suspended)", "iam:PutUserPolicy", "iam:DeleteLoginProfile");
        assertThat(plan.steps()).extracting(PlanStep::action).endsWith("iam:TagUser", "github:DELETE /orgs/{org}/members/{user}");
        assertThat(plan.steps()).filteredOn(s -> s.action().equals("iam:UpdateAccessKey(Inactive)"))
                .extracting(PlanStep::target).containsExactly("AKIADANAPROD00000001");
        assertThat(plan.offered()).extracting(a -> a.name()).containsExactly("dana.ops");
        assertThat(plan.steps()).noneMatch(s -> "staging".equals(s.env()));
        // Included on request, the staging look-alike gets its own steps.
        assertThat(plan(false, Set.of("arn:aws:iam::222222222222:user/dana.ops")).steps())
                .anyMatch(s -> "staging".equals(s.env()) && s.target().equals("AKIADANASTAGING00001"));
    }

    @Test
    void fullRunRevokesEverythingEverywhereAndReRunIsIdempotent() throws Exception {
        ActionPlan plan = plan(false, Set.of("arn:aws:iam::222222222222:user/dana.ops"));
        RunRecord run = runner(fx.executors()).start(plan, ActionRunner.Listener.NONE);

        assertThat(run.steps()).allMatch(s -> s.state().complete());
        assertThat(run.nextStep()).isEqualTo(-1);
        var dana = fx.prod.users.get("dana");
        assertThat(dana.loginProfile).isFalse();
        assertThat(dana.keys.values()).containsOnly("Inactive");
        assertThat(dana.mfa).isEmpty();
        assertThat(dana.attached).isEmpty();
        assertThat(dana.inline).containsOnlyKeys(OffboardingPlanner.REVOKE_SESSIONS_POLICY);
        assertThat(dana.inline.get(OffboardingPlanner.REVOKE_SESSIONS_POLICY)).contains("aws:TokenIssueTime").contains(NOW.toString());
        assertThat(dana.groups).isEmpty();
        assertThat(dana.sshKeys.values()).containsOnly("Inactive");
        assertThat(dana.tags).containsEntry("palisade:offboarded", NOW.toString());
        assertThat(fx.staging.users.get("dana.ops").keys.values()).containsOnly("Inactive");
        assertThat(fx.prod.users.get("ci-bot").keys).containsEntry("AKIACIBOT00000000001", "Active");
        var google = fx.apis.users.get(ActFixture.EMAIL);
        assertThat(google.suspended).isTrue();
        assertThat(google.admin).isFalse();
        assertThat(google.asps).isEmpty();
        assertThat(google.tokens).isEmpty();
        assertThat(google.groups).isEmpty();
        assertThat(google.backupCodesValid).isFalse();
        assertThat(google.passwordResets).isEqualTo(1);
        assertThat(fx.apis.members).containsExactly("someone-else");
        assertThat(store.entries()).extracting(e -> e.action()).contains("offboard.plan", "offboard.step");
        assertThat(store.entries()).noneMatch(e -> e.details().contains("adminsecret") || e.details().contains(ActFixture.TOKEN));

        // A second, fresh run of the same plan finds everything done: revocations are skipped.
        long keyUpdates = fx.prod.mutationCount("UpdateAccessKey");
        RunRecord again = runner(fx.executors()).start(plan(false, Set.of()).withRunId("second"), ActionRunner.Listener.NONE);
        assertThat(again.steps()).allMatch(s -> s.state().complete());
        assertThat(again.steps()).filteredOn(s -> s.state() == StepState.SKIPPED).hasSizeGreaterThan(8);
        assertThat(fx.prod.mutationCount("UpdateAccessKey")).isEqualTo(keyUpdates);
        assertThat(fx.apis.mutations).filteredOn(m -> m.startsWith("github")).hasSize(1);
    }

    @Test
    void deleteModeRemovesTheIamUserEntirely() throws Exception {
        RunRecord run = runner(fx.executors()).start(plan(true, Set.of()), ActionRunner.Listener.NONE);
        assertThat(run.steps()).allMatch(s -> s.state().complete());
        assertThat(fx.prod.users).doesNotContainKey("dana");
        assertThat(fx.prod.mutations).contains("DeleteUser dana");
    }

    @Test
    void failingStepStopsTheRunWithAnActionableMessageAndResumeFinishesIt() throws Exception {
        fx.prod.failNext("DetachUserPolicy", "AccessDenied");
        ActionPlan plan = plan(false, Set.of());
        RunRecord failed = runner(fx.executors()).start(plan, ActionRunner.Listener.NONE);

        assertThat(failed.state()).isEqualTo(RunState.FAILED);
        StepRecord bad = failed.steps().get(failed.nextStep());
        assertThat(bad.state()).isEqualTo(StepState.FAILED);
        assertThat(bad.message()).contains("iam:DetachUserPolicy", "AdministratorAccess", "prod", "AccessDenied", "acme-prod-admin");
        assertThat(fx.prod.users.get("dana").groups).containsExactly("developers"); // later steps did not run
        assertThat(store.entries()).anyMatch(e -> e.outcome().equals("failed"));

        RunRecord resumed = runner(fx.executors()).resume(plan.runId(), ActionRunner.Listener.NONE);
        assertThat(resumed.steps()).allMatch(s -> s.state().complete());
        assertThat(fx.prod.users.get("dana").attached).isEmpty();
        assertThat(fx.prod.mutationCount("DeleteLoginProfile")).isEqualTo(1);
    }

    @Test
    void processKilledBetweenStepsResumesWithNothingDoneTwice() throws Exception {
        ActionPlan plan = plan(false, Set.of());
        int killAt = plan.steps().stream().filter(s -> s.action().equals("iam:RemoveUserFromGroup")).findFirst().orElseThrow().index();
        Map<String, StepExecutor> real = fx.executors();
        AtomicInteger seen = new AtomicInteger();
        // The step's API call happens, then the process "dies" before the journal records it finished.
        StepExecutor dying = step -> {
            StepResult r = real.get(step.executorKey()).run(step);
            if (step.index() == killAt && seen.getAndIncrement() == 0) {
                throw new ProcessDeath();
            }
            return r;
        };
        Map<String, StepExecutor> wrapped = Map.of("aws:prod", dying, "google", real.get("google"), "github", real.get("github"));
        assertThatThrownBy(() -> runner(wrapped).start(plan, ActionRunner.Listener.NONE)).isInstanceOf(ProcessDeath.class);
        store.close();

        store = open(); // a new process: only the store remembers
        RunRecord interrupted = store.actions().load(plan.runId()).orElseThrow();
        assertThat(interrupted.steps().get(killAt).state()).isEqualTo(StepState.STARTED);
        assertThat(interrupted.nextStep()).isEqualTo(killAt);

        RunRecord resumed = runner(fx.executors()).resume(plan.runId(), ActionRunner.Listener.NONE);
        assertThat(resumed.steps()).allMatch(s -> s.state().complete());
        assertThat(resumed.steps().get(killAt).state()).isEqualTo(StepState.SKIPPED);
        assertThat(fx.prod.mutationCount("RemoveUserFromGroup")).isEqualTo(1);
        assertThat(fx.prod.mutationCount("DeleteLoginProfile")).isEqualTo(1);
        assertThat(fx.apis.mutations).filteredOn(m -> m.startsWith("users.update password")).hasSize(1);
        assertThat(fx.apis.mutations).filteredOn(m -> m.startsWith("github")).hasSize(1);
    }

    @Test
    void missingActionCredentialsFailTheirStepWithHowToFix() throws Exception {
        RunRecord run = runner(Map.of()).start(plan(false, Set.of()), ActionRunner.Listener.NONE);
        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(run.steps().get(0).message()).contains("No credentials to act on google");
        var env = new dev.palisade.core.config.EnvironmentConfig("prod", true,
                new dev.palisade.core.config.AwsConfig("acme-prod", null, null, null, null));
        assertThatThrownBy(() -> fx.clients().iam(env)).isInstanceOf(ActionException.class)
                .hasMessageContaining("actionProfile").hasMessageContaining("environments.prod.aws");
    }

    @Test
    void expiredWorkspaceTokenIsExplained() throws Exception {
        var exec = new DirectoryExecutor(fx.apis.directoryUrl(), "wrong"::toCharArray);
        PlanStep step = plan(false, Set.of()).steps().get(0);
        assertThatThrownBy(() -> exec.run(step)).isInstanceOf(ActionException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("sign in again").hasMessageNotContaining("wrong");
    }

    static final class ProcessDeath extends Error {
    }
}
