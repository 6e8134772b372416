package dev.palisade.core.inventory;

import dev.palisade.core.Fact;
import java.util.List;

/**
 * A GitHub organization as collected.
 *
 * @param twoFactorRequired    unknown when GitHub hides {@code two_factor_requirement_enabled} (non-owner token)
 * @param members              org members (role {@code admin} or {@code member}) and outside collaborators
 *                             (role {@code outside_collaborator}): every account with access to the org's code
 * @param repositories         every repository of the org with its alert counts
 * @param issues               open issues carrying a security label, pull requests excluded
 * @param outsideCollaborators the logins of the outside collaborators (also in {@code members}); unknown when
 *                             they could not be listed although the members could, so that gap shows as an
 *                             ERROR instead of silence; null in inventories built with the five-argument constructor
 */
public record GitHubOrg(String organization, Fact<Boolean> twoFactorRequired, Fact<List<GitHubMember>> members,
                        Fact<List<GitHubRepo>> repositories, Fact<List<SecurityIssue>> issues,
                        Fact<List<String>> outsideCollaborators) {

    public GitHubOrg(String organization, Fact<Boolean> twoFactorRequired, Fact<List<GitHubMember>> members,
                     Fact<List<GitHubRepo>> repositories, Fact<List<SecurityIssue>> issues) {
        this(organization, twoFactorRequired, members, repositories, issues, null);
    }
}
