package dev.palisade.auth;

/** The passphrase does not open the secrets file. Nothing was changed. */
public class WrongPassphraseException extends SecretStoreException {
    public WrongPassphraseException(String message) {
        super(message);
    }
}
