package dev.palisade.ui;

import dev.palisade.collect.ScanProgress;
import dev.palisade.core.Snapshot;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.core.action.ActionJournal;
import dev.palisade.scan.Workspace;
import dev.palisade.store.AuditRepository;
import dev.palisade.store.SnapshotRepository;
import dev.palisade.store.TriageRepository;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A workspace whose name is known before it is open: the console can build its screens while the
 * store's key is still being derived. Everything that reads or writes the store waits for the real
 * workspace (callers are background tasks, never the FX thread before a snapshot is shown) and fails
 * as opening failed.
 */
final class PendingWorkspace implements Workspace {
    private final String organization;
    private final boolean demo;
    private final CompletableFuture<Workspace> opened;

    PendingWorkspace(String organization, boolean demo, CompletableFuture<Workspace> opened) {
        this.organization = organization;
        this.demo = demo;
        this.opened = opened;
    }

    private Workspace real() {
        try {
            return opened.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public String organization() {
        return organization;
    }

    @Override
    public boolean isDemo() {
        return demo;
    }

    @Override
    public PalisadeConfig config() {
        return real().config();
    }

    @Override
    public SnapshotRepository snapshots() {
        return real().snapshots();
    }

    @Override
    public TriageRepository triage() {
        return real().triage();
    }

    @Override
    public AuditRepository audit() {
        return real().audit();
    }

    @Override
    public ActionJournal actions() {
        return real().actions();
    }

    @Override
    public Snapshot scan(Set<String> only, ScanProgress progress) throws InterruptedException {
        return real().scan(only, progress);
    }

    /** Closes the real workspace if it opened (and once it opens, if that is still under way). */
    @Override
    public void close() {
        opened.thenAccept(Workspace::close);
    }
}
