package dev.palisade.store;

import java.time.Instant;

/**
 * One line of the tamper-evident audit log: who did what to which target, with what outcome.
 * {@code hash} chains to the previous entry's hash, so an edited or deleted row is detectable.
 * {@code details} never holds a secret.
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String target, String outcome,
                         String details, String prevHash, String hash) {
}
