package dev.palisade.collect.github;

import java.util.Objects;

/**
 * A GitHub token held in memory only. It is never part of the configuration, the store or a log:
 * {@link #toString()} is redacted, and only {@link GitHubClient} reads the value, to build the
 * {@code Authorization} header.
 */
public final class GitHubToken {
    private final String value;

    private GitHubToken(String value) {
        this.value = value;
    }

    /** @throws IllegalArgumentException when blank */
    public static GitHubToken of(String value) {
        Objects.requireNonNull(value, "value");
        String v = value.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("empty GitHub token");
        }
        return new GitHubToken(v);
    }

    String value() {
        return value;
    }

    @Override
    public String toString() {
        return "GitHubToken[redacted]";
    }
}
