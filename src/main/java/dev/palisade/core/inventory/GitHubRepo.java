package dev.palisade.core.inventory;

import dev.palisade.core.Fact;

/** A repository with its open alert counts; never a secret's value. */
public record GitHubRepo(String fullName, boolean privateRepo, boolean archived, Fact<AlertCounts> dependabot,
                         Fact<AlertCounts> secretScanning) {
}
