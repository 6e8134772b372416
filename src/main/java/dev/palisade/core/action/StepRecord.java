package dev.palisade.core.action;

import java.time.Instant;

/** A step's journal entry. */
public record StepRecord(int index, StepState state, Instant startedAt, Instant finishedAt, String message) {
    public static StepRecord pending(int index) {
        return new StepRecord(index, StepState.PENDING, null, null, null);
    }
}
