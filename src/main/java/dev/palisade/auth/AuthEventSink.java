package dev.palisade.auth;

import dev.palisade.store.AuditRepository;

/** Receives {@link AuthEvent}s; the app wires it to the store's audit log with {@link #audit}. */
@FunctionalInterface
public interface AuthEventSink {
    void record(AuthEvent event);

    AuthEventSink NONE = e -> { };

    /** Appends every event to the audit log: actor, {@code auth.*} action, target {@code google}, outcome, detail. */
    static AuthEventSink audit(AuditRepository audit) {
        return e -> audit.append(e.actor(), e.type().action(), "google", e.outcome(), e.detail());
    }
}
