package dev.palisade.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets in one file encrypted under a passphrase, for machines without an OS keychain.
 *
 * <p>Format, version 2 (all integers big-endian):
 * <pre>
 *   magic "PALSEC" (6) | version (1) | PBKDF2 iterations (4) | salt (16) | passphrase check (32) | nonce (12) | AES-256-GCM ciphertext+tag
 * </pre>
 * PBKDF2-HMAC-SHA256 derives one 32-byte master key; HMAC-SHA256 under it of two fixed labels gives
 * the AES key and the passphrase check stored in the header, so a wrong passphrase is told apart
 * from a damaged file. Version 1 asked PBKDF2 for 64 bytes (key, then check): two PBKDF2 blocks, so
 * every open cost twice the iterations while a guesser needed only the check's block. A version 1
 * file is still read, and rewritten as version 2 when it is opened. The header is the
 * GCM associated data, so any change to it or to the ciphertext is detected. The plaintext is a JSON
 * object of name → secret. Every write uses a fresh nonce and replaces the file atomically.
 */
public final class EncryptedFileSecretStore implements SecretStore {
    private static final Logger LOG = LoggerFactory.getLogger(EncryptedFileSecretStore.class);
    private static final byte[] MAGIC = "PALSEC".getBytes(StandardCharsets.US_ASCII);
    private static final byte VERSION = 2;
    private static final byte[] KEY_LABEL = "palisade secrets v2: AES key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHECK_LABEL = "palisade secrets v2: passphrase check".getBytes(StandardCharsets.US_ASCII);
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final int SALT = 16;
    private static final int CHECK = 32;
    private static final int NONCE = 12;
    private static final int HEADER = MAGIC.length + 1 + 4 + SALT + CHECK;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Created on first use, so that opening the file starts deriving the key without waiting for Jackson. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final Path file;
    private final Object lock = new Object();
    private int iterations;
    private byte[] salt;
    private byte[] key;
    private byte[] check;
    /** The format this file is written in: {@link #VERSION}, or 1 for an old file that could not be upgraded. */
    private byte format = VERSION;
    private final TreeMap<String, String> secrets;

    private EncryptedFileSecretStore(Path file, int iterations, byte[] salt, byte[] key, byte[] check,
                                     Map<String, String> secrets) {
        this.file = file;
        this.iterations = iterations;
        this.salt = salt;
        this.key = key;
        this.check = check;
        this.secrets = new TreeMap<>(secrets);
    }

    /** Opens {@code file}, creating an empty store under {@code passphrase} when it does not exist. */
    public static EncryptedFileSecretStore open(Path file, char[] passphrase) {
        return open(file, passphrase, DEFAULT_ITERATIONS);
    }

