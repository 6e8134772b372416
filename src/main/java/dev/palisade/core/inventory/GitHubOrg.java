package dev.palisade.core.inventory;

import dev.palisade.core.Fact;
import java.util.ArrayList;
import java.util.List;

/**
 * A GitHub organization as collected.
 *
 * @param twoFactorRequired     unknown when GitHub hides {@code two_factor_requirement_enabled} (non-owner token)
 * @param members               org members with role {@code admin} or {@code member}
 * @param repositories          every repository of the org with its alert counts
 * @param issues                open issues carrying a security label, pull requests excluded
 * @param outsideCollaborators  listed apart from members because it needs more rights; null in inventories
 *                              built with the five-argument constructor, whose {@code members} may hold them
 */
public record GitHubOrg(String organization, Fact<Boolean> twoFactorRequired, Fact<List<GitHubMember>> members,
                        Fact<List<GitHubRepo>> repositories, Fact<List<SecurityIssue>> issues,
                        Fact<List<GitHubMember>> outsideCollaborators) {

    public GitHubOrg(String organization, Fact<Boolean> twoFactorRequired, Fact<List<GitHubMember>> members,
                     Fact<List<GitHubRepo>> repositories, Fact<List<SecurityIssue>> issues) {
        this(organization, twoFactorRequired, members, repositories, issues, null);
    }

    /** Members and outside collaborators that could be read (the known parts only). */
    public List<GitHubMember> accounts() {
        List<GitHubMember> out = new ArrayList<>();
        if (members != null && members.isKnown() && members.value() != null) {
            out.addAll(members.value());
        }
        if (outsideCollaborators != null && outsideCollaborators.isKnown() && outsideCollaborators.value() != null) {
            out.addAll(outsideCollaborators.value());
        }
        return out;
    }
}
