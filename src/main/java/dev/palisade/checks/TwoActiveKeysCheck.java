package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Severity;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.AccessKey;
import dev.palisade.core.inventory.IamUser;
import java.util.List;

/** {@code iam.user.two_active_keys}: a user has at most one active access key. */
public final class TwoActiveKeysCheck extends IamUserCheck {
    public TwoActiveKeysCheck() {
        super("iam.user.two_active_keys", "One active access key per user", Severity.MEDIUM,
                "Two active keys usually mean a rotation that was never finished: the old key still works somewhere.",
                "Find which key is still in use (last used date), move its consumers to the newer key, then deactivate and delete the other.");
    }

    @Override
    protected List<Finding> evaluate(CheckContext ctx, AwsScope.Account a, IamUser u, Resource r) {
        if (!known(u.accessKeys())) {
            return unreadable(a, u, r, "access keys", u.accessKeys());
        }
        List<AccessKey> active = u.accessKeys().value().stream().filter(AccessKey::active).toList();
        if (active.size() >= 2) {
            return List.of(fail(a.env(), r, "IAM user " + u.name() + " has " + active.size() + " active access keys ("
                    + String.join(", ", active.stream().map(AccessKey::id).toList()) + ")."));
        }
        return List.of(pass(a.env(), r, "IAM user " + u.name() + " has " + (active.isEmpty() ? "no" : "one") + " active access key."));
    }
}
