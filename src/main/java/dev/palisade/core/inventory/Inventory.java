package dev.palisade.core.inventory;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything a scan collected. A field that is {@code null} (or an empty {@code aws} or {@code github}
 * list) means that source was not part of this scan (for example {@code scan --only tls}); its checks
 * then report nothing. A source that was part of the scan but failed is present with unknown
 * {@link dev.palisade.core.Fact}s, and its checks report ERROR.
 *
 * @param aws        one entry per configured environment with an {@code aws:} block
 * @param tls        live TLS endpoints of {@code domains:}
 * @param google     the Workspace directory
 * @param github     one entry per configured GitHub organization, in configuration order. Stored
 *                   snapshots written before several organizations were supported hold a single object
 *                   here; it reads as a list of one.
 * @param identities people and the accounts linked to them; derived by the core from the rest and
 *                   the {@code people:} configuration, kept so a stored snapshot reads the same offline
 */
public record Inventory(List<AwsEnvironment> aws, TlsInventory tls, WorkspaceDirectory google,
                        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<GitHubOrg> github,
                        Identities identities) {
    public Inventory {
        aws = aws == null ? List.of() : List.copyOf(aws);
        github = github == null ? List.of() : github.stream().filter(java.util.Objects::nonNull).toList();
    }

    public static Inventory empty() {
        return new Inventory(List.of(), null, null, null, null);
    }

    public Inventory withIdentities(Identities ids) {
        return new Inventory(aws, tls, google, github, ids);
    }

    /** Whether GitHub was part of this scan (at least one organization, read or not). */
    public boolean hasGitHub() {
        return !github.isEmpty();
    }

    /**
     * Every GitHub account that could be read, across all organizations, each login once (first seen
     * wins, members before outside collaborators within an org; verified emails from all orgs are joined).
     */
    public List<GitHubMember> githubAccounts() {
        Map<String, GitHubMember> byLogin = new LinkedHashMap<>();
        for (GitHubOrg org : github) {
            for (GitHubMember m : org.accounts()) {
                byLogin.merge(m.login().toLowerCase(Locale.ROOT), m, (a, b) -> {
                    if (b.verifiedEmails() == null || b.verifiedEmails().isEmpty()) {
                        return a;
                    }
                    List<String> emails = new ArrayList<>(a.verifiedEmails() == null ? List.of() : a.verifiedEmails());
                    b.verifiedEmails().stream().filter(e -> !emails.contains(e)).forEach(emails::add);
                    return new GitHubMember(a.login(), a.name() != null ? a.name() : b.name(), a.role(),
                            a.twoFactorEnabled(), List.copyOf(emails));
                });
            }
        }
        return List.copyOf(byLogin.values());
    }

    /** Combines two partial inventories (from different collectors): AWS and GitHub lists concatenate, other fields take the non-null one. */
    public Inventory merge(Inventory other) {
        var awsAll = new ArrayList<>(aws);
        awsAll.addAll(other.aws);
        var githubAll = new ArrayList<>(github);
        githubAll.addAll(other.github);
        return new Inventory(awsAll,
                tls != null ? tls : other.tls,
                google != null ? google : other.google,
                githubAll,
                identities != null ? identities : other.identities);
    }
}
