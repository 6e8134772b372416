package dev.palisade.core.inventory;

import java.time.Instant;

/**
 * Console (password) access of an IAM user.
 *
 * @param passwordCreated  when the login profile was created (null when no password)
 * @param passwordLastUsed null when never used
 */
public record ConsoleAccess(boolean passwordEnabled, Instant passwordCreated, Instant passwordLastUsed) {
    public static ConsoleAccess none() {
        return new ConsoleAccess(false, null, null);
    }
}
