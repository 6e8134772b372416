package dev.palisade.store;

import java.util.List;

/** The append-only audit log (sign-ins, scans, triage, revoke and rotate steps). */
public interface AuditRepository {
    /** Appends an entry, chaining its hash to the previous one, and returns it. */
    AuditEntry append(String actor, String action, String target, String outcome, String details);

    /** Oldest first. */
    List<AuditEntry> entries();

    /** The first entry whose hash does not match its content or chain, if any. */
    java.util.Optional<AuditEntry> firstBroken();
}
