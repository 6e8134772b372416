package dev.palisade.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.palisade.auth.EncryptedFileSecretStore;
import dev.palisade.auth.SecretStore;
import dev.palisade.collect.github.GitHubCollector;
import dev.palisade.core.config.GitHubConfig;
import dev.palisade.core.config.PalisadeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token stored from the app is encrypted at rest and is the one scans use when no variable is set. */
class TokenVaultTest {
    @TempDir
    Path home;

    @Test
    void storesEncryptedForgetsAndRefusesJunk() throws Exception {
        SecretStore secrets = EncryptedFileSecretStore.open(home.resolve("secrets.enc"), "pp".toCharArray());
        TokenVault vault = TokenVault.of(secrets);
        assertThat(vault.hasGitHubToken()).isFalse();
        vault.storeGitHubToken("ghp_exampleTokenValue0123456789".toCharArray());
        assertThat(vault.hasGitHubToken()).isTrue();
        assertThat(Files.readString(home.resolve("secrets.enc"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("ghp_exampleTokenValue");
        // reopened with the passphrase, the collector's token source finds it
        SecretStore again = EncryptedFileSecretStore.open(home.resolve("secrets.enc"), "pp".toCharArray());
        assertThat(again.get(SecretStore.GITHUB_TOKEN)).contains("ghp_exampleTokenValue0123456789");
        PalisadeConfig cfg = new PalisadeConfig(home, "Acme", null, null, null, null,
                new GitHubConfig("acme", "http://127.0.0.1:9", "PALISADE_TEST_UNSET_TOKEN_VARIABLE", null), null, null);
        assertThat(GitHubCollector.fromConfig(cfg, name -> null, () -> again.get(SecretStore.GITHUB_TOKEN)).toString())
                .doesNotContain("ghp_exampleTokenValue");
        assertThatThrownBy(() -> vault.storeGitHubToken("two words".toCharArray())).hasMessageContaining("does not look like");
        vault.forgetGitHubToken();
        assertThat(vault.hasGitHubToken()).isFalse();
    }
}
