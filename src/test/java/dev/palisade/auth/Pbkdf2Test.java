package dev.palisade.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class Pbkdf2Test {
    @Test
    void matchesRfc7914sTestVectors() {
        assertThat(HexFormat.of().formatHex(Pbkdf2.sha256("passwd".toCharArray(), "salt".getBytes(StandardCharsets.US_ASCII), 1, 64)))
                .isEqualTo("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                        + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
        assertThat(HexFormat.of().formatHex(Pbkdf2.sha256("Password".toCharArray(), "NaCl".getBytes(StandardCharsets.US_ASCII), 80000, 64)))
                .isEqualTo("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                        + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
    }

    @Test
    void givesTheJdksBytesForRandomPassphrasesSaltsLengthsAndIterations() throws Exception {
        Random r = new Random(20261202);
        SecretKeyFactory jdk = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        for (int n = 0; n < 200; n++) {
            char[] pass = new char[1 + r.nextInt(n % 10 == 0 ? 150 : 40)]; // some longer than the 64-byte HMAC block
            for (int i = 0; i < pass.length; i++) {
                int kind = r.nextInt(4);
                pass[i] = (char) (kind == 0 ? 0x20 + r.nextInt(95) : kind == 1 ? 0xA0 + r.nextInt(0x700)
                        : kind == 2 ? 0x4E00 + r.nextInt(0x5000) : r.nextInt(0xD7FF) + 1);
            }
            if (n % 25 == 0) {
                pass[0] = '\uD83D'; // an emoji's surrogate pair, then an unpaired surrogate
                if (pass.length > 2) {
                    pass[1] = '\uDE00';
                    pass[2] = '\uDC00';
                }
            }
            byte[] salt = new byte[1 + r.nextInt(32)]; // the JDK refuses an empty salt
            r.nextBytes(salt);
            int iterations = 1 + r.nextInt(n % 20 == 0 ? 3000 : 50);
            int length = 1 + r.nextInt(100);
            byte[] expected = jdk.generateSecret(new PBEKeySpec(pass, salt, iterations, length * 8)).getEncoded();
            assertThat(Pbkdf2.sha256(pass, salt, iterations, length)).as("case %d", n).isEqualTo(expected);
        }
    }

    @Test
    void refusesNoIterationsOrNoOutput() {
        assertThatThrownBy(() -> Pbkdf2.sha256("p".toCharArray(), new byte[16], 0, 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pbkdf2.sha256("p".toCharArray(), new byte[16], 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
