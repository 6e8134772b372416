package dev.palisade.auth;

/**
 * There is no OS keychain, no {@code PALISADE_PASSPHRASE} and no terminal to ask at; the CLI exits 2
 * with {@link #getMessage()}, which says how to provide one.
 */
public class PassphraseUnavailableException extends SecretStoreException {
    public PassphraseUnavailableException(String message) {
        super(message);
    }
}
