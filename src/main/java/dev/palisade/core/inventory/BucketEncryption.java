package dev.palisade.core.inventory;

/**
 * Default encryption of a bucket.
 *
 * @param algorithm {@code SSE-S3}, {@code SSE-KMS}, {@code DSSE-KMS} or {@code NONE}
 * @param kmsKeyId  the KMS key for SSE-KMS/DSSE-KMS, else null
 */
public record BucketEncryption(String algorithm, String kmsKeyId, Boolean bucketKeyEnabled) {
    public static final String NONE = "NONE";
    public static final String SSE_S3 = "SSE-S3";
    public static final String SSE_KMS = "SSE-KMS";
    public static final String DSSE_KMS = "DSSE-KMS";

    public boolean isNone() {
        return algorithm == null || NONE.equals(algorithm);
    }

    public boolean isKms() {
        return SSE_KMS.equals(algorithm) || DSSE_KMS.equals(algorithm);
    }
}
