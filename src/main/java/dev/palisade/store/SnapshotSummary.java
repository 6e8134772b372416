package dev.palisade.store;

import dev.palisade.core.SourceStatus;
import java.time.Instant;
import java.util.List;

/**
 * What the store can tell about a snapshot without opening its (encrypted) payload: times,
 * counts and the sources' status.
 *
 * @param failBySeverity FAIL counts indexed by {@link dev.palisade.core.Severity#ordinal()}
 */
public record SnapshotSummary(String id, String organization, Instant startedAt, Instant finishedAt,
                              int pass, int fail, int error, int muted, int[] failBySeverity,
                              List<SourceStatus> sources) {
}
