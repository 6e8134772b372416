package dev.palisade.core.identity;

import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.core.config.PersonLink;
import dev.palisade.core.inventory.AccountRef;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.GitHubMember;
import dev.palisade.core.inventory.IamUser;
import dev.palisade.core.inventory.Identities;
import dev.palisade.core.inventory.Inventory;
import dev.palisade.core.inventory.Person;
import dev.palisade.core.inventory.Person.PersonState;
import dev.palisade.core.inventory.WorkspaceUser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Links accounts to people (SPEC.md). An IAM user is linked by, in order: the {@code people:} list
 * (user name, case-insensitive, in any account), its tag {@code email} (or {@code Email}), its user
 * name equal to a known person's email or to the local part of exactly one known person's email (or,
 * failing that, a user name that is itself an email address). A GitHub member is linked by
 * {@code people:} or a verified email (one that belongs to a known person first). Known people are
 * the Workspace directory (primary emails and aliases) and the {@code people:} list. Everything
 * else is an unowned account. An IAM user seen in several environments that share one AWS account
 * is one account, reported under the first of them.
 *
 * <p>A person's state comes from the directory: ACTIVE, SUSPENDED (suspended or archived), DELETED
 * (the directory was read, the email is in its domain, and it is not there), else UNKNOWN.
 */
public final class IdentityLinker {
    private IdentityLinker() {
    }

    public static Identities link(PalisadeConfig config, Inventory inventory) {
        return new Linker(config, inventory).run();
    }

    private static final class Linker {
        private final PalisadeConfig config;
        private final Inventory inventory;
        /** email (lower case) → accounts, sorted by email. */
        private final Map<String, List<AccountRef>> accounts = new TreeMap<>();
        private final Map<String, WorkspaceUser> directory = new LinkedHashMap<>();
        /** alias or primary (lower case) → primary email (lower case). */
        private final Map<String, String> emailIndex = new LinkedHashMap<>();
        private final Map<String, String> awsLinks = new LinkedHashMap<>();
        private final Map<String, String> githubLinks = new LinkedHashMap<>();
        private final List<AccountRef> unowned = new ArrayList<>();
        private boolean directoryRead;

        Linker(PalisadeConfig config, Inventory inventory) {
            this.config = config;
            this.inventory = inventory;
        }

        Identities run() {
            readDirectory();
            readConfig();
            linkIam();
            linkGitHub();
            List<Person> people = new ArrayList<>();
            accounts.forEach((email, refs) -> people.add(person(email, refs)));
            return new Identities(people, unowned);
        }

        private void readDirectory() {
            var google = inventory.google();
            if (google == null || google.users() == null || !google.users().isKnown() || google.users().value() == null) {
                return;
            }
            directoryRead = true;
            for (WorkspaceUser u : google.users().value()) {
                String email = norm(u.email());
                directory.put(email, u);
                emailIndex.put(email, email);
                if (u.aliases() != null) {
                    u.aliases().forEach(a -> emailIndex.putIfAbsent(norm(a), email));
                }
                accounts.computeIfAbsent(email, k -> new ArrayList<>())
                        .add(new AccountRef("google", null, u.email(), u.email(), "directory"));
            }
        }

        private void readConfig() {
            for (PersonLink link : config.people()) {
                if (link.email() == null || link.email().isBlank()) {
                    continue;
                }
                String email = canonical(link.email());
                accounts.computeIfAbsent(email, k -> new ArrayList<>());
                emailIndex.putIfAbsent(email, email);
                link.aws().forEach(n -> awsLinks.putIfAbsent(norm(n), email));
                link.github().forEach(n -> githubLinks.putIfAbsent(norm(n), email));
            }
        }

