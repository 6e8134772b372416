package dev.palisade.act;

import dev.palisade.core.action.ActionJournal;
import dev.palisade.core.action.ActionPlan;
import dev.palisade.core.action.PlanStep;
import dev.palisade.core.action.RunRecord;
import dev.palisade.core.action.StepRecord;
import dev.palisade.core.action.StepState;
import dev.palisade.core.action.RunState;
import dev.palisade.core.action.Verification;
import dev.palisade.store.AuditRepository;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a plan step by step, journalling each step before and after it runs and auditing every
 * step's outcome. A failed step stops the run; {@link #resume} continues from the first step that
 * did not finish (a step journalled as started but not finished is re-run: steps are idempotent),
 * so nothing is done twice.
 */
public final class ActionRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ActionRunner.class);

    /** Observes progress; called on the running thread. */
    public interface Listener {
        void step(PlanStep step, StepState state, String message);

        Listener NONE = (step, state, message) -> { };
    }

    private final ActionJournal journal;
    private final AuditRepository audit;
    private final Map<String, StepExecutor> executors;
    private final String actor;
    private final Clock clock;

    /**
     * @param executors by {@link PlanStep#executorKey()} ({@code google}, {@code github}, {@code aws:prod}…)
     */
    public ActionRunner(ActionJournal journal, AuditRepository audit, Map<String, StepExecutor> executors,
                        String actor, Clock clock) {
        this.journal = Objects.requireNonNull(journal);
        this.audit = Objects.requireNonNull(audit);
        this.executors = Map.copyOf(executors);
        this.actor = Objects.requireNonNull(actor);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Journals the plan (so it can be resumed even if nothing ran yet) and runs it. */
    public RunRecord start(ActionPlan plan, Listener listener) throws InterruptedException {
        journal.begin(plan);
        audit.append(actor, plan.kind() + ".plan", plan.subject(), "confirmed",
                "run " + plan.runId() + ", " + plan.steps().size() + " steps");
        return continueRun(plan.runId(), listener);
    }

    /** Continues an interrupted or failed run from its first unfinished step. */
    public RunRecord resume(String runId, Listener listener) throws InterruptedException {
        RunRecord run = journal.load(runId)
                .orElseThrow(() -> new IllegalArgumentException("No action run " + runId + "; list runs with `palisade offboard --list`."));
        if (run.state() == RunState.COMPLETED) {
            return run;
        }
        audit.append(actor, run.plan().kind() + ".resume", run.plan().subject(), "resumed",
                "run " + runId + " from step " + (run.nextStep() + 1));
        return continueRun(runId, listener);
    }

    private RunRecord continueRun(String runId, Listener listener) throws InterruptedException {
        RunRecord run = journal.load(runId).orElseThrow();
        ActionPlan plan = run.plan();
        for (StepRecord record : run.steps()) {
            if (record.state().complete()) {
                continue;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("action run " + runId + " interrupted before step " + (record.index() + 1));
            }
            PlanStep step = plan.steps().get(record.index());
            StepExecutor executor = executors.get(step.executorKey());
            journal.stepStarted(runId, step.index(), clock.instant());
            listener.step(step, StepState.STARTED, step.description());
            StepResult result;
            try {
                if (executor == null) {
                    throw new ActionException("No credentials to act on " + step.executorKey()
                            + ": configure them (see README, Actions) and resume run " + runId + ".");
                }
                result = executor.run(step);
            } catch (ActionException e) {
                fail(plan, step, e.getMessage(), listener);
                return journal.load(runId).orElseThrow();
            } catch (RuntimeException e) {
                LOG.warn("Step {} ({}) of run {} failed unexpectedly", step.index() + 1, step.action(), runId, e);
                fail(plan, step, step.action() + " on " + step.target() + " failed: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") + ".", listener);
                return journal.load(runId).orElseThrow();
            }
            journal.stepFinished(runId, step.index(), result.state(), result.message(), clock.instant());
            audit.append(actor, plan.kind() + ".step", step.target(), result.state().name().toLowerCase(java.util.Locale.ROOT),
                    "run " + runId + " step " + (step.index() + 1) + " " + step.action() + ": " + result.message());
            listener.step(step, result.state(), result.message());
        }
        return journal.load(runId).orElseThrow();
    }

    private void fail(ActionPlan plan, PlanStep step, String message, Listener listener) {
        journal.stepFinished(plan.runId(), step.index(), StepState.FAILED, message, clock.instant());
        journal.runFinished(plan.runId(), RunState.FAILED, null);
        audit.append(actor, plan.kind() + ".step", step.target(), "failed",
                "run " + plan.runId() + " step " + (step.index() + 1) + " " + step.action() + ": " + message);
        listener.step(step, StepState.FAILED, message);
    }

    /** Records the verification and closes the run. */
    public RunRecord complete(String runId, Verification verification) {
        RunRecord run = journal.load(runId).orElseThrow();
        journal.runFinished(runId, RunState.COMPLETED, verification);
        audit.append(actor, run.plan().kind() + ".verify", run.plan().subject(),
                verification.clean() ? "clean" : "still-open",
                verification.clean() ? "rescan " + verification.snapshotId() + ": nothing left"
                        : "rescan " + verification.snapshotId() + ": " + String.join(" ", verification.stillOpen()));
        return journal.load(runId).orElseThrow();
    }
}
