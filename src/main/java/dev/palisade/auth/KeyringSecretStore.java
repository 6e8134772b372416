package dev.palisade.auth;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets in the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service on Linux)
 * through java-keyring. Entries are named {@code palisade/<home-hash>} / {@code <secret name>}, so
 * two data directories never share secrets.
 */
public final class KeyringSecretStore implements SecretStore {
    private static final Logger LOG = LoggerFactory.getLogger(KeyringSecretStore.class);
    private static final String PROBE = "palisade.probe";

    private final Keyring keyring;
    private final String service;

    private KeyringSecretStore(Keyring keyring, String service) {
        this.keyring = keyring;
        this.service = service;
    }

    /**
     * Opens the keychain and proves that it works by writing, reading and deleting a probe entry.
     * Empty when there is no usable keychain (e.g. Linux without a Secret Service).
     */
    public static Optional<SecretStore> tryOpen(Path home) {
        String service = "palisade/" + homeHash(home);
        try {
            Keyring k = Keyring.create();
            k.setPassword(service, PROBE, "ok");
            String back = k.getPassword(service, PROBE);
            k.deletePassword(service, PROBE);
            if (!"ok".equals(back)) {
                return Optional.empty();
            }
            return Optional.of(new KeyringSecretStore(k, service));
        } catch (Exception | LinkageError e) {
            LOG.info("No usable OS keychain ({}); secrets fall back to the passphrase-encrypted file",
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> get(String name) {
        try {
            return Optional.ofNullable(keyring.getPassword(service, name));
        } catch (PasswordAccessException e) {
            return Optional.empty(); // java-keyring reports a missing entry this way
        }
    }

    @Override
    public void put(String name, String value) {
        try {
            keyring.setPassword(service, name, value);
        } catch (PasswordAccessException e) {
            throw new SecretStoreException("Could not save " + name + " in the OS keychain; unlock the keychain and retry.");
        }
    }

    @Override
    public void delete(String name) {
        try {
            keyring.deletePassword(service, name);
        } catch (PasswordAccessException e) {
            LOG.debug("Keychain entry {} was not present", name);
        }
    }

    @Override
    public String description() {
        return "OS keychain (" + keyring.getKeyringStorageType() + ")";
    }

    @Override
    public String toString() {
        return "KeyringSecretStore[" + service + "]";
    }

    static String homeHash(Path home) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest(home.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
