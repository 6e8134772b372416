package dev.palisade.act;

import dev.palisade.core.action.ActionPlan;
import dev.palisade.core.action.PlanStep;
import dev.palisade.core.action.Verification;
import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Snapshot;
import dev.palisade.core.Status;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.GitHubMember;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.IamUser;
import dev.palisade.core.inventory.WorkspaceUser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a fresh snapshot (the rescan after a run) for anything the person still holds in the
 * accounts the plan touched (for GitHub: in every organization the rescan read), and for {@code access.departed.active} on them. A source that could
 * not be re-read makes the verification say so: never a clean result by default.
 */
public final class OffboardingVerifier {
    private OffboardingVerifier() {
    }

    public static Verification verify(ActionPlan plan, Snapshot rescan) {
        List<String> open = new ArrayList<>();
        Set<String> googleUsers = new LinkedHashSet<>();
        Set<String> awsUsers = new LinkedHashSet<>();
        Set<String> githubLogins = new LinkedHashSet<>();
        for (PlanStep s : plan.steps()) {
            switch (s.system()) {
                case "google" -> googleUsers.add(s.param("userKey"));
                case "aws" -> awsUsers.add(s.env() + "\u0000" + s.param("userName"));
                case "github" -> githubLogins.add(s.param("login"));
                default -> { }
            }
        }
        for (String email : googleUsers) {
            var dir = rescan.inventory().google();
            if (dir == null || !dir.users().isKnown()) {
                open.add("Could not verify Workspace account " + email + ": " + reason(dir == null ? null : dir.users(), "directory not re-read") + ".");
                continue;
            }
            Optional<WorkspaceUser> u = dir.users().value().stream().filter(w -> w.email().equalsIgnoreCase(email)).findFirst();
            if (u.isPresent() && u.get().active()) {
                open.add("Workspace account " + email + " is still active.");
            } else if (u.isPresent() && u.get().admin()) {
                open.add("Workspace account " + email + " is still a super admin.");
            }
        }
        for (String key : awsUsers) {
            String env = key.substring(0, key.indexOf('\u0000'));
            String name = key.substring(key.indexOf('\u0000') + 1);
            Optional<AwsEnvironment> e = rescan.inventory().aws().stream().filter(a -> a.env().equals(env)).findFirst();
            if (e.isEmpty() || !e.get().users().isKnown()) {
                open.add("Could not verify IAM user " + name + " in " + env + ": "
                        + reason(e.map(AwsEnvironment::users).orElse(null), "AWS not re-read") + ".");
                continue;
            }
            Optional<IamUser> u = e.get().users().value().stream().filter(x -> x.name().equals(name)).findFirst();
            if (u.isEmpty()) {
                continue;
            }
            IamUser user = u.get();
            if (!user.console().isKnown() || !user.accessKeys().isKnown()) {
                open.add("Could not verify IAM user " + name + " in " + env + ": its credentials were not re-read.");
                continue;
            }
            if (user.console().value() != null && user.console().value().passwordEnabled()) {
                open.add("IAM user " + name + " in " + env + " still has a console password.");
            }
            user.accessKeys().value().stream().filter(k -> k.active())
                    .forEach(k -> open.add("Access key " + k.id() + " of " + name + " in " + env + " is still active."));
        }
        List<GitHubOrg> orgs = rescan.inventory().github();
        for (String login : githubLogins) {
            if (orgs.isEmpty()) {
                open.add("Could not verify GitHub access of " + login + ": GitHub not re-read.");
                continue;
            }
            for (GitHubOrg org : orgs) {
                if (org.members() == null || !org.members().isKnown()) {
                    open.add("Could not verify GitHub access of " + login + (orgs.size() > 1 ? " in " + org.organization() : "")
                            + ": " + reason(org.members(), "GitHub not re-read").replaceAll("\\.+$", "") + ".");
                } else if (org.accounts().stream().map(GitHubMember::login).anyMatch(login::equalsIgnoreCase)) {
                    open.add("GitHub user " + login + " still has access to " + org.organization() + ".");
                }
            }
        }
        // An organization the plan removed the login from that the rescan did not read at all.
        for (PlanStep s : plan.steps()) {
            if ("github".equals(s.system()) && !orgs.isEmpty()
                    && orgs.stream().noneMatch(o -> o.organization().equalsIgnoreCase(s.param("org")))) {
                open.add("Could not verify GitHub access of " + s.param("login") + " in " + s.param("org")
                        + ": the rescan did not read that organization.");
            }
        }
        for (Finding f : rescan.findings()) {
            if (f.check().equals("access.departed.active") && f.resource().id().equalsIgnoreCase(plan.subject())
                    && (f.status() == Status.FAIL || f.status() == Status.ERROR)) {
                open.add(f.message());
            }
        }
        return new Verification(rescan.finishedAt(), rescan.id(), open.stream().distinct().toList());
    }

    private static String reason(Fact<?> fact, String fallback) {
        return fact == null || fact.error() == null ? fallback : fact.error();
    }
}
