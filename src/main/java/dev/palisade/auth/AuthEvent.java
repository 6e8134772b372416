package dev.palisade.auth;

import java.time.Instant;

/**
 * Something the audit log must keep: a sign-in (granted or refused, with the reason), a lock, an
 * unlock, a sign-out, an extra scope granted. {@code detail} never holds a secret.
 *
 * @param actor the email when known, else {@code "unknown"}
 */
public record AuthEvent(Instant at, Type type, String actor, String outcome, String detail) {
    public enum Type {
        SIGN_IN, SIGN_IN_REFUSED, SCOPE_GRANTED, LOCK, SIGN_OUT;

        /** The audit log's action name, e.g. {@code auth.sign_in}. */
        public String action() {
            return "auth." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
