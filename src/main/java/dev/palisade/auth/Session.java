package dev.palisade.auth;

import java.time.Instant;

/**
 * A signed-in console session. It ends at {@code expiresAt} (an absolute limit, independent of the
 * {@link IdleLock}), at sign-out, or when the lock asks to sign in again.
 *
 * @param subject the provider's stable account id ({@code sub}); identity is keyed on it, not the email
 */
public record Session(String email, String subject, Instant signedInAt, Instant expiresAt) {
    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
