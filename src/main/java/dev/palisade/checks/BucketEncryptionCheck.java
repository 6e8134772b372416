package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Severity;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.Bucket;
import dev.palisade.core.inventory.BucketEncryption;

/** {@code s3.bucket.encryption}: every bucket has default encryption. */
public final class BucketEncryptionCheck extends DefaultEncryptionCheck {
    public BucketEncryptionCheck() {
        super("s3.bucket.encryption", "S3 bucket default encryption", Severity.HIGH,
                "Objects written without default encryption are stored in the clear, readable by anyone who gets the disks or a misconfigured replica.",
                "Enable default encryption on the bucket (S3 console → Properties → Default encryption, or "
                        + "`aws s3api put-bucket-encryption`), preferably SSE-KMS with a customer-managed key.");
    }

    @Override
    protected Finding evaluate(AwsEnvironment env, Bucket b, Resource r, BucketEncryption e) {
        if (e == null) {
            return fail(env.env(), r, "Bucket " + b.name() + " has no default encryption.");
        }
        return pass(env.env(), r, "Bucket " + b.name() + " is encrypted by default with " + e.algorithm() + ".");
    }
}
