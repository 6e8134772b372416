package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Severity;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.Bucket;
import dev.palisade.core.inventory.BucketLogging;

/** {@code s3.bucket.access_logging}: server access logging is on. */
public final class BucketAccessLoggingCheck extends BucketCheck {
    public BucketAccessLoggingCheck() {
        super("s3.bucket.access_logging", "S3 server access logging", Severity.LOW,
                "Access logs are how you find out afterwards who read or deleted which objects.",
                "Enable server access logging to a separate log bucket (S3 console → Properties → Server access logging), "
                        + "or record S3 data events with CloudTrail.");
    }

    @Override
    protected Finding evaluate(CheckContext ctx, AwsEnvironment env, Bucket b, Resource r) {
        if (b.logging() == null || !b.logging().isKnown()) {
            return unreadable(env, b, r, "access logging configuration", b.logging());
        }
        BucketLogging l = b.logging().value();
        if (l != null && l.enabled()) {
            return pass(env.env(), r, "Bucket " + b.name() + " logs server access to "
                    + (l.targetBucket() == null ? "a log bucket" : "bucket " + l.targetBucket()) + ".");
        }
        return fail(env.env(), r, "Bucket " + b.name() + " has server access logging off.");
    }
}
