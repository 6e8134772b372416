package dev.palisade.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFileSecretStoreTest {
    private static final String TOKEN = "1//0gRefreshTokenSecretValue-XYZ";
    private static final char[] PASS = "correct horse battery staple".toCharArray();
    private static final int FAST = 10_000; // the default 600k is exercised once below

    @TempDir
    Path home;

    @Test
    void roundTripsSecretsAcrossReopen() {
        Path f = home.resolve("secrets.enc");
        var s = EncryptedFileSecretStore.open(f, PASS, FAST);
        s.put(SecretStore.GOOGLE_REFRESH_TOKEN, TOKEN);
        s.put(SecretStore.GITHUB_TOKEN, "ghp_abc");
        s.delete(SecretStore.GITHUB_TOKEN);

        var again = EncryptedFileSecretStore.open(f, PASS);
        assertThat(again.get(SecretStore.GOOGLE_REFRESH_TOKEN)).contains(TOKEN);
        assertThat(again.get(SecretStore.GITHUB_TOKEN)).isEmpty();
    }

    @Test
    void fileNeverContainsTheSecretInClear() throws Exception {
        Path f = home.resolve("secrets.enc");
        EncryptedFileSecretStore.open(f, PASS, FAST).put("x", TOKEN);
        String raw = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(raw).startsWith("PALSEC").doesNotContain(TOKEN).doesNotContain("RefreshToken");
    }

    @Test
    void newFilesUseAtLeast600kIterations() throws Exception {
        Path f = home.resolve("secrets.enc");
        EncryptedFileSecretStore.open(f, PASS).put("k", "v");
        var b = java.nio.ByteBuffer.wrap(Files.readAllBytes(f));
        b.position(7);
        assertThat(b.getInt()).isGreaterThanOrEqualTo(600_000);
    }

    @Test
    void aVersion1FileIsReadAndRewrittenAsVersion2WithOneKdfBlock() throws Exception {
        Path f = home.resolve("secrets.enc");
        writeVersion1(f, PASS, FAST, "{\"github.token\":\"ghp_v1\"}");

        var s = EncryptedFileSecretStore.open(f, PASS);
        assertThat(s.get(SecretStore.GITHUB_TOKEN)).contains("ghp_v1");
        byte[] upgraded = Files.readAllBytes(f);
        assertThat(upgraded[6]).as("format version").isEqualTo((byte) 2);
        assertThat(java.nio.ByteBuffer.wrap(upgraded, 7, 4).getInt()).as("iterations kept").isEqualTo(FAST);

        assertThat(EncryptedFileSecretStore.open(f, PASS).get(SecretStore.GITHUB_TOKEN)).contains("ghp_v1");
        assertThatThrownBy(() -> EncryptedFileSecretStore.open(f, "wrong".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class);
        // version 2's check is not the second PBKDF2 block any more: a guesser pays the full iterations
        byte[] check = java.util.Arrays.copyOfRange(upgraded, 6 + 1 + 4 + 16, 6 + 1 + 4 + 16 + 32);
        byte[] salt = java.util.Arrays.copyOfRange(upgraded, 11, 27);
        byte[] pbkdf2 = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new javax.crypto.spec.PBEKeySpec(PASS, salt, FAST, 512)).getEncoded();
        assertThat(check).isNotEqualTo(java.util.Arrays.copyOfRange(pbkdf2, 32, 64))
                .isNotEqualTo(java.util.Arrays.copyOfRange(pbkdf2, 0, 32));
    }

    /** A secrets file in format version 1, as its documentation describes it (the format Palisade wrote before). */
    private static void writeVersion1(Path f, char[] pass, int iterations, String json) throws Exception {
        byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        byte[] out = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new javax.crypto.spec.PBEKeySpec(pass, salt, iterations, 512)).getEncoded();
        var header = java.nio.ByteBuffer.allocate(6 + 1 + 4 + 16 + 32)
                .put("PALSEC".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put((byte) 1).putInt(iterations)
                .put(salt).put(out, 32, 32);
        byte[] nonce = new byte[12];
        new java.security.SecureRandom().nextBytes(nonce);
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(out, 0, 32, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, nonce));
        c.updateAAD(header.array());
        byte[] ct = c.doFinal(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.write(f, java.nio.ByteBuffer.allocate(header.capacity() + 12 + ct.length).put(header.array()).put(nonce).put(ct).array());
    }

    @Test
    void wrongPassphraseIsAClearErrorThatChangesNothing() throws Exception {
        Path f = home.resolve("secrets.enc");
        EncryptedFileSecretStore.open(f, PASS, FAST).put("k", TOKEN);
        byte[] before = Files.readAllBytes(f);

        assertThatThrownBy(() -> EncryptedFileSecretStore.open(f, "wrong".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class)
                .hasMessageContaining("passphrase does not open")
                .hasMessageNotContaining(TOKEN);
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
    }

    @Test
    void tamperedCiphertextIsDetected() throws Exception {
        Path f = home.resolve("secrets.enc");
        EncryptedFileSecretStore.open(f, PASS, FAST).put("k", TOKEN);
        byte[] b = Files.readAllBytes(f);
        b[b.length - 5] ^= 0x01;
        Files.write(f, b);
        assertThatThrownBy(() -> EncryptedFileSecretStore.open(f, PASS))
                .isInstanceOf(SecretStoreException.class)
                .isNotInstanceOf(WrongPassphraseException.class)
                .hasMessageContaining("altered or damaged");
    }

    @Test
    void tamperedHeaderIsDetected() throws Exception {
        Path f = home.resolve("secrets.enc");
        EncryptedFileSecretStore.open(f, PASS, FAST).put("k", TOKEN);
        byte[] b = Files.readAllBytes(f);
        b[0] = 'X';
        Files.write(f, b);
        assertThatThrownBy(() -> EncryptedFileSecretStore.open(f, PASS))
                .hasMessageContaining("not a Palisade secrets file");
        b[0] = 'P';
        b[6] = 9; // version
        Files.write(f, b);
        assertThatThrownBy(() -> EncryptedFileSecretStore.open(f, PASS)).hasMessageContaining("format version 9");
    }

    @Test
    void passphraseChangeReWrapsSecrets() {
        Path f = home.resolve("secrets.enc");
        var s = EncryptedFileSecretStore.open(f, PASS, FAST);
        s.put(SecretStore.STORE_DATA_KEY, "a2V5");
        assertThatThrownBy(() -> s.changePassphrase("nope".toCharArray(), "new".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class);
        s.changePassphrase(PASS, "new passphrase".toCharArray());

        assertThatThrownBy(() -> EncryptedFileSecretStore.open(f, PASS)).isInstanceOf(WrongPassphraseException.class);
        assertThat(EncryptedFileSecretStore.open(f, "new passphrase".toCharArray()).get(SecretStore.STORE_DATA_KEY))
                .contains("a2V5");
    }

    @Test
    void noSecretInToStringExceptionsOrLogs() throws Exception {
        try (var logs = new LogCapture()) {
            Path f = home.resolve("secrets.enc");
            var s = EncryptedFileSecretStore.open(f, PASS, FAST);
            s.put(SecretStore.GOOGLE_REFRESH_TOKEN, TOKEN);
            String msg = "";
            try {
                EncryptedFileSecretStore.open(f, "bad".toCharArray());
            } catch (SecretStoreException e) {
                msg = e.getMessage();
            }
            assertThat(logs.size()).isPositive();
            assertThat(logs.text() + s + msg).doesNotContain(TOKEN).doesNotContain(new String(PASS));
        }
    }

    @Test
    void storeKeysUsesEnvThenPromptElseExplains() {
        var env = Map.of(StoreKeys.PASSPHRASE_ENV, "env-pass");
        SecretStore a = StoreKeys.secrets(home, h -> Optional.empty(), env, PassphrasePrompt.NONE);
        a.put("k", "v");
        assertThat(a.description()).contains("secrets.enc");

        SecretStore b = StoreKeys.secrets(home, h -> Optional.empty(), Map.of(), q -> Optional.of("env-pass".toCharArray()));
        assertThat(b.get("k")).contains("v");

        assertThatThrownBy(() -> StoreKeys.secrets(home, h -> Optional.empty(), Map.of(), PassphrasePrompt.NONE))
                .isInstanceOf(PassphraseUnavailableException.class)
                .hasMessageContaining("PALISADE_PASSPHRASE");
        assertThatThrownBy(() -> StoreKeys.secrets(home, h -> Optional.empty(), Map.of(StoreKeys.PASSPHRASE_ENV, "x"),
                PassphrasePrompt.NONE)).isInstanceOf(WrongPassphraseException.class);
    }

    @Test
    void aHomeThatKeepsItsSecretsInItsFileKeepsThemThereWhenAKeychainAppears() throws Exception {
        Path keychainDir = Files.createDirectories(home.resolve("keychain"));
        java.util.concurrent.atomic.AtomicInteger probes = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Function<Path, Optional<SecretStore>> keychain = h -> {
            probes.incrementAndGet();
            return Optional.of(EncryptedFileSecretStore.open(keychainDir.resolve("keychain.enc"), "k".toCharArray()));
        };
        Path fresh = Files.createDirectories(home.resolve("fresh"));
        assertThat(StoreKeys.secrets(fresh, keychain, Map.of(), PassphrasePrompt.NONE).description()).contains("keychain.enc");
        assertThat(probes).hasValue(1);

        Path filed = Files.createDirectories(home.resolve("filed"));
        var env = Map.of(StoreKeys.PASSPHRASE_ENV, "pp");
        StoreKeys.secrets(filed, h -> Optional.empty(), env, PassphrasePrompt.NONE).put("palisade.key", "v");
        SecretStore again = StoreKeys.secrets(filed, keychain, env, PassphrasePrompt.NONE);
        assertThat(again.get("palisade.key")).contains("v");
        assertThat(again.description()).contains(filed.resolve(StoreKeys.SECRETS_FILE).toString());
        assertThat(probes).as("the keychain is not consulted for a home with a secrets file").hasValue(1);
    }

    @Test
    void keychainIsAbsentHereAndFallsBack() {
        // This machine has no Secret Service: the probe must say so rather than pretend.
        Optional<SecretStore> k = KeyringSecretStore.tryOpen(home);
        if (k.isPresent()) {
            k.get().put("palisade.test", "v");
            assertThat(k.get().get("palisade.test")).contains("v");
            k.get().delete("palisade.test");
        } else {
            assertThat(StoreKeys.secrets(home, KeyringSecretStore::tryOpen, Map.of(StoreKeys.PASSPHRASE_ENV, "p"),
                    PassphrasePrompt.NONE)).isInstanceOf(EncryptedFileSecretStore.class);
        }
    }
}
