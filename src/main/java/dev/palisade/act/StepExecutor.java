package dev.palisade.act;

import dev.palisade.core.action.PlanStep;
/**
 * Runs plan steps against one system. Every step is idempotent: a step whose effect is already in
 * place returns {@link StepResult#skipped}. Failures throw {@link ActionException} naming the API
 * action, the target and what to do.
 */
public interface StepExecutor {
    StepResult run(PlanStep step) throws ActionException, InterruptedException;
}
