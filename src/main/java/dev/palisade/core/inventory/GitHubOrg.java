package dev.palisade.core.inventory;

import dev.palisade.core.Fact;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A GitHub organization as collected.
 *
 * @param twoFactorRequired    unknown when GitHub hides {@code two_factor_requirement_enabled} (non-owner token)
 * @param members              org members (role {@code admin} or {@code member}) and, when they could be listed,
 *                             the outside collaborators too (role {@code outside_collaborator}): every account
 *                             with access to the org's code
 * @param repositories         every repository of the org with its alert counts
 * @param issues               open issues carrying a security label, pull requests excluded
 * @param outsideCollaborators the outside collaborators on their own (the same records as in {@code members});
 *                             unknown when they could not be listed although the members could, so that gap
 *                             shows as an ERROR instead of silence; null in inventories built with the
 *                             five-argument constructor
 */
public record GitHubOrg(String organization, Fact<Boolean> twoFactorRequired, Fact<List<GitHubMember>> members,
                        Fact<List<GitHubRepo>> repositories, Fact<List<SecurityIssue>> issues,
                        Fact<List<GitHubMember>> outsideCollaborators) {

    public GitHubOrg(String organization, Fact<Boolean> twoFactorRequired, Fact<List<GitHubMember>> members,
                     Fact<List<GitHubRepo>> repositories, Fact<List<SecurityIssue>> issues) {
        this(organization, twoFactorRequired, members, repositories, issues, null);
    }

    /**
     * True when neither the members nor the outside collaborators could be read, for the same reason:
     * the organization failed as a whole, and one ERROR says so (not one per list).
     */
    public boolean unreadableAsAWhole() {
        return outsideCollaborators != null && !outsideCollaborators.isKnown() && members != null && !members.isKnown()
                && outsideCollaborators.error().equals(members.error());
    }

    /** Every account that could be read, members first, each login once. */
    public List<GitHubMember> accounts() {
        List<GitHubMember> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Fact<List<GitHubMember>> f : java.util.Arrays.asList(members, outsideCollaborators)) {
            if (f != null && f.isKnown() && f.value() != null) {
                for (GitHubMember m : f.value()) {
                    if (seen.add(m.login().toLowerCase(Locale.ROOT))) {
                        out.add(m);
                    }
                }
            }
        }
        return out;
    }
}
