package dev.palisade.checks;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Resources;
import dev.palisade.core.Severity;
import dev.palisade.core.check.Area;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.Bucket;
import java.util.ArrayList;
import java.util.List;

/**
 * A check evaluated on every bucket of every environment (in shared-account mode, the buckets the
 * environment owns by tag). A bucket list that could not be read is one ERROR for the account.
 */
abstract class BucketCheck extends AbstractCheck {
    protected BucketCheck(String id, String title, Severity severity, String rationale, String remediation) {
        super(id, title, Area.BUCKETS, "aws", severity, rationale, remediation);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (AwsEnvironment env : ctx.inventory().aws()) {
            if (!applies(env)) {
                continue;
            }
            if (env.buckets() == null || !env.buckets().isKnown()) {
                String why = env.buckets() == null ? "not collected" : env.buckets().error();
                out.add(error(env.env(), AwsScope.scopeResource(env), "The S3 buckets of " + AwsScope.describe(env)
                        + " could not be listed (" + AwsScope.reason(why) + "), so " + metadata().id() + " was not evaluated."));
                continue;
            }
            for (Bucket b : AwsScope.owned(env, env.buckets().value(), Bucket::tags)) {
                Finding f = evaluate(ctx, env, b, Resources.bucket(b.name()));
                if (f != null) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** Whether the check looks at this environment at all. */
    protected boolean applies(AwsEnvironment env) {
        return true;
    }

    /** The finding for one bucket, or null when the check does not evaluate it. */
    protected abstract Finding evaluate(CheckContext ctx, AwsEnvironment env, Bucket bucket, Resource resource);

    /** {@link #unreadable(AwsEnvironment, Bucket, Resource, String, String)} for a fact that is unknown or was not collected. */
    protected final Finding unreadable(AwsEnvironment env, Bucket b, Resource r, String what, Fact<?> fact) {
        return unreadable(env, b, r, what, fact == null ? "not collected" : fact.error());
    }

    /** ERROR for a bucket whose datum could not be read; {@code what} names it ("default encryption"). */
    protected final Finding unreadable(AwsEnvironment env, Bucket b, Resource r, String what, String error) {
        return error(env.env(), r, "The " + what + " of bucket " + b.name() + " could not be read: "
                + AwsScope.reason(error) + ".");
    }
}
