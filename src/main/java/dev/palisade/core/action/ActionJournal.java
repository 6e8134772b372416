package dev.palisade.core.action;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable record of action runs, written before and after every step so that an interrupted run
 * resumes exactly where it stopped. Implemented by the store.
 */
public interface ActionJournal {
    void begin(ActionPlan plan);

    void stepStarted(String runId, int index, Instant at);

    void stepFinished(String runId, int index, StepState state, String message, Instant at);

    void runFinished(String runId, RunState state, Verification verification);

    Optional<RunRecord> load(String runId);

    /** Newest first. */
    List<RunRecord> list();
}
