package dev.palisade.auth;

import dev.palisade.core.PayloadCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Opens a data directory's secrets and the codec that seals its store. The secret store is found in
 * SPEC's order: the OS keychain; else the passphrase-encrypted file {@code secrets.enc} in the home,
 * with the passphrase from {@code PALISADE_PASSPHRASE}, else from a prompt; else
 * {@link PassphraseUnavailableException} (the CLI exits 2 with its message).
 */
public final class StoreKeys {
    public static final String PASSPHRASE_ENV = "PALISADE_PASSPHRASE";
    public static final String SECRETS_FILE = "secrets.enc";
    private static final SecureRandom RANDOM = new SecureRandom();

    private StoreKeys() {
    }

    /** The secret store of {@code home} with the real OS keychain, environment and terminal. */
    public static SecretStore secrets(Path home) {
        return secrets(home, KeyringSecretStore::tryOpen, System.getenv(), PassphrasePrompt.console());
    }

    /**
     * A home that already keeps its secrets in its passphrase file keeps them there: the keychain is
     * only consulted for a home without one (a keychain that appears later must not start a second,
     * empty set of secrets whose new store key could not read the stored snapshots).
     *
     * @param keychain returns the keychain store for a home, or empty when there is no usable keychain
     * @param env      the process environment (tests pass their own)
     */
    public static SecretStore secrets(Path home, Function<Path, Optional<SecretStore>> keychain,
                                      Map<String, String> env, PassphrasePrompt prompt) {
        Path file = home.resolve(SECRETS_FILE);
        if (!Files.exists(file)) {
            Optional<SecretStore> k = keychain.apply(home);
            if (k.isPresent()) {
                return k.get();
            }
        }
        String fromEnv = env.get(PASSPHRASE_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return EncryptedFileSecretStore.open(file, fromEnv.toCharArray());
        }
        String question = Files.exists(file)
                ? "Passphrase for " + file + ": "
                : "Choose a passphrase to encrypt Palisade's secrets in " + file + ": ";
        Optional<char[]> asked = prompt.ask(question);
        if (asked.isPresent()) {
            char[] p = asked.get();
            try {
                return EncryptedFileSecretStore.open(file, p);
            } finally {
                java.util.Arrays.fill(p, '\0');
            }
        }
        throw new PassphraseUnavailableException("No OS keychain is available to hold Palisade's store key. Set the "
                + "environment variable " + PASSPHRASE_ENV + " to the passphrase of " + file
                + " (or a new one on first use), or run the command in a terminal to be asked for it.");
    }

    /**
     * Changes the passphrase that protects {@code home}'s secrets file (the data key and tokens are
     * re-wrapped; stored snapshots stay readable). A wrong {@code current} changes nothing.
     *
     * @throws SecretStoreException when the home keeps its secrets in the OS keychain (no passphrase to change)
     */
    public static void changePassphrase(Path home, char[] current, char[] next) {
        Path file = home.resolve(SECRETS_FILE);
        if (!Files.exists(file)) {
            throw new SecretStoreException("There is no passphrase to change: " + home
                    + " keeps its secrets in the OS keychain (or has none yet).");
        }
        EncryptedFileSecretStore.open(file, current).changePassphrase(current, next);
    }

    /** The codec of {@code home}'s store, opening its secrets as {@link #secrets(Path)} does. */
    public static PayloadCodec codec(Path home) {
        return codec(secrets(home));
    }

    /** The codec sealing the store with the data key kept in {@code secrets}; creates the key on first use. */
    public static PayloadCodec codec(SecretStore secrets) {
        return new AesGcmPayloadCodec(dataKey(secrets));
    }

    static synchronized byte[] dataKey(SecretStore secrets) {
        Optional<String> existing = secrets.get(SecretStore.STORE_DATA_KEY);
        if (existing.isPresent()) {
            byte[] k = Base64.getDecoder().decode(existing.get());
            if (k.length != 32) {
                throw new SecretStoreException("The store key in " + secrets.description() + " is damaged (not 256 bits).");
            }
            return k;
        }
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        secrets.put(SecretStore.STORE_DATA_KEY, Base64.getEncoder().encodeToString(k));
        return k;
    }
}
