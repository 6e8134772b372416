package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Severity;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.IamUser;
import dev.palisade.core.inventory.InlinePolicy;
import dev.palisade.core.inventory.PolicyRef;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code iam.user.direct_admin}: no {@code AdministratorAccess} or {@code Action:"*"}/{@code Resource:"*"}
 * Allow attached or inline on the user itself (group and role admin is the intended path).
 */
public final class DirectAdminCheck extends IamUserCheck {
    static final String ADMIN_POLICY_ARN_SUFFIX = ":policy/AdministratorAccess";

    public DirectAdminCheck() {
        super("iam.user.direct_admin", "No administrator policy directly on users", Severity.HIGH,
                "Full admin rights on a user's own long-lived credentials make every leaked key or password an account takeover, and they escape group-based review.",
                "Detach AdministratorAccess (and remove Action \"*\" on Resource \"*\" statements) from the user; grant admin through a group "
                        + "or, better, a role assumed with MFA or IAM Identity Center.");
    }

    @Override
    protected List<Finding> evaluate(CheckContext ctx, AwsScope.Account a, IamUser u, Resource r) {
        List<String> admin = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        if (known(u.attachedPolicies())) {
            for (PolicyRef p : u.attachedPolicies().value()) {
                if (isAwsAdministratorAccess(p)) {
                    admin.add("managed policy AdministratorAccess");
                } else if (p.arn() != null && p.arn().contains(":iam::aws:policy/")) {
                    continue; // other AWS-managed policies are not full admin
                } else if (p.document() == null) {
                    unknown.add("managed policy " + p.name() + " (document not read)");
                } else {
                    PolicyDocument doc = PolicyDocument.parseOrNull(p.document());
                    if (doc == null) {
                        unknown.add("managed policy " + p.name() + " (not parseable)");
                    } else if (grantsEverything(doc)) {
                        admin.add("managed policy " + p.name());
                    }
                }
            }
        } else {
            unknown.add("attached policies (" + AwsScope.reason(u.attachedPolicies() == null ? "not collected" : u.attachedPolicies().error()) + ")");
        }
        if (known(u.inlinePolicies())) {
            for (InlinePolicy p : u.inlinePolicies().value()) {
                PolicyDocument doc = PolicyDocument.parseOrNull(p.document());
                if (doc == null) {
                    unknown.add("inline policy " + p.name() + " (not parseable)");
                } else if (grantsEverything(doc)) {
                    admin.add("inline policy " + p.name());
                }
            }
        } else {
            unknown.add("inline policies (" + AwsScope.reason(u.inlinePolicies() == null ? "not collected" : u.inlinePolicies().error()) + ")");
        }
        if (!admin.isEmpty()) {
            return List.of(fail(a.env(), r, "IAM user " + u.name() + " has full administrator rights directly through "
                    + String.join(", ", admin) + "."));
        }
        if (!unknown.isEmpty()) {
            return List.of(error(a.env(), r, "Whether IAM user " + u.name() + " holds administrator rights directly is unknown: "
                    + String.join(", ", unknown) + " could not be read."));
        }
        return List.of(pass(a.env(), r, "IAM user " + u.name() + " has no administrator policy attached directly."));
    }

    static boolean isAwsAdministratorAccess(PolicyRef p) {
        return p.arn() != null ? p.arn().startsWith("arn:") && p.arn().contains(":iam::aws" + ADMIN_POLICY_ARN_SUFFIX)
                : "AdministratorAccess".equals(p.name());
    }

    /** An Allow of Action "*" on Resource "*". */
    static boolean grantsEverything(PolicyDocument doc) {
        return doc.statements().stream().anyMatch(s -> s.effect() == PolicyDocument.Effect.ALLOW
                && s.coversAllActions() && s.coversAllResources());
    }
}
