package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Severity;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.Bucket;
import java.util.Set;

/**
 * {@code s3.bucket.public_policy}: no Allow statement grants everyone ({@code "*"}, {@code {"AWS":"*"}}
 * or a NotPrincipal) without a condition that limits who can use it. AWS's own verdict
 * (GetBucketPolicyStatus) also fails the bucket when it says public.
 */
public final class BucketPublicPolicyCheck extends BucketCheck {
    static final Set<String> LIMITING_KEYS = Set.of("aws:sourceip", "aws:sourcevpc", "aws:sourcevpce",
            "aws:principalorgid", "aws:principalaccount", "aws:sourceaccount");

    public BucketPublicPolicyCheck() {
        super("s3.bucket.public_policy", "S3 bucket policy is not public", Severity.CRITICAL,
                "A policy that allows the anonymous principal publishes the bucket to the whole internet, whatever the object ACLs say.",
                "Remove the statement with \"Principal\": \"*\" or limit it with a condition on aws:PrincipalOrgID, aws:PrincipalAccount, "
                        + "aws:SourceAccount, aws:SourceVpce or aws:SourceIp; serve public files through CloudFront with origin access control.");
    }

    @Override
    protected Finding evaluate(CheckContext ctx, AwsEnvironment env, Bucket b, Resource r) {
        if (b.policy() == null || !b.policy().isKnown()) {
            return unreadable(env, b, r, "bucket policy", b.policy());
        }
        if (b.policy().value() == null) {
            return pass(env.env(), r, "Bucket " + b.name() + " has no bucket policy, so its policy grants nothing publicly.");
        }
        PolicyDocument doc = PolicyDocument.parseOrNull(b.policy().value());
        if (doc == null) {
            return error(env.env(), r, "The bucket policy of " + b.name() + " could not be parsed, so whether it is public is unknown.");
        }
        for (PolicyDocument.Statement s : doc.statements()) {
            if (s.effect() == PolicyDocument.Effect.ALLOW && s.appliesToEveryone() && !s.hasConditionKey(LIMITING_KEYS)) {
                String sid = s.sid() == null ? "" : " (statement " + s.sid() + ")";
                return fail(env.env(), r, "Bucket " + b.name() + " has a policy that allows everyone" + sid
                        + " without a limiting condition.");
            }
        }
        if (b.policyPublic() != null && b.policyPublic().isKnown() && Boolean.TRUE.equals(b.policyPublic().value())) {
            return fail(env.env(), r, "AWS reports the policy of bucket " + b.name() + " as public.");
        }
        return pass(env.env(), r, "Bucket " + b.name() + " has a policy that grants nothing to everyone without a limiting condition.");
    }
}
