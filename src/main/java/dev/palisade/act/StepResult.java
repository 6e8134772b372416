package dev.palisade.act;

import dev.palisade.core.action.StepState;
/** What an executor did: {@link StepState#DONE} or {@link StepState#SKIPPED} (already so), with a sentence. */
public record StepResult(StepState state, String message) {
    public static StepResult done(String message) {
        return new StepResult(StepState.DONE, message);
    }

    public static StepResult skipped(String message) {
        return new StepResult(StepState.SKIPPED, message);
    }
}
