package dev.palisade.auth;

import java.util.Objects;

/** Sign-in did not succeed; {@link #reason()} says which rule refused it, the message says it in plain words. */
public class SignInException extends Exception {
    /** Why a sign-in was refused or did not finish. */
    public enum Reason {
        /** The provider's discovery document or keys could not be fetched. */
        PROVIDER_UNREACHABLE,
        /** The client secret file is missing or unreadable. */
        CLIENT_CONFIG,
        /** The browser could not be opened. */
        BROWSER,
        /** Nobody finished signing in within the time limit. */
        TIMEOUT,
        /** The person cancelled (or the provider returned an error) in the browser. */
        CANCELLED,
        /** The response came back with a different {@code state}: not this attempt's. */
        STATE_MISMATCH,
        /** The provider refused the code exchange (used twice, expired, wrong verifier). */
        CODE_EXCHANGE,
        /** The ID token's signature is not from the configured issuer's keys. */
        BAD_SIGNATURE,
        WRONG_ISSUER,
        WRONG_AUDIENCE,
        EXPIRED,
        /** Issued in the future: the clocks disagree or the token is forged. */
        NOT_YET_VALID,
        NONCE_MISMATCH,
        EMAIL_UNVERIFIED,
        WRONG_DOMAIN,
        NOT_AN_ADMIN,
        /** A token came back without an ID token or without a needed field. */
        MALFORMED_TOKEN,
        /** An extra scope was granted to a different Google account than the signed-in one. */
        DIFFERENT_ACCOUNT
    }

    private final Reason reason;

    public SignInException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason);
    }

    public SignInException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}
