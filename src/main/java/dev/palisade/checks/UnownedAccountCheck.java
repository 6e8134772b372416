package dev.palisade.checks;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Resources;
import dev.palisade.core.Severity;
import dev.palisade.core.check.Area;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.AccountRef;
import dev.palisade.core.inventory.GitHubMember;
import dev.palisade.core.inventory.IamUser;
import dev.palisade.core.inventory.Identities;
import dev.palisade.core.inventory.Person;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code access.account.unowned}: every IAM user and GitHub member is linked to a person. */
public final class UnownedAccountCheck extends AbstractCheck {
    public UnownedAccountCheck() {
        super("access.account.unowned", "Every account has an owner", Area.ACCESS, "people", Severity.MEDIUM,
                "An account nobody owns is a shared or forgotten credential: nobody rotates it, and nobody removes it when someone leaves.",
                "Link the account to its person (an IAM user tag email=PERSON, or an entry under people: in palisade.yaml); "
                        + "replace shared IAM users with roles, and remove accounts nobody claims.");
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        if (ctx.inventory().aws().isEmpty() && !ctx.inventory().hasGitHub()) {
            return out;
        }
        Identities ids = AwsScope.identities(ctx);
        Map<String, String> owners = new HashMap<>();
        Map<String, String> how = new HashMap<>();
        for (Person p : ids.people()) {
            for (AccountRef a : p.accounts()) {
                owners.put(a.system() + "|" + a.id(), p.email());
                how.put(a.system() + "|" + a.id(), a.linkedBy());
            }
        }
        Set<String> seen = new HashSet<>();
        for (AwsScope.Account a : AwsScope.accounts(ctx.inventory())) {
            Fact<List<IamUser>> users = a.fact(e -> e.users());
            if (!users.isKnown()) {
                out.add(error(a.env(), a.resource(), "The IAM users of " + a.describe() + " could not be listed ("
                        + AwsScope.reason(users.error()) + "), so their owners were not checked."));
                continue;
            }
            for (IamUser u : users.value()) {
                if (!seen.add(u.arn())) {
                    continue;
                }
                Resource r = Resources.iamUser(u.arn(), u.name());
                String key = "aws|" + u.arn();
                out.add(owners.containsKey(key)
                        ? pass(a.env(), r, "IAM user " + u.name() + " belongs to " + owners.get(key) + " (linked by " + how.get(key) + ").")
                        : fail(a.env(), r, "IAM user " + u.name() + " in " + a.describe() + " is linked to no person."));
            }
        }
        for (var gh : ctx.inventory().github()) {
            Resource org = Resources.githubOrg(gh.organization());
            for (int i = 0; i < 2; i++) {
                boolean collaborators = i == 1;
                var list = collaborators ? gh.outsideCollaborators() : gh.members();
                if (collaborators && list == null) {
                    continue; // inventories built without a separate collaborator list
                }
                if (collaborators && gh.unreadableAsAWhole()) {
                    continue; // the org failed as a whole: one ERROR on it, not two
                }
                if (list == null || !list.isKnown()) {
                    String what = collaborators ? "outside collaborators" : "members";
                    out.add(error(null, org, "The " + what + " of GitHub organization " + gh.organization() + " could not be listed ("
                            + AwsScope.reason(list == null ? "not collected" : list.error()) + "), so their owners were not checked."));
                    continue;
                }
                for (GitHubMember m : list.value()) {
                    if (!seen.add("github|" + m.login().toLowerCase(java.util.Locale.ROOT))) {
                        continue;
                    }
                    Resource r = Resources.githubMember(m.login());
                    String key = "github|" + m.login();
                    String kind = m.outsideCollaborator() || collaborators
                            ? "GitHub outside collaborator " : "GitHub member ";
                    out.add(owners.containsKey(key)
                            ? pass(null, r, kind + m.login() + " belongs to " + owners.get(key) + " (linked by " + how.get(key) + ").")
                            : fail(null, r, kind + m.login() + " is linked to no person."));
                }
            }
        }
        return out;
    }
}
