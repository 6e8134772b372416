package dev.palisade.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.palisade.core.PayloadCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AesGcmPayloadCodecTest {
    @TempDir
    Path home;

    private SecretStore secrets() {
        return StoreKeys.secrets(home, h -> Optional.empty(), Map.of(StoreKeys.PASSPHRASE_ENV, "pp"), PassphrasePrompt.NONE);
    }

    @Test
    void sealsAndOpensWithTheKeyKeptInTheSecretStore() {
        byte[] plain = "{\"email\":\"dana@acme.example\"}".getBytes(StandardCharsets.UTF_8);
        PayloadCodec codec = StoreKeys.codec(secrets());
        byte[] sealed = codec.seal(plain);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("dana");
        assertThat(codec.seal(plain)).isNotEqualTo(sealed); // fresh nonce each time

        PayloadCodec reopened = StoreKeys.codec(secrets()); // same key from the file store
        assertThat(reopened.open(sealed)).isEqualTo(plain);
    }

    @Test
    void tamperedOrForeignPayloadIsRefused() {
        PayloadCodec codec = StoreKeys.codec(secrets());
        byte[] sealed = codec.seal("secret".getBytes(StandardCharsets.UTF_8));
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> codec.open(sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("altered");
        byte[] other = new AesGcmPayloadCodec(new byte[32]).seal("x".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> codec.open(other)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> codec.open("plain".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void toStringShowsNoKey() {
        assertThat(StoreKeys.codec(secrets()).toString()).isEqualTo("AesGcmPayloadCodec[AES-256-GCM]");
    }
}
