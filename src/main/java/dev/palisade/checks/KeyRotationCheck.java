package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Resources;
import dev.palisade.core.Severity;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.AccessKey;
import dev.palisade.core.inventory.IamUser;
import java.util.ArrayList;
import java.util.List;

/** {@code iam.key.rotation}: an active access key is no older than {@code accessKeyMaxAgeDays}, per key. */
public final class KeyRotationCheck extends IamUserCheck {
    public KeyRotationCheck() {
        super("iam.key.rotation", "Access keys rotated", Severity.MEDIUM,
                "The older a key, the more laptops, CI logs and config files it has been copied into.",
                "Rotate the key: create a second key, switch its consumers to it, watch the old key's last use stop, then deactivate "
                        + "and delete the old key (Palisade: rotate-key USER KEY_ID --env ENV --step create|deactivate|delete).");
    }

    @Override
    protected List<Finding> evaluate(CheckContext ctx, AwsScope.Account a, IamUser u, Resource userResource) {
        if (!known(u.accessKeys())) {
            return unreadable(a, u, userResource, "access keys", u.accessKeys());
        }
        int limit = ctx.thresholds().accessKeyMaxAgeDays();
        List<Finding> out = new ArrayList<>();
        for (AccessKey k : u.accessKeys().value()) {
            if (!k.active()) {
                continue;
            }
            Resource r = Resources.accessKey(k.id(), u.name());
            if (k.created() == null) {
                out.add(error(a.env(), r, "The creation time of access key " + r.name() + " is not known."));
                continue;
            }
            long age = AwsScope.daysSince(k.created(), ctx.now());
            out.add(age > limit
                    ? fail(a.env(), r, "Access key " + r.name() + " is " + AwsScope.days(age) + " old, older than the " + limit + "-day limit.")
                    : pass(a.env(), r, "Access key " + r.name() + " is " + AwsScope.days(age) + " old, within the " + limit + "-day limit."));
        }
        return out;
    }
}
