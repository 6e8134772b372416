package dev.palisade.core;

/**
 * The seam through which the store writes snapshot payloads, triage notes and audit details. The
 * store never knows whether the bytes are encrypted; {@link #PLAIN} is for tests and tools only.
 */
public interface PayloadCodec {
    byte[] seal(byte[] plain);

    /** @throws IllegalStateException when the bytes cannot be opened (wrong key, tampered) */
    byte[] open(byte[] sealed);

    PayloadCodec PLAIN = new PayloadCodec() {
        @Override
        public byte[] seal(byte[] plain) {
            return plain.clone();
        }

        @Override
        public byte[] open(byte[] sealed) {
            return sealed.clone();
        }
    };
}
