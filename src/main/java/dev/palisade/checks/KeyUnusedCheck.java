package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Resources;
import dev.palisade.core.Severity;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.AccessKey;
import dev.palisade.core.inventory.IamUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code iam.key.unused}: an active access key idle more than {@code credentialUnusedDays}; idle =
 * now − (last used, or created when never used), per key.
 */
public final class KeyUnusedCheck extends IamUserCheck {
    public KeyUnusedCheck() {
        super("iam.key.unused", "Idle access keys", Severity.MEDIUM,
                "An active key that nothing uses is pure risk: it still works for whoever finds it.",
                "Deactivate the key (IAM → Users → Security credentials → Make inactive), wait a few days for complaints, then delete it.");
    }

    @Override
    protected List<Finding> evaluate(CheckContext ctx, AwsScope.Account a, IamUser u, Resource userResource) {
        if (!known(u.accessKeys())) {
            return unreadable(a, u, userResource, "access keys", u.accessKeys());
        }
        int limit = ctx.thresholds().credentialUnusedDays();
        List<Finding> out = new ArrayList<>();
        for (AccessKey k : u.accessKeys().value()) {
            if (!k.active()) {
                continue;
            }
            Resource r = Resources.accessKey(k.id(), u.name());
            Instant since = k.lastUsed() != null ? k.lastUsed() : k.created();
            if (since == null) {
                out.add(error(a.env(), r, "Neither the last use nor the creation time of access key " + r.name() + " is known."));
                continue;
            }
            long idle = AwsScope.daysSince(since, ctx.now());
            String what = k.lastUsed() != null ? "was last used " + AwsScope.days(idle) + " ago" : "was never used and was created " + AwsScope.days(idle) + " ago";
            out.add(idle > limit
                    ? fail(a.env(), r, "Access key " + r.name() + " " + what + ", idle longer than the " + limit + "-day limit.")
                    : pass(a.env(), r, "Access key " + r.name() + " " + what + ", within the " + limit + "-day limit."));
        }
        return out;
    }
}