        private void linkIam() {
            Set<String> seen = new HashSet<>();
            for (AwsEnvironment env : inventory.aws()) {
                if (env.users() == null || !env.users().isKnown() || env.users().value() == null) {
                    continue;
                }
                for (IamUser u : env.users().value()) {
                    if (!seen.add(u.arn())) {
                        continue; // the same account seen through another environment sharing it
                    }
                    String[] hit = matchIam(u);
                    if (hit == null) {
                        unowned.add(new AccountRef("aws", env.env(), u.arn(), u.name(), null));
                    } else {
                        accounts.computeIfAbsent(hit[0], k -> new ArrayList<>())
                                .add(new AccountRef("aws", env.env(), u.arn(), u.name(), hit[1]));
                    }
                }
            }
        }

        /** {email, linkedBy} or null. */
        private String[] matchIam(IamUser u) {
            String byConfig = awsLinks.get(norm(u.name()));
            if (byConfig != null) {
                return new String[] {byConfig, "config"};
            }
            if (u.tags() != null && u.tags().isKnown() && u.tags().value() != null) {
                String tag = u.tags().value().get("email");
                if (tag == null) {
                    tag = u.tags().value().get("Email");
                }
                if (tag != null && tag.contains("@")) {
                    return new String[] {canonical(tag), "tag"};
                }
            }
            String name = norm(u.name());
            if (emailIndex.containsKey(name)) {
                return new String[] {emailIndex.get(name), "name"};
            }
            String local = null;
            int matches = 0;
            for (String email : new HashSet<>(emailIndex.values())) {
                if (email.substring(0, Math.max(0, email.indexOf('@'))).equals(name)) {
                    local = email;
                    matches++;
                }
            }
            if (matches == 1) {
                return new String[] {local, "name"};
            }
            if (matches == 0 && looksLikeEmail(name)) {
                return new String[] {name, "name"};
            }
            return null;
        }

        private void linkGitHub() {
            // Accounts of every organization, each login once (one account even when it is in several orgs).
            Set<String> seen = new HashSet<>();
            for (GitHubMember m : inventory.githubAccounts()) {
                if (!seen.add(norm(m.login()))) {
                    continue;
                }
                String email = githubLinks.get(norm(m.login()));
                String by = "config";
                if (email == null && m.verifiedEmails() != null && !m.verifiedEmails().isEmpty()) {
                    by = "email";
                    email = m.verifiedEmails().stream().map(Linker::norm).filter(emailIndex::containsKey)
                            .map(emailIndex::get).findFirst().orElse(canonical(m.verifiedEmails().get(0)));
                }
                if (email == null) {
                    unowned.add(new AccountRef("github", null, m.login(), m.login(), null));
                } else {
                    accounts.computeIfAbsent(email, k -> new ArrayList<>())
                            .add(new AccountRef("github", null, m.login(), m.login(), by));
                }
            }
        }

        private Person person(String email, List<AccountRef> refs) {
            WorkspaceUser u = directory.get(email);
            PersonState state;
            if (u != null) {
                state = u.active() ? PersonState.ACTIVE : PersonState.SUSPENDED;
            } else if (directoryRead && inDomain(email)) {
                state = PersonState.DELETED;
            } else {
                state = PersonState.UNKNOWN;
            }
            return new Person(email, u == null ? null : u.name(), state, u != null && u.admin(), List.copyOf(refs));
        }

        private boolean inDomain(String email) {
            String domain = inventory.google() != null && inventory.google().domain() != null ? inventory.google().domain()
                    : config.google() != null ? config.google().domain() : null;
            return domain != null && email.endsWith("@" + norm(domain));
        }

        /** An email folded onto the directory's primary address when it is an alias. */
        private String canonical(String email) {
            String e = norm(email);
            return emailIndex.getOrDefault(e, e);
        }

        private static boolean looksLikeEmail(String s) {
            int at = s.indexOf('@');
            return at > 0 && at == s.lastIndexOf('@') && s.indexOf('.', at) > at + 1;
        }

        private static String norm(String s) {
            return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        }
    }
}
