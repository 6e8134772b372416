package dev.palisade.checks;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Resources;
import dev.palisade.core.Severity;
import dev.palisade.core.check.Area;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.IamUser;
import java.util.ArrayList;
import java.util.List;

/** A check evaluated on every IAM user of every AWS account (once per account, however many environments share it). */
abstract class IamUserCheck extends AbstractCheck {
    protected IamUserCheck(String id, String title, Severity severity, String rationale, String remediation) {
        super(id, title, Area.ACCESS, "aws", severity, rationale, remediation);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (AwsScope.Account a : AwsScope.accounts(ctx.inventory())) {
            Fact<List<IamUser>> users = a.fact(e -> e.users());
            if (!users.isKnown()) {
                out.add(error(a.env(), a.resource(), "The IAM users of " + a.describe() + " could not be listed ("
                        + AwsScope.reason(users.error()) + "), so " + metadata().id() + " was not evaluated."));
                continue;
            }
            for (IamUser u : users.value()) {
                out.addAll(evaluate(ctx, a, u, Resources.iamUser(u.arn(), u.name())));
            }
        }
        return out;
    }

    protected abstract List<Finding> evaluate(CheckContext ctx, AwsScope.Account account, IamUser user, Resource resource);

    /** ERROR for a user whose datum could not be read. */
    protected final List<Finding> unreadable(AwsScope.Account a, IamUser u, Resource r, String what, Fact<?> fact) {
        String why = fact == null ? "not collected" : fact.error();
        return List.of(error(a.env(), r, "The " + what + " of IAM user " + u.name() + " could not be read: "
                + AwsScope.reason(why) + "."));
    }

    static boolean known(Fact<?> f) {
        return f != null && f.isKnown();
    }
}
