package dev.palisade.act;

import dev.palisade.store.AuditEntry;
import dev.palisade.store.AuditRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test-side audit sink that keeps entries in memory (the store's own audit log has its own tests). */
final class RecordingAudit implements AuditRepository {
    final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized AuditEntry append(String actor, String action, String target, String outcome, String details) {
        AuditEntry e = new AuditEntry(entries.size() + 1, Instant.now(), actor, action, target, outcome, details, "", "");
        entries.add(e);
        return e;
    }

    @Override
    public synchronized List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public Optional<AuditEntry> firstBroken() {
        return Optional.empty();
    }
}
