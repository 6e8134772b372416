package dev.palisade.checks;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.check.Area;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.RootAccount;
import java.util.ArrayList;
import java.util.List;

/** {@code iam.root.mfa}: the root user has MFA, per account. */
public final class RootMfaCheck extends AbstractCheck {
    public RootMfaCheck() {
        super("iam.root.mfa", "Root user has MFA", Area.ACCESS, "aws", Severity.CRITICAL,
                "The root user can do anything, including closing the account; a password alone is one phishing email away.",
                "Sign in as root and assign an MFA device (IAM console → Security credentials → Assign MFA), ideally a hardware key kept in a safe.");
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (AwsScope.Account a : AwsScope.accounts(ctx.inventory())) {
            Fact<Boolean> f = rootFact(a, true);
            if (!f.isKnown()) {
                out.add(error(a.env(), a.resource(), "Whether the root user of " + a.describe() + " has MFA could not be read: "
                        + AwsScope.reason(f.error()) + "."));
            } else if (Boolean.TRUE.equals(f.value())) {
                out.add(pass(a.env(), a.resource(), "The root user of " + a.describe() + " has MFA enabled."));
            } else {
                out.add(fail(a.env(), a.resource(), "The root user of " + a.describe() + " has no MFA."));
            }
        }
        return out;
    }

    /** The root user's MFA ({@code mfa}) or access-key fact, unknown when the root summary itself is unknown. */
    static Fact<Boolean> rootFact(AwsScope.Account a, boolean mfa) {
        Fact<RootAccount> root = a.fact(e -> e.root());
        if (!root.isKnown()) {
            return Fact.unknown(root.error());
        }
        if (root.value() == null) {
            return Fact.unknown("the root account summary is empty");
        }
        Fact<Boolean> f = mfa ? root.value().mfaEnabled() : root.value().accessKeysPresent();
        return f == null ? Fact.unknown("not collected") : f;
    }
}