    /** As {@link #open(Path, char[])}; {@code iterations} applies only when a new file is created. */
    static EncryptedFileSecretStore open(Path file, char[] passphrase, int iterations) {
        if (passphrase == null || passphrase.length == 0) {
            throw new WrongPassphraseException("The passphrase is empty; choose a passphrase for " + file + ".");
        }
        if (!Files.exists(file)) {
            byte[] salt = random(SALT);
            byte[][] derived = derive(passphrase, salt, iterations);
            var store = new EncryptedFileSecretStore(file, iterations, salt, derived[0], derived[1], Map.of());
            store.write();
            LOG.info("Created encrypted secrets file {}", file);
            return store;
        }
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SecretStoreException("Cannot read the secrets file " + file + ": " + e.getMessage(), e);
        }
        if (all.length < HEADER + NONCE + 16 || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw new SecretStoreException("The secrets file " + file + " is not a Palisade secrets file or is truncated.");
        }
        ByteBuffer b = ByteBuffer.wrap(all);
        b.position(MAGIC.length);
        byte version = b.get();
        if (version != 1 && version != VERSION) {
            throw new SecretStoreException("The secrets file " + file + " has format version " + version
                    + ", which this Palisade does not read; update Palisade.");
        }
        int iter = b.getInt();
        if (iter < 1_000 || iter > 50_000_000) {
            throw new SecretStoreException("The secrets file " + file + " has been altered or damaged (bad header).");
        }
        byte[] salt = new byte[SALT];
        b.get(salt);
        byte[] storedCheck = new byte[CHECK];
        b.get(storedCheck);
        byte[][] derived = version == 1 ? deriveV1(passphrase, salt, iter) : derive(passphrase, salt, iter);
        if (!MessageDigest.isEqual(storedCheck, derived[1])) {
            throw new WrongPassphraseException("The passphrase does not open " + file
                    + ". Nothing was changed; try again with the passphrase you chose for this data directory.");
        }
        byte[] nonce = new byte[NONCE];
        b.get(nonce);
        byte[] ct = new byte[b.remaining()];
        b.get(ct);
        byte[] plain;
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(derived[0], "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(all, 0, HEADER);
            plain = c.doFinal(ct);
        } catch (AEADBadTagException e) {
            throw new SecretStoreException("The secrets file " + file
                    + " has been altered or damaged; restore it from a backup or delete it and sign in again.");
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("Cannot decrypt " + file + ": " + e.getClass().getSimpleName(), e);
        }
        try {
            Map<String, String> map = Json.MAPPER.readValue(plain, new TypeReference<Map<String, String>>() { });
            var store = new EncryptedFileSecretStore(file, iter, salt, derived[0], derived[1], map);
            store.format = version;
            if (version == 1) {
                store.upgrade(passphrase);
            }
            return store;
        } catch (IOException e) {
            throw new SecretStoreException("The secrets file " + file + " decrypted but its content is unreadable.");
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Rewrites a version 1 file as version 2; a file that cannot be written stays version 1, still usable. */
    private void upgrade(char[] passphrase) {
        byte[][] derived = derive(passphrase, salt, iterations);
        byte[] oldKey = key, oldCheck = check;
        key = derived[0];
        check = derived[1];
        format = VERSION;
        try {
            write();
            LOG.info("Rewrote the secrets file {} in format version {}", file, VERSION);
        } catch (SecretStoreException e) {
            key = oldKey;
            check = oldCheck;
            format = 1;
            LOG.warn("Could not rewrite the secrets file {} in format version {}; it stays in version 1", file, VERSION);
        }
    }

    @Override
    public Optional<String> get(String name) {
        synchronized (lock) {
            return Optional.ofNullable(secrets.get(name));
        }
    }

    @Override
    public void put(String name, String value) {
        synchronized (lock) {
            String before = secrets.put(name, value);
            try {
                write();
            } catch (RuntimeException e) {
                if (before == null) {
                    secrets.remove(name);
                } else {
                    secrets.put(name, before);
                }
                throw e;
            }
        }
    }

    @Override
    public void delete(String name) {
        synchronized (lock) {
            if (secrets.remove(name) != null) {
                write();
            }
        }
    }

    /**
     * Re-encrypts every secret under a new passphrase (and a new salt). {@code current} must open the
     * file; otherwise nothing changes.
     */
    public void changePassphrase(char[] current, char[] next) {
        if (next == null || next.length == 0) {
            throw new SecretStoreException("The new passphrase is empty.");
        }
        synchronized (lock) {
            byte[][] cur = format == 1 ? deriveV1(current, salt, iterations) : derive(current, salt, iterations);
            if (!MessageDigest.isEqual(cur[1], check)) {
                throw new WrongPassphraseException("The current passphrase is wrong; the passphrase was not changed.");
            }
            byte[] oldSalt = salt, oldKey = key, oldCheck = check;
            int oldIter = iterations;
            byte oldFormat = format;
            format = VERSION;
            salt = random(SALT);
            iterations = Math.max(iterations, DEFAULT_ITERATIONS);
            byte[][] derived = derive(next, salt, iterations);
            key = derived[0];
            check = derived[1];
            try {
                write();
            } catch (RuntimeException e) {
                salt = oldSalt;
                key = oldKey;
                check = oldCheck;
                iterations = oldIter;
                format = oldFormat;
                throw e;
            }
            LOG.info("Changed the passphrase of {}", file);
        }
    }

    @Override
    public String description() {
        return "encrypted file " + file;
    }

    @Override
    public String toString() {
        return "EncryptedFileSecretStore[" + file + ", " + secrets.size() + " secrets]";
    }

    private void write() {
        byte[] plain = null;
        try {
            plain = Json.MAPPER.writeValueAsBytes(secrets);
            byte[] nonce = random(NONCE);
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            header.put(MAGIC).put(format).putInt(iterations).put(salt).put(check);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(header.array());
            byte[] ct = c.doFinal(plain);
            byte[] out = ByteBuffer.allocate(HEADER + NONCE + ct.length).put(header.array()).put(nonce).put(ct).array();
            dev.palisade.core.AtomicFiles.write(file, out); // owner-only on POSIX, like every AtomicFiles temp file
        } catch (IOException e) {
            throw new SecretStoreException("Cannot write the secrets file " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("Cannot encrypt the secrets file: " + e.getClass().getSimpleName(), e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    /** Version 2: one PBKDF2 block (the master key), then the AES key and the check from it by HMAC. */
    private static byte[][] derive(char[] passphrase, byte[] salt, int iterations) {
        byte[] master = null;
        try {
            PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
            master = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            spec.clearPassword();
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            byte[] key = mac.doFinal(KEY_LABEL);
            byte[] check = mac.doFinal(CHECK_LABEL);
            return new byte[][] {key, check};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is unavailable", e);
        } finally {
            if (master != null) {
                Arrays.fill(master, (byte) 0);
            }
        }
    }

    /** Version 1: 64 bytes of PBKDF2 (two blocks), the AES key then the check. Read only. */
    private static byte[][] deriveV1(char[] passphrase, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 512);
            byte[] out = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            spec.clearPassword();
            byte[][] r = {Arrays.copyOfRange(out, 0, 32), Arrays.copyOfRange(out, 32, 64)};
            Arrays.fill(out, (byte) 0);
            return r;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is unavailable", e);
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
