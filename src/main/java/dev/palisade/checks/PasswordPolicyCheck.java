package dev.palisade.checks;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.check.Area;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.PasswordPolicy;
import java.util.ArrayList;
import java.util.List;

/** {@code iam.password_policy}: the account has a password policy with a minimum length of at least 14. */
public final class PasswordPolicyCheck extends AbstractCheck {
    /** SPEC.md's fixed rule (CIS AWS Foundations 1.8), not a tunable threshold. */
    static final int MINIMUM_LENGTH = 14;

    public PasswordPolicyCheck() {
        super("iam.password_policy", "IAM password policy", Area.ACCESS, "aws", Severity.MEDIUM,
                "Without a policy, IAM users may set short passwords that fall to guessing and credential stuffing.",
                "Set an account password policy with a minimum length of 14 or more (IAM → Account settings → Password policy, "
                        + "or `aws iam update-account-password-policy --minimum-password-length 14`).");
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (AwsScope.Account a : AwsScope.accounts(ctx.inventory())) {
            Fact<PasswordPolicy> f = a.fact(e -> e.passwordPolicy());
            if (!f.isKnown()) {
                out.add(error(a.env(), a.resource(), "The IAM password policy of " + a.describe() + " could not be read: "
                        + AwsScope.reason(f.error()) + "."));
            } else if (f.value() == null) {
                out.add(fail(a.env(), a.resource(), a.describe() + " has no IAM password policy."));
            } else if (f.value().minimumLength() < MINIMUM_LENGTH) {
                out.add(fail(a.env(), a.resource(), a.describe() + " has a password policy with minimum length "
                        + f.value().minimumLength() + ", below " + MINIMUM_LENGTH + "."));
            } else {
                out.add(pass(a.env(), a.resource(), a.describe() + " has a password policy with minimum length "
                        + f.value().minimumLength() + "."));
            }
        }
        return out;
    }
}
