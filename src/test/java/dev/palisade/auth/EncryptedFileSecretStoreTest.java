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
