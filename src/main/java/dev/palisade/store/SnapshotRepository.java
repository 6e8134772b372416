package dev.palisade.store;

import dev.palisade.core.Snapshot;
import java.util.List;
import java.util.Optional;

/** Stored snapshots. */
public interface SnapshotRepository {
    void save(Snapshot snapshot);

    Optional<Snapshot> load(String id);

    /** Newest first. */
    List<SnapshotSummary> list();

    default Optional<SnapshotSummary> latest() {
        return list().stream().findFirst();
    }
}
