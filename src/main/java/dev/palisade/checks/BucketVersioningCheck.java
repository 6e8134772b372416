package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Severity;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.Bucket;

/** {@code s3.bucket.versioning}: versioning is enabled. */
public final class BucketVersioningCheck extends BucketCheck {
    public BucketVersioningCheck() {
        super("s3.bucket.versioning", "S3 bucket versioning", Severity.LOW,
                "Versioning keeps overwritten and deleted objects recoverable after a bug, a bad deploy or ransomware.",
                "Enable versioning on the bucket (`aws s3api put-bucket-versioning --versioning-configuration Status=Enabled`) "
                        + "and add a lifecycle rule that expires noncurrent versions.");
    }

    @Override
    protected Finding evaluate(CheckContext ctx, AwsEnvironment env, Bucket b, Resource r) {
        if (b.versioning() == null || !b.versioning().isKnown()) {
            return unreadable(env, b, r, "versioning status", b.versioning());
        }
        String v = b.versioning().value();
        if ("Enabled".equalsIgnoreCase(v)) {
            return pass(env.env(), r, "Bucket " + b.name() + " has versioning enabled.");
        }
        return fail(env.env(), r, "Bucket " + b.name() + " has versioning "
                + (v == null || v.equalsIgnoreCase("Disabled") ? "never enabled" : v.toLowerCase(java.util.Locale.ROOT)) + ".");
    }
}
