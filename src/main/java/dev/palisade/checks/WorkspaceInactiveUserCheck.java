package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Resources;
import dev.palisade.core.Severity;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.WorkspaceDirectory;
import dev.palisade.core.inventory.WorkspaceUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gws.user.inactive}: an active user without a login for {@code thresholds.workspaceInactiveDays}
 * (default 90). A user who never logged in counts from the account's creation.
 */
public final class WorkspaceInactiveUserCheck extends WorkspaceCheck {
    public WorkspaceInactiveUserCheck() {
        super("gws.user.inactive", "No idle Workspace accounts", Severity.LOW,
                "An account nobody uses still receives mail and password resets and is rarely watched: a quiet way in.",
                "Confirm with the person or their manager; suspend the account (Admin console → Users → Suspend) or "
                        + "offboard it with Palisade if they have left.");
    }

    @Override
    protected List<Finding> evaluate(CheckContext ctx, WorkspaceDirectory dir, List<WorkspaceUser> users) {
        int days = ctx.thresholds().workspaceInactiveDays();
        Instant now = ctx.now();
        List<Finding> out = new ArrayList<>();
        for (WorkspaceUser u : users) {
            if (!u.active()) {
                continue;
            }
            Resource r = Resources.workspaceUser(u.email());
            Instant since = u.lastLogin() != null ? u.lastLogin() : u.created();
            if (since == null) {
                out.add(error(null, r, "The directory reported neither a last login nor a creation time for " + u.email()));
                continue;
            }
            long idle = Math.max(0, Duration.between(since, now).toDays());
            String what = u.lastLogin() != null ? "last signed in " + idle + " days ago"
                    : "has never signed in since the account was created " + idle + " days ago";
            if (idle > days) {
                out.add(fail(null, r, u.email() + " " + what + " (limit " + days + " days)"));
            } else {
                out.add(pass(null, r, u.email() + " " + what));
            }
        }
        return out;
    }
}
