package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Severity;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.Bucket;
import dev.palisade.core.inventory.BucketEncryption;

/** {@code s3.bucket.encryption_kms}: production buckets use SSE-KMS or DSSE-KMS rather than SSE-S3. */
public final class BucketEncryptionKmsCheck extends DefaultEncryptionCheck {
    public BucketEncryptionKmsCheck() {
        super("s3.bucket.encryption_kms", "Production buckets encrypted with KMS", Severity.LOW,
                "With SSE-S3 anyone allowed to read the object reads it decrypted; a KMS key adds a second, audited permission (kms:Decrypt) and lets you revoke access by disabling the key.",
                "Set the bucket's default encryption to SSE-KMS (or DSSE-KMS) with a customer-managed key and enable S3 Bucket Keys to keep KMS costs low; "
                        + "existing objects keep their old encryption until rewritten (S3 Batch Operations copy).");
    }

    @Override
    protected boolean applies(AwsEnvironment env) {
        return env.production();
    }

    @Override
    protected Finding evaluate(AwsEnvironment env, Bucket b, Resource r, BucketEncryption e) {
        if (e == null) {
            return fail(env.env(), r, "Production bucket " + b.name() + " has no default encryption, let alone SSE-KMS.");
        }
        if (e.isKms()) {
            return pass(env.env(), r, "Production bucket " + b.name() + " is encrypted by default with " + e.algorithm() + ".");
        }
        return fail(env.env(), r, "Production bucket " + b.name() + " is encrypted with " + e.algorithm()
                + " rather than SSE-KMS or DSSE-KMS.");
    }
}
