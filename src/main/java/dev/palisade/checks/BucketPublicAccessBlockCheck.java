package dev.palisade.checks;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Severity;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.Bucket;
import dev.palisade.core.inventory.PublicAccessBlock;
import java.util.ArrayList;
import java.util.List;

/** {@code s3.bucket.public_access_block}: all four Public Access Block settings hold, at bucket or account level. */
public final class BucketPublicAccessBlockCheck extends BucketCheck {
    public BucketPublicAccessBlockCheck() {
        super("s3.bucket.public_access_block", "S3 Block Public Access on the bucket", Severity.HIGH,
                "Block Public Access is the guard rail that keeps one wrong ACL or policy from publishing a bucket to the internet.",
                "Turn on all four Block Public Access settings for the bucket (S3 console → Permissions → Block public access) "
                        + "or, better, for the whole account (s3.account.public_access_block).");
    }

    @Override
    protected Finding evaluate(CheckContext ctx, AwsEnvironment env, Bucket b, Resource r) {
        Fact<PublicAccessBlock> bucket = b.publicAccessBlock() == null ? Fact.unknown("not collected") : b.publicAccessBlock();
        Fact<PublicAccessBlock> account = env.accountPublicAccessBlock() == null
                ? Fact.unknown("not collected") : env.accountPublicAccessBlock();
        if (bucket.isKnown() && bucket.value() != null && bucket.value().allTrue()) {
            return pass(env.env(), r, "Bucket " + b.name() + " blocks public access with all four settings at bucket level.");
        }
        if (account.isKnown() && account.value() != null && account.value().allTrue()) {
            return pass(env.env(), r, "Bucket " + b.name() + " is covered by all four Block Public Access settings at account level.");
        }
        if (!bucket.isKnown()) {
            return unreadable(env, b, r, "Block Public Access configuration", bucket.error());
        }
        if (!account.isKnown()) {
            return error(env.env(), r, "Bucket " + b.name() + " does not block all public access itself, and the account-level "
                    + "Block Public Access could not be read: " + AwsScope.reason(account.error()) + ".");
        }
        List<String> missing = missing(bucket.value(), account.value());
        return fail(env.env(), r, "Bucket " + b.name() + " is not covered by Block Public Access setting"
                + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + " at bucket or account level.");
    }

    static List<String> missing(PublicAccessBlock bucket, PublicAccessBlock account) {
        List<String> out = new ArrayList<>();
        if (!either(bucket, account, PublicAccessBlock::blockPublicAcls)) {
            out.add("BlockPublicAcls");
        }
        if (!either(bucket, account, PublicAccessBlock::ignorePublicAcls)) {
            out.add("IgnorePublicAcls");
        }
        if (!either(bucket, account, PublicAccessBlock::blockPublicPolicy)) {
            out.add("BlockPublicPolicy");
        }
        if (!either(bucket, account, PublicAccessBlock::restrictPublicBuckets)) {
            out.add("RestrictPublicBuckets");
        }
        return out;
    }

    private static boolean either(PublicAccessBlock a, PublicAccessBlock b, java.util.function.Predicate<PublicAccessBlock> p) {
        return (a != null && p.test(a)) || (b != null && p.test(b));
    }
}
