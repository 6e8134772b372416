package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Severity;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.ConsoleAccess;
import dev.palisade.core.inventory.IamUser;
import java.util.List;

/**
 * An IAM user check about the console password: ERROR when the user's console access could not be
 * read, PASS when the user has no console password, else
 * {@link #evaluate(CheckContext, AwsScope.Account, IamUser, Resource, ConsoleAccess)}.
 */
abstract class ConsolePasswordCheck extends IamUserCheck {
    protected ConsolePasswordCheck(String id, String title, Severity severity, String rationale, String remediation) {
        super(id, title, severity, rationale, remediation);
    }

    @Override
    protected final List<Finding> evaluate(CheckContext ctx, AwsScope.Account a, IamUser u, Resource r) {
        if (!known(u.console())) {
            return unreadable(a, u, r, "console access", u.console());
        }
        ConsoleAccess c = u.console().value();
        if (c == null || !c.passwordEnabled()) {
            return List.of(pass(a.env(), r, "IAM user " + u.name() + " has no console password."));
        }
        return evaluate(ctx, a, u, r, c);
    }

    /** The findings for a user who has a console password. */
    protected abstract List<Finding> evaluate(CheckContext ctx, AwsScope.Account a, IamUser u, Resource r, ConsoleAccess console);
}
