package dev.palisade.auth;

/** A secret could not be read or written. The message says what to do and never contains a secret. */
public class SecretStoreException extends RuntimeException {
    public SecretStoreException(String message) {
        super(message);
    }

    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
