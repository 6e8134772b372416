package dev.palisade.act;

import dev.palisade.core.action.ActionPlan;
import dev.palisade.core.action.PlanStep;
import dev.palisade.core.action.Verification;
import dev.palisade.core.Fact;
import dev.palisade.core.Snapshot;
import dev.palisade.core.inventory.AccessKey;
import dev.palisade.core.inventory.AccountRef;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.GitHubMember;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.IamUser;
import dev.palisade.core.inventory.InlinePolicy;
import dev.palisade.core.inventory.OtherCredential;
import dev.palisade.core.inventory.Person;
import dev.palisade.core.inventory.PolicyRef;
import dev.palisade.core.inventory.WorkspaceUser;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds an offboarding plan for one person from a snapshot's inventory: for every system where the
 * person holds access, the ordered steps with the exact API action and target (reference: apis.md).
 *
 * <p>Order: Workspace first in the order Google documents as working (credentials before suspension,
 * because backup codes cannot be invalidated on a suspended user), then every AWS environment
 * (sessions cut first with the token-issue-time deny, then credentials, permissions and groups, then
 * keep-and-tag or delete), then GitHub (one step per organization the login is in).
 */
public final class OffboardingPlanner {
    /** Name of the inline policy that ends live STS sessions issued before the offboarding. */
    public static final String REVOKE_SESSIONS_POLICY = "PalisadeRevokeOlderSessions";

    private final Clock clock;

