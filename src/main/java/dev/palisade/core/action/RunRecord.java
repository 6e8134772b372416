package dev.palisade.core.action;

import java.util.List;

/**
 * A journalled run: the plan, each step's state, and the verification once done.
 *
 * @param verification null until verified; else what is still open (empty = clean)
 */
public record RunRecord(ActionPlan plan, RunState state, List<StepRecord> steps, Verification verification) {
    public RunRecord {
        steps = List.copyOf(steps);
    }

    public String runId() {
        return plan.runId();
    }

    /** The first step that is not done or skipped, or -1. */
    public int nextStep() {
        for (StepRecord s : steps) {
            if (!s.state().complete()) {
                return s.index();
            }
        }
        return -1;
    }
}
