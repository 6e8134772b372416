package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Severity;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.Bucket;
import dev.palisade.core.inventory.BucketEncryption;

/**
 * A bucket check on the default encryption: ERROR when it could not be read, else
 * {@link #evaluate(AwsEnvironment, Bucket, Resource, BucketEncryption)} with null for a bucket that has none.
 */
abstract class DefaultEncryptionCheck extends BucketCheck {
    protected DefaultEncryptionCheck(String id, String title, Severity severity, String rationale, String remediation) {
        super(id, title, severity, rationale, remediation);
    }

    @Override
    protected final Finding evaluate(CheckContext ctx, AwsEnvironment env, Bucket b, Resource r) {
        if (b.encryption() == null || !b.encryption().isKnown()) {
            return unreadable(env, b, r, "default encryption", b.encryption());
        }
        BucketEncryption e = b.encryption().value();
        return evaluate(env, b, r, e == null || e.isNone() ? null : e);
    }

    /** The finding for a bucket whose default encryption is {@code encryption}, null when it has none. */
    protected abstract Finding evaluate(AwsEnvironment env, Bucket b, Resource r, BucketEncryption encryption);
}
