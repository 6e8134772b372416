package dev.palisade.act;

import dev.palisade.core.action.ActionJournal;
import dev.palisade.core.action.ActionPlan;
import dev.palisade.core.action.RunRecord;
import dev.palisade.core.action.Verification;
import dev.palisade.core.Snapshot;
import dev.palisade.core.config.EnvironmentConfig;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.scan.Workspace;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offboarding workflow the CLI and the UI share: plan from the latest snapshot, run with the
 * founder's action credentials (journalled, audited, resumable), then verify by rescanning the
 * affected sources and record the verification.
 */
public final class Offboarding {
    private final Workspace workspace;
    private final ActionJournal journal;
    private final AwsActionClients aws;
    private final String actor;
    private final Clock clock;

    public Offboarding(Workspace workspace, ActionJournal journal, AwsActionClients aws, String actor, Clock clock) {
        this.workspace = workspace;
        this.journal = journal;
        this.aws = aws;
        this.actor = actor;
        this.clock = clock;
    }

    public ActionPlan plan(String email, boolean deleteIamUsers, Set<String> includeOffered) throws ActionException {
        refuseDemo();
        var latest = workspace.snapshots().latest()
                .orElseThrow(() -> new ActionException("No snapshot yet: run a scan first, so the plan knows what " + email + " holds."));
        Snapshot snapshot = workspace.snapshots().load(latest.id())
                .orElseThrow(() -> new ActionException("Snapshot " + latest.id() + " could not be read."));
        return new OffboardingPlanner(clock).plan(snapshot, email, deleteIamUsers, includeOffered, actor);
    }

    /** Runs a confirmed plan: {@code typedConfirmation} must repeat the person's email. */
    public RunRecord run(ActionPlan plan, String typedConfirmation, ActionCredentials credentials,
                         ActionRunner.Listener listener) throws ActionException, InterruptedException {
        refuseDemo();
        if (typedConfirmation == null || !typedConfirmation.strip().equalsIgnoreCase(plan.subject())) {
            workspace.audit().append(actor, "offboard.plan", plan.subject(), "refused", "confirmation did not match the email");
            throw new ActionException("Confirmation does not match: type " + plan.subject() + " exactly to run the plan.");
        }
        RunRecord run = runner(plan, credentials).start(plan, listener);
        return finish(run);
    }

    public RunRecord resume(String runId, ActionCredentials credentials, ActionRunner.Listener listener)
            throws ActionException, InterruptedException {
        refuseDemo();
        RunRecord existing = journal.load(runId)
                .orElseThrow(() -> new ActionException("No action run " + runId + "; `palisade offboard --list` shows the runs."));
        RunRecord run = runner(existing.plan(), credentials).resume(runId, listener);
        return finish(run);
    }

    /** The offered accounts the founder chose to include, so the preview can keep listing them (ticked). */
    public List<dev.palisade.core.inventory.AccountRef> lookAlikesIncluded(ActionPlan plan, Set<String> included) {
        var latest = workspace.snapshots().latest();
        if (latest.isEmpty() || included.isEmpty()) {
            return List.of();
        }
        var snap = workspace.snapshots().load(latest.get().id());
        if (snap.isEmpty() || snap.get().inventory().identities() == null) {
            return List.of();
        }
        return OffboardingPlanner.lookAlikes(snap.get().inventory().identities().unowned(), plan.subject()).stream()
                .filter(a -> included.contains(a.id())).toList();
    }

    /** Audits that a run's record left the encrypted store (an export). */
    public void recordExported(String runId, String where) {
        workspace.audit().append(actor, "offboard.export", runId, "OK", "record to " + where);
    }

    public List<RunRecord> runs() {
        return journal.list().stream().filter(r -> r.plan().kind().equals("offboard")).toList();
    }

    private RunRecord finish(RunRecord run) throws InterruptedException {
        if (run.nextStep() >= 0) {
            return run;
        }
        Set<String> kinds = new LinkedHashSet<>();
        run.plan().steps().forEach(s -> kinds.add(s.system()));
        Snapshot rescan = workspace.scan(kinds, dev.palisade.collect.ScanProgress.NONE);
        Verification v = OffboardingVerifier.verify(run.plan(), rescan);
        return new ActionRunner(journal, workspace.audit(), Map.of(), actor, clock).complete(run.runId(), v);
    }

    private ActionRunner runner(ActionPlan plan, ActionCredentials credentials) {
        PalisadeConfig config = workspace.config();
        Map<String, StepExecutor> executors = new HashMap<>();
        for (String key : plan.executorKeys()) {
            if (key.startsWith("aws:")) {
                String env = key.substring(4);
                EnvironmentConfig ec = config.environments().get(env);
                if (ec != null) {
                    try {
                        executors.put(key, new AwsIamExecutor(aws.iam(ec), env, ec.aws().actionProfile()));
                    } catch (ActionException e) {
                        executors.put(key, step -> {
                            throw e;
                        });
                    }
                }
            } else if (key.equals("google") && config.google() != null) {
                credentials.workspaceToken().ifPresent(t -> executors.put(key, new DirectoryExecutor(config.google().directoryUrl(), t)));
            } else if (key.equals("github") && config.github() != null) {
                credentials.githubAdminToken().ifPresent(t -> executors.put(key, new GitHubOrgExecutor(config.github().apiUrl(), t)));
            }
        }
        return new ActionRunner(journal, workspace.audit(), executors, actor, clock);
    }

    private void refuseDemo() throws ActionException {
        if (workspace.isDemo()) {
            throw new ActionException("The demo workspace is sample data: actions are disabled. Configure palisade.yaml to act on real systems.");
        }
    }
}
