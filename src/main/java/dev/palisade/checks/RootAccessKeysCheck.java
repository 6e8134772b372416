package dev.palisade.checks;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.check.Area;
import dev.palisade.core.check.CheckContext;
import java.util.ArrayList;
import java.util.List;

/** {@code iam.root.access_keys}: the root user has no access keys, per account. */
public final class RootAccessKeysCheck extends AbstractCheck {
    public RootAccessKeysCheck() {
        super("iam.root.access_keys", "Root user has no access keys", Area.ACCESS, "aws", Severity.CRITICAL,
                "A root access key is an unrestricted, non-expiring credential that no policy can limit.",
                "Sign in as root, delete its access keys (IAM console → Security credentials → Access keys) and give the workloads that used them an IAM role.");
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (AwsScope.Account a : AwsScope.accounts(ctx.inventory())) {
            Fact<Boolean> f = RootMfaCheck.rootFact(a, false);
            if (!f.isKnown()) {
                out.add(error(a.env(), a.resource(), "Whether the root user of " + a.describe() + " has access keys could not be read: "
                        + AwsScope.reason(f.error()) + "."));
            } else if (Boolean.TRUE.equals(f.value())) {
                out.add(fail(a.env(), a.resource(), "The root user of " + a.describe() + " has access keys."));
            } else {
                out.add(pass(a.env(), a.resource(), "The root user of " + a.describe() + " has no access keys."));
            }
        }
        return out;
    }
}
