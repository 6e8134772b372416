package dev.palisade.scan;

import dev.palisade.collect.ScanProgress;
import dev.palisade.core.Snapshot;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.store.AuditRepository;
import dev.palisade.store.SnapshotRepository;
import dev.palisade.store.TriageRepository;
import java.util.Set;

/**
 * One opened Palisade data directory (or the built-in demo): its configuration, its store and the
 * scan that fills it. The UI and the CLI both work through this; neither touches JDBC or a
 * collector directly. Thread-safe; {@link #scan} may run on a worker thread while the UI reads.
 */
public interface Workspace extends AutoCloseable {
    /** Organization name shown in the title bar ({@code Acme (demo)} for the demo). */
    String organization();

    boolean isDemo();

    PalisadeConfig config();

    SnapshotRepository snapshots();

    TriageRepository triage();

    AuditRepository audit();

    /** The journal of offboarding and key-rotation runs, kept in the same store. */
    default dev.palisade.core.action.ActionJournal actions() {
        throw new UnsupportedOperationException("This workspace keeps no action journal.");
    }

    /**
     * Runs the collectors selected by {@code only} (empty = every configured source) concurrently,
     * evaluates the catalogue, applies triage, stores and returns the snapshot. Honours
     * interruption (a cancelled scan stores nothing).
     */
    Snapshot scan(Set<String> only, ScanProgress progress) throws InterruptedException;

    @Override
    void close();
}
