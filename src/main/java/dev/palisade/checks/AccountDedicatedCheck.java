package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Resources;
import dev.palisade.core.Severity;
import dev.palisade.core.check.Area;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.AwsEnvironment;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code env.account.dedicated}: no two environments resolve to the same AWS account, per pair. Sharing
 * with both sides tag-separated is MEDIUM; sharing where a side has no tag (nothing separates them) is HIGH.
 */
public final class AccountDedicatedCheck extends AbstractCheck {
    public AccountDedicatedCheck() {
        super("env.account.dedicated", "Each environment has its own AWS account", Area.ENVIRONMENTS, "aws", Severity.MEDIUM,
                "An account is the only hard boundary in AWS: environments that share one are separated by tags and care only, "
                        + "so a test credential or a bad script can reach production data.",
                "Move each environment into its own AWS account (AWS Organizations makes new accounts cheap); until then, tag every "
                        + "resource with its environment and scope IAM policies on that tag.");
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        List<AwsEnvironment> envs = ctx.inventory().aws();
        for (int i = 0; i < envs.size(); i++) {
            for (int j = i + 1; j < envs.size(); j++) {
                out.add(pair(envs.get(i), envs.get(j)));
            }
        }
        return out;
    }

    private Finding pair(AwsEnvironment a, AwsEnvironment b) {
        Resource r = Resources.environmentPair(a.env(), b.env());
        String idA = AwsScope.accountId(a);
        String idB = AwsScope.accountId(b);
        if (idA == null || idB == null) {
            AwsEnvironment missing = idA == null ? a : b;
            String why = missing.accountId() == null ? "not collected" : missing.accountId().error();
            return error(a.env(), r, "Whether environments " + r.name() + " share an AWS account is unknown: the account of "
                    + missing.env() + " could not be read (" + AwsScope.reason(why) + ").");
        }
        if (!idA.equals(idB)) {
            return pass(a.env(), r, "Environments " + r.name() + " live in separate AWS accounts (" + idA + ", " + idB + ").");
        }
        if (a.tag() != null && b.tag() != null) {
            return fail(a.env(), r, "Environments " + r.name() + " share AWS account " + idA
                    + " and are separated by tags only (" + a.tag().key() + "=" + a.tag().value() + ", "
                    + b.tag().key() + "=" + b.tag().value() + ").");
        }
        return fail(a.env(), r, Severity.HIGH, "Environments " + r.name() + " share AWS account " + idA
                + " and nothing separates them: " + (a.tag() == null ? a.env() : b.env()) + " has no environment tag configured.");
    }
}
