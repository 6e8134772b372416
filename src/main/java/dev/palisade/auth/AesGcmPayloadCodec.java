package dev.palisade.auth;

import dev.palisade.core.PayloadCodec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals store payloads with AES-256-GCM under the store's data key. Layout: version byte (1) |
 * 12-byte random nonce | ciphertext+tag; the version byte is authenticated as associated data.
 */
public final class AesGcmPayloadCodec implements PayloadCodec {
    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public AesGcmPayloadCodec(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("The data key must be 32 bytes (AES-256).");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    @Override
    public byte[] seal(byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(new byte[] {VERSION});
            byte[] ct = c.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE + ct.length).put(VERSION).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a payload: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public byte[] open(byte[] sealed) {
        if (sealed == null || sealed.length < 1 + NONCE + 16) {
            throw new IllegalStateException("A stored payload is truncated or not encrypted by Palisade.");
        }
        if (sealed[0] != VERSION) {
            throw new IllegalStateException("A stored payload has format version " + sealed[0] + ", which this Palisade does not read.");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, Arrays.copyOfRange(sealed, 1, 1 + NONCE)));
            c.updateAAD(new byte[] {VERSION});
            return c.doFinal(sealed, 1 + NONCE, sealed.length - 1 - NONCE);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("A stored payload could not be decrypted: the data key is wrong or the data was altered.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt a payload: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public String toString() {
        return "AesGcmPayloadCodec[AES-256-GCM]";
    }
}
