package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Severity;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.ConsoleAccess;
import dev.palisade.core.inventory.IamUser;
import java.time.Instant;
import java.util.List;

/**
 * {@code iam.user.console_unused}: a console password not used for {@code credentialUnusedDays}; a
 * never-used password counts from its creation (or the user's, when that is all that is known).
 */
public final class ConsoleUnusedCheck extends ConsolePasswordCheck {
    public ConsoleUnusedCheck() {
        super("iam.user.console_unused", "Unused console passwords", Severity.MEDIUM,
                "A password nobody uses is a standing way in that nobody will notice being used.",
                "Remove the console password of the user (IAM → Users → Security credentials → Manage console access → Disable); "
                        + "give it back when the person needs the console again.");
    }

    @Override
    protected List<Finding> evaluate(CheckContext ctx, AwsScope.Account a, IamUser u, Resource r, ConsoleAccess c) {
        int limit = ctx.thresholds().credentialUnusedDays();
        Instant since = c.passwordLastUsed() != null ? c.passwordLastUsed()
                : c.passwordCreated() != null ? c.passwordCreated() : u.created();
        if (since == null) {
            return List.of(error(a.env(), r, "Neither the last use nor the creation time of the console password of IAM user "
                    + u.name() + " is known."));
        }
        long idle = AwsScope.daysSince(since, ctx.now());
        String what = c.passwordLastUsed() != null ? "last used " + AwsScope.days(idle) + " ago" : "never used since it was created " + AwsScope.days(idle) + " ago";
        return idle > limit
                ? List.of(fail(a.env(), r, "IAM user " + u.name() + " has a console password " + what
                        + ", more than the " + limit + "-day limit."))
                : List.of(pass(a.env(), r, "IAM user " + u.name() + " has a console password " + what
                        + ", within the " + limit + "-day limit."));
    }
}
