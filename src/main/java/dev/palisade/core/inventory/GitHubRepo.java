package dev.palisade.core.inventory;

import dev.palisade.core.Fact;

/**
 * A repository with its open alert counts; never a secret's value.
 *
 * @param dependabot     open Dependabot alerts; known {@code null} when Dependabot alerts are disabled
 *                       for the repository, unknown when they could not be read (missing scope)
 * @param secretScanning open secret-scanning alerts; known {@code null} when secret scanning is disabled,
 *                       unknown when they could not be read
 */
public record GitHubRepo(String fullName, boolean privateRepo, boolean archived, Fact<AlertCounts> dependabot,
                         Fact<AlertCounts> secretScanning) {
}