    public OffboardingPlanner(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param includeOffered ids of offered (unowned, look-alike) accounts the founder chose to include
     * @throws ActionException when the snapshot does not know the person or holds no identities
     */
    public ActionPlan plan(Snapshot snapshot, String email, boolean deleteIamUsers, Set<String> includeOffered,
                           String actor) throws ActionException {
        var identities = snapshot.inventory().identities();
        if (identities == null) {
            throw new ActionException("Snapshot " + snapshot.id() + " has no identity data; run a scan first.");
        }
        String wanted = email.strip().toLowerCase(Locale.ROOT);
        Person person = identities.people().stream()
                .filter(p -> p.email().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new ActionException("No person " + email + " in snapshot " + snapshot.id()
                        + "; check the spelling or add them under people: in palisade.yaml."));
        Instant now = clock.instant();
        List<AccountRef> offered = lookAlikes(identities.unowned(), wanted);
        List<AccountRef> accounts = new ArrayList<>(person.accounts());
        offered.stream().filter(a -> includeOffered.contains(a.id())).forEach(accounts::add);

        List<PlanStep> steps = new ArrayList<>();
        accounts.stream().filter(a -> "google".equals(a.system()))
                .findFirst()
                .ifPresent(a -> googleSteps(steps, snapshot, a.id()));
        for (AccountRef a : accounts) {
            if ("aws".equals(a.system())) {
                awsSteps(steps, snapshot, a, deleteIamUsers, now, actor);
            }
        }
        for (AccountRef a : accounts) {
            if ("github".equals(a.system())) {
                githubSteps(steps, snapshot, a);
            }
        }
        List<AccountRef> stillOffered = offered.stream().filter(a -> !includeOffered.contains(a.id())).toList();
        String runId = "offboard-" + now.toString().replace(":", "").replace(".", "") + "-" + wanted.replaceAll("[^a-z0-9]", "-");
        return new ActionPlan(runId, "offboard", wanted, now, actor, deleteIamUsers, steps, stillOffered);
    }

    /** Unowned accounts whose name contains the person's local part (dana → dana.ops, dana-gh). */
    static List<AccountRef> lookAlikes(List<AccountRef> unowned, String email) {
        String local = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
        String first = local.split("[._-]")[0];
        if (first.length() < 3) {
            return List.of();
        }
        return unowned.stream()
                .filter(a -> a.name() != null && a.name().toLowerCase(Locale.ROOT).contains(first))
                .toList();
    }

    private static void googleSteps(List<PlanStep> steps, Snapshot snapshot, String email) {
        Optional<WorkspaceUser> user = workspaceUser(snapshot, email);
        String target = email;
        add(steps, "google", null, "directory:users.update(password)", target,
                "Reset " + email + "'s password to a random one nobody sees.", Map.of("userKey", email));
        add(steps, "google", null, "directory:asps.delete", target,
                "Delete every app-specific password of " + email + ".", Map.of("userKey", email));
        add(steps, "google", null, "directory:verificationCodes.invalidate", target,
                "Invalidate " + email + "'s 2-Step Verification backup codes (before suspension, which would block it).",
                Map.of("userKey", email));
        add(steps, "google", null, "directory:tokens.delete", target,
                "Revoke every OAuth token " + email + " granted to third-party apps.", Map.of("userKey", email));
        add(steps, "google", null, "directory:users.signOut", target,
                "Sign " + email + " out of every session and device.", Map.of("userKey", email));
        if (user.map(u -> u.admin() || u.delegatedAdmin()).orElse(true)) {
            add(steps, "google", null, "directory:users.makeAdmin(false)", target,
                    "Remove " + email + "'s super-admin role.", Map.of("userKey", email));
        }
        add(steps, "google", null, "directory:members.delete", target,
                "Remove " + email + " from every group.", Map.of("userKey", email));
        add(steps, "google", null, "directory:users.update(suspended)", target,
                "Suspend " + email + " (data kept for transfer).", Map.of("userKey", email));
    }

    private static Optional<WorkspaceUser> workspaceUser(Snapshot snapshot, String email) {
        var dir = snapshot.inventory().google();
        if (dir == null || !dir.users().isKnown() || dir.users().value() == null) {
            return Optional.empty();
        }
        return dir.users().value().stream().filter(u -> u.email().equalsIgnoreCase(email)).findFirst();
    }

    private static void awsSteps(List<PlanStep> steps, Snapshot snapshot, AccountRef account, boolean delete,
                                 Instant now, String actor) {
        String env = account.env();
        Optional<IamUser> found = snapshot.inventory().aws().stream()
                .filter(e -> e.env().equals(env))
                .map(AwsEnvironment::users)
                .filter(Fact::isKnown)
                .flatMap(f -> f.value() == null ? java.util.stream.Stream.empty() : f.value().stream())
                .filter(u -> u.arn().equals(account.id()) || u.name().equals(account.name()))
                .findFirst();
        String userName = found.map(IamUser::name).orElse(account.name());
        String arn = found.map(IamUser::arn).orElse(account.id());
        Map<String, String> user = Map.of("userName", userName);

        add(steps, "aws", env, "iam:PutUserPolicy", arn,
                "End " + userName + "'s live sessions: deny everything to credentials issued before " + now + ".",
                with(user, "policyName", REVOKE_SESSIONS_POLICY, "issuedBefore", now.toString()));
        boolean console = found.map(u -> u.console().orElse(null)).map(c -> c.passwordEnabled()).orElse(true);
        if (console) {
            add(steps, "aws", env, "iam:DeleteLoginProfile", arn, "Remove " + userName + "'s console password.", user);
        }
        for (AccessKey key : found.map(u -> u.accessKeys().orElse(List.<AccessKey>of())).orElse(List.of())) {
            if (key.active()) {
                add(steps, "aws", env, "iam:UpdateAccessKey(Inactive)", key.id(),
                        "Deactivate access key " + key.id() + " of " + userName + ".", with(user, "accessKeyId", key.id()));
            }
            if (delete) {
                add(steps, "aws", env, "iam:DeleteAccessKey", key.id(),
                        "Delete access key " + key.id() + " of " + userName + ".", with(user, "accessKeyId", key.id()));
            }
        }
        for (OtherCredential c : found.map(u -> u.otherCredentials().orElse(List.<OtherCredential>of())).orElse(List.of())) {
            String verb = delete ? "Delete" : "Deactivate";
            add(steps, "aws", env, "iam:" + verb + "(" + c.kind() + ")", c.id(),
                    verb + " " + c.kind().replace('-', ' ') + " " + c.id() + " of " + userName + ".",
                    with(user, "credentialKind", c.kind(), "credentialId", c.id()));
        }
        add(steps, "aws", env, "iam:ListAccessKeys+sweep", arn,
                (delete ? "Delete" : "Deactivate") + " any access key, signing certificate, SSH key or service credential of "
                        + userName + " created since the scan.", with(user, "delete", Boolean.toString(delete)));
        for (String serial : found.map(u -> u.mfaDevices().orElse(List.<String>of())).orElse(List.of())) {
            add(steps, "aws", env, "iam:DeactivateMFADevice", serial,
                    "Deactivate MFA device " + serial + " of " + userName + ".", with(user, "serialNumber", serial));
            if (delete && serial.contains(":mfa/")) {
                add(steps, "aws", env, "iam:DeleteVirtualMFADevice", serial,
                        "Delete virtual MFA device " + serial + ".", with(user, "serialNumber", serial));
            }
        }
        for (PolicyRef p : found.map(u -> u.attachedPolicies().orElse(List.<PolicyRef>of())).orElse(List.of())) {
            add(steps, "aws", env, "iam:DetachUserPolicy", p.arn(),
                    "Detach policy " + p.name() + " from " + userName + ".", with(user, "policyArn", p.arn()));
        }
        for (InlinePolicy p : found.map(u -> u.inlinePolicies().orElse(List.<InlinePolicy>of())).orElse(List.of())) {
            if (!REVOKE_SESSIONS_POLICY.equals(p.name())) {
                add(steps, "aws", env, "iam:DeleteUserPolicy", arn + "#" + p.name(),
                        "Delete inline policy " + p.name() + " of " + userName + ".", with(user, "policyName", p.name()));
            }
        }
        for (String group : found.map(u -> u.groups().orElse(List.<String>of())).orElse(List.of())) {
            add(steps, "aws", env, "iam:RemoveUserFromGroup", group,
                    "Remove " + userName + " from group " + group + ".", with(user, "groupName", group));
        }
        if (delete) {
            add(steps, "aws", env, "iam:DeleteUserPolicy", arn + "#" + REVOKE_SESSIONS_POLICY,
                    "Delete the session-revoking policy (the user is about to be deleted).",
                    with(user, "policyName", REVOKE_SESSIONS_POLICY));
            add(steps, "aws", env, "iam:DeleteUser", arn, "Delete IAM user " + userName + ".", user);
        } else {
            add(steps, "aws", env, "iam:TagUser", arn,
                    "Keep " + userName + " disabled and tag it palisade:offboarded.",
                    with(user, "offboardedAt", now.toString(), "offboardedBy", actor));
        }
    }

    /**
     * One removal step per organization where the login holds a seat (member or outside collaborator), in
     * configuration order; an organization whose members could not be listed gets a member removal too (the
     * executor skips it when the login is not a member). Targets are {@code ORG/LOGIN}, so each step is unique.
     */
    private static void githubSteps(List<PlanStep> steps, Snapshot snapshot, AccountRef account) {
        String login = account.name();
        List<GitHubOrg> orgs = snapshot.inventory().github();
        List<GitHubOrg> targets = new ArrayList<>();
        for (GitHubOrg org : orgs) {
            boolean listed = org.members() != null && org.members().isKnown();
            if (!listed || seat(org, login).isPresent()) {
                targets.add(org);
            }
        }
        if (targets.isEmpty()) {
            targets.addAll(orgs); // seen nowhere now, yet linked: remove wherever it may have been added since
        }
        for (GitHubOrg org : targets) {
            String orgName = org.organization();
            boolean outside = seat(org, login).map(GitHubMember::outsideCollaborator).orElse(false);
            if (outside) {
                add(steps, "github", null, "github:DELETE /orgs/{org}/outside_collaborators/{user}", orgName + "/" + login,
                        "Remove outside collaborator " + login + " from " + orgName + ".",
                        Map.of("org", orgName, "login", login, "role", "outside_collaborator"));
            } else {
                add(steps, "github", null, "github:DELETE /orgs/{org}/members/{user}", orgName + "/" + login,
                        "Remove " + login + " from the " + orgName + " organization.",
                        Map.of("org", orgName, "login", login, "role", "member"));
            }
        }
    }

    private static Optional<GitHubMember> seat(GitHubOrg org, String login) {
        return org.accounts().stream().filter(m -> m.login().equalsIgnoreCase(login)).findFirst();
    }

    private static void add(List<PlanStep> steps, String system, String env, String action, String target,
                            String description, Map<String, String> params) {
        steps.add(new PlanStep(steps.size(), system, env, action, target, description, params));
    }

    private static Map<String, String> with(Map<String, String> base, String... kv) {
        Map<String, String> m = new LinkedHashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
