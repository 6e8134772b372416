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

    /**
     * @throws IllegalArgumentException when blank or holding characters no token has (the message never
     *                                  quotes the value: the HTTP client would, in its header check)
     */
    public static GitHubToken of(String value) {
        Objects.requireNonNull(value, "value");
        String v = value.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("empty GitHub token");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException("GitHub token has whitespace or control characters inside");
            }
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
