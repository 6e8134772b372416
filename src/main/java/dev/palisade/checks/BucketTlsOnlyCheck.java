package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Severity;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.Bucket;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code s3.bucket.tls_only}: the bucket policy denies every S3 action to everyone when
 * {@code aws:SecureTransport} is false, on all of the bucket's objects. A deny narrowed by any other
 * condition, or written with NotAction/NotPrincipal/NotResource, does not count.
 */
public final class BucketTlsOnlyCheck extends BucketCheck {
    public BucketTlsOnlyCheck() {
        super("s3.bucket.tls_only", "S3 bucket requires TLS", Severity.MEDIUM,
                "Without a deny on insecure transport, clients may read and write objects over plain HTTP, exposing data and credentials-signed requests to the network path.",
                "Add a bucket policy statement: {\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                        + "\"Resource\":[\"arn:aws:s3:::BUCKET\",\"arn:aws:s3:::BUCKET/*\"],"
                        + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}.");
    }

    @Override
    protected Finding evaluate(CheckContext ctx, AwsEnvironment env, Bucket b, Resource r) {
        if (b.policy() == null || !b.policy().isKnown()) {
            return unreadable(env, b, r, "bucket policy", b.policy());
        }
        if (b.policy().value() == null) {
            return fail(env.env(), r, "Bucket " + b.name() + " has no bucket policy, so nothing denies requests without TLS.");
        }
        PolicyDocument doc = PolicyDocument.parseOrNull(b.policy().value());
        if (doc == null) {
            return error(env.env(), r, "The bucket policy of " + b.name() + " could not be parsed, so its TLS requirement is unknown.");
        }
        String objects = "arn:aws:s3:::" + b.name() + "/";
        boolean denied = doc.statements().stream().anyMatch(s -> s.effect() == PolicyDocument.Effect.DENY
                && s.appliesToEveryone() && !s.notPrincipal()
                && s.coversAllActionsOf("s3")
                && s.coversResourcesUnder(objects)
                && onlyInsecureTransportCondition(s.conditions()));
        return denied
                ? pass(env.env(), r, "Bucket " + b.name() + " has a policy that denies requests without TLS.")
                : fail(env.env(), r, "Bucket " + b.name() + " has no policy that denies requests without TLS.");
    }

    /** Exactly one condition: {@code Bool} (or {@code BoolIfExists}) {@code aws:SecureTransport} = false. */
    static boolean onlyInsecureTransportCondition(Map<String, Map<String, List<String>>> conditions) {
        if (conditions.size() != 1) {
            return false;
        }
        var op = conditions.entrySet().iterator().next();
        String name = op.getKey().toLowerCase(Locale.ROOT);
        if (!name.equals("bool") && !name.equals("boolifexists")) {
            return false;
        }
        if (op.getValue().size() != 1) {
            return false;
        }
        var key = op.getValue().entrySet().iterator().next();
        return key.getKey().equalsIgnoreCase("aws:SecureTransport")
                && !key.getValue().isEmpty()
                && key.getValue().stream().allMatch(v -> v.equalsIgnoreCase("false"));
    }
}
