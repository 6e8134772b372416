package dev.palisade.core.action;

/** Where a journalled step stands. */
public enum StepState {
    /** Not started. */
    PENDING,
    /** Journalled as started but not as finished: the run was interrupted; resuming re-runs it (steps are idempotent). */
    STARTED,
    /** Done by this run. */
    DONE,
    /** Already in the wanted state (nothing to do), recorded as such. */
    SKIPPED,
    /** Failed; the run stopped here and can be resumed. */
    FAILED;

    public boolean complete() {
        return this == DONE || this == SKIPPED;
    }
}
