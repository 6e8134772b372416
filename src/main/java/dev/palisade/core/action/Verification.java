package dev.palisade.core.action;

import java.time.Instant;
import java.util.List;

/**
 * The result of re-reading the affected sources after a run.
 *
 * @param snapshotId the rescan's snapshot
 * @param stillOpen  what the person still holds, one sentence each; empty when clean
 */
public record Verification(Instant at, String snapshotId, List<String> stillOpen) {
    public Verification {
        stillOpen = List.copyOf(stillOpen);
    }

    public boolean clean() {
        return stillOpen.isEmpty();
    }
}
