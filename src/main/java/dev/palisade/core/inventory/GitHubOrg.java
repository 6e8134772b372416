package dev.palisade.core.inventory;

import dev.palisade.core.Fact;
import java.util.List;

/** A GitHub organization as collected. */
public record GitHubOrg(String organization, Fact<Boolean> twoFactorRequired, Fact<List<GitHubMember>> members,
                        Fact<List<GitHubRepo>> repositories, Fact<List<SecurityIssue>> issues) {
}
