package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Resources;
import dev.palisade.core.Severity;
import dev.palisade.core.check.Area;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.AccessKey;
import dev.palisade.core.inventory.AccountRef;
import dev.palisade.core.inventory.GitHubMember;
import dev.palisade.core.inventory.IamUser;
import dev.palisade.core.inventory.Person;
import dev.palisade.core.inventory.WorkspaceDirectory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code access.departed.active}: a person suspended or deleted in Workspace holds no active access
 * anywhere: no IAM console password or active key, no GitHub membership. Needs the Workspace
 * directory; without it nothing is reported.
 */
public final class DepartedActiveCheck extends AbstractCheck {
    public DepartedActiveCheck() {
        super("access.departed.active", "Departed people hold no access", Area.ACCESS, "people", Severity.CRITICAL,
                "Suspending someone in Google does not touch their AWS keys or GitHub membership; those keep working until removed.",
                "Offboard the person (Palisade: offboard EMAIL): remove console passwords and deactivate access keys of their IAM users, "
                        + "and remove them from the GitHub organization.");
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        WorkspaceDirectory google = ctx.inventory().google();
        if (google == null) {
            return out;
        }
        if (google.users() == null || !google.users().isKnown()) {
            Resource r = Resources.workspaceDomain(google.domain() == null ? "workspace" : google.domain());
            out.add(error(null, r, "The Workspace directory of " + r.name() + " could not be read ("
                    + AwsScope.reason(google.users() == null ? "not collected" : google.users().error())
                    + "), so departed people could not be identified."));
            return out;
        }
        Map<String, IamUser> iam = new HashMap<>();
        List<String> unreadable = new ArrayList<>();
        for (AwsScope.Account a : AwsScope.accounts(ctx.inventory())) {
            var users = a.fact(e -> e.users());
            if (users.isKnown()) {
                users.value().forEach(u -> iam.putIfAbsent(u.arn(), u));
            } else {
                unreadable.add("the IAM users of environment " + a.env());
            }
        }
        Map<String, GitHubMember> members = new HashMap<>();
        Map<String, List<String>> orgsOf = new HashMap<>();
        boolean severalOrgs = ctx.inventory().github().size() > 1;
        for (var gh : ctx.inventory().github()) {
            for (GitHubMember m : gh.accounts()) {
                String login = m.login().toLowerCase(java.util.Locale.ROOT);
                members.putIfAbsent(login, m);
                orgsOf.computeIfAbsent(login, k -> new ArrayList<>()).add(gh.organization());
            }
            if (gh.members() == null || !gh.members().isKnown()) {
                unreadable.add("the members of GitHub organization " + gh.organization());
            }
            if (gh.outsideCollaborators() != null && !gh.outsideCollaborators().isKnown()) {
                unreadable.add("the outside collaborators of GitHub organization " + gh.organization());
            }
        }
        for (Person p : AwsScope.identities(ctx).people()) {
            if (p.state() != Person.PersonState.SUSPENDED && p.state() != Person.PersonState.DELETED) {
                continue;
            }
            Resource r = Resources.person(p.email());
            String state = p.state() == Person.PersonState.SUSPENDED ? "suspended" : "deleted";
            List<String> active = new ArrayList<>();
            List<String> unknown = new ArrayList<>(unreadable);
            for (AccountRef a : p.accounts()) {
                if ("aws".equals(a.system())) {
                    IamUser u = iam.get(a.id());
                    if (u == null) {
                        continue;
                    }
                    List<String> what = new ArrayList<>();
                    boolean unsure = false;
                    if (u.console() != null && u.console().isKnown()) {
                        if (u.console().value() != null && u.console().value().passwordEnabled()) {
                            what.add("console password");
                        }
                    } else {
                        unsure = true;
                    }
                    if (u.accessKeys() != null && u.accessKeys().isKnown()) {
                        long keys = u.accessKeys().value().stream().filter(AccessKey::active).count();
                        if (keys > 0) {
                            what.add(keys + " active access key" + (keys == 1 ? "" : "s"));
                        }
                    } else {
                        unsure = true;
                    }
                    if (!what.isEmpty()) {
                        active.add("IAM user " + u.name() + " in " + a.env() + " (" + String.join(", ", what) + ")");
                    } else if (unsure) {
                        unknown.add("the credentials of IAM user " + u.name());
                    }
                } else if ("github".equals(a.system())) {
                    GitHubMember m = members.get(a.id().toLowerCase(java.util.Locale.ROOT));
                    if (m != null) {
                        active.add((m.outsideCollaborator() ? "GitHub outside collaborator " : "GitHub member ") + m.login()
                                + (severalOrgs ? " in " + String.join(", ", orgsOf.get(m.login().toLowerCase(java.util.Locale.ROOT))) : ""));
                    }
                }
            }
            if (!active.isEmpty()) {
                out.add(fail(null, r, "Departed person " + p.email() + " (" + state + " in Workspace) still holds "
                        + String.join("; ", active) + "."));
            } else if (!unknown.isEmpty()) {
                out.add(error(null, r, "Whether departed person " + p.email() + " still holds access is unknown: "
                        + String.join(", ", unknown) + " could not be read."));
            } else {
                out.add(pass(null, r, "Departed person " + p.email() + " (" + state + " in Workspace) holds no active AWS or GitHub access."));
            }
        }
        return out;
    }
}
