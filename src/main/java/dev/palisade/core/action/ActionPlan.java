package dev.palisade.core.action;

import dev.palisade.core.inventory.AccountRef;
import java.time.Instant;
import java.util.List;

/**
 * What an action will do, in order, built before anything runs and shown in full for confirmation.
 *
 * @param kind    {@code offboard} or {@code rotate-key}
 * @param subject the person's email (offboard) or the key id (rotate)
 * @param offered accounts nobody owns that look like the person's: shown, never included silently
 */
public record ActionPlan(String runId, String kind, String subject, Instant createdAt, String createdBy,
                         boolean deleteIamUsers, List<PlanStep> steps, List<AccountRef> offered) {
    public ActionPlan {
        steps = List.copyOf(steps);
        offered = offered == null ? List.of() : List.copyOf(offered);
    }

    /** The same plan under another run id (a fresh run of the same steps). */
    public ActionPlan withRunId(String id) {
        return new ActionPlan(id, kind, subject, createdAt, createdBy, deleteIamUsers, steps, offered);
    }

    /** Systems (and AWS environments) the plan touches, e.g. {@code google}, {@code aws:prod}. */
    public List<String> executorKeys() {
        return steps.stream().map(PlanStep::executorKey).distinct().toList();
    }
}
