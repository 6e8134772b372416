package dev.palisade.core.action;

/** Where a whole run stands. */
public enum RunState {
    /** Planned or under way (or interrupted: some step is STARTED or PENDING). */
    RUNNING,
    /** A step failed; resume after fixing the cause. */
    FAILED,
    /** Every step done or skipped; verification recorded. */
    COMPLETED
}
