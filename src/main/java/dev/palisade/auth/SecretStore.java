package dev.palisade.auth;

import java.util.Optional;

/**
 * Where refresh tokens, API tokens and the store's data key live: the OS keychain when there is
 * one ({@link KeyringSecretStore}), else a passphrase-encrypted file ({@link EncryptedFileSecretStore}).
 * Secrets never leave through {@code toString()}, exception messages or logs.
 */
public interface SecretStore {
    /** The Google refresh token of the signed-in admin. */
    String GOOGLE_REFRESH_TOKEN = "google.refreshToken";
    /** The scopes granted with {@link #GOOGLE_REFRESH_TOKEN}, space separated. */
    String GOOGLE_SCOPES = "google.scopes";
    /** A GitHub token stored from the app. */
    String GITHUB_TOKEN = "github.token";
    /** The audit log's head ("SEQ HASH"), kept here to check the log in the database against. */
    String AUDIT_HEAD = "audit.head";
    /** The AES-256 key that seals snapshot payloads in the store (base64). */
    String STORE_DATA_KEY = "store.dataKey";

    Optional<String> get(String name);

    void put(String name, String value);

    void delete(String name);

    /** Where the secrets are kept, for display ("OS keychain", "encrypted file …/secrets.enc"). */
    String description();
}
