package dev.palisade.collect.github;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A GitHub REST call that did not succeed. Carries what a person needs to act: the HTTP status,
 * GitHub's own message, and for classic tokens the scopes GitHub accepts for the endpoint
 * ({@code X-Accepted-OAuth-Scopes}) next to the scopes the token has ({@code X-OAuth-Scopes}).
 * Never carries the token.
 */
public final class GitHubApiException extends Exception {
    /** What went wrong, as far as a caller needs to tell cases apart. */
    public enum Kind {
        /** 401: the token is missing, expired or revoked. */
        BAD_CREDENTIALS,
        /** 403 that is not a rate limit: a scope or permission is missing, or a feature is disabled. */
        FORBIDDEN,
        /** 404: not there, or not visible to this token; also "disabled" for secret scanning. */
        NOT_FOUND,
        /** 422 and other 4xx. */
        REJECTED,
        /** A rate limit that did not clear within the allowed wait. */
        RATE_LIMITED,
        /** 5xx after retries. */
        SERVER,
        /** No answer: connect failure, timeout, TLS. */
        NETWORK,
        /** The answer was not the JSON shape GitHub documents. */
        MALFORMED
    }

    private final Kind kind;
    private final int status;
    private final String path;
    private final String githubMessage;
    private final List<String> acceptedScopes;
    private final List<String> tokenScopes;

    GitHubApiException(Kind kind, int status, String path, String githubMessage, String acceptedScopes,
                       String tokenScopes, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.path = path;
        this.githubMessage = githubMessage == null ? "" : githubMessage;
        this.acceptedScopes = splitScopes(acceptedScopes);
        this.tokenScopes = splitScopes(tokenScopes);
    }

    private static List<String> splitScopes(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        return Arrays.stream(header.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public Kind kind() {
        return kind;
    }

    /** HTTP status, 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** The request path (without host and without query). */
    public String path() {
        return path;
    }

    /** GitHub's {@code message} field, empty when absent. */
    public String githubMessage() {
        return githubMessage;
    }

    /** {@code X-Accepted-OAuth-Scopes}: the classic scopes that would allow the call; empty when not sent. */
    public List<String> acceptedScopes() {
        return acceptedScopes;
    }

    /** {@code X-OAuth-Scopes}: the classic token's scopes; empty for fine-grained tokens and apps. */
    public List<String> tokenScopes() {
        return tokenScopes;
    }

    /**
     * True when GitHub says the feature is switched off for the resource ("Dependabot alerts are
     * disabled for this repository.", "Secret scanning is disabled on this repository.", "… not
     * available for archived repositories."), as opposed to the token lacking a right.
     */
    public boolean featureDisabled() {
        String m = githubMessage.toLowerCase(Locale.ROOT);
        return (kind == Kind.FORBIDDEN || kind == Kind.NOT_FOUND)
                && (m.contains("disabled") || m.contains("not enabled") || m.contains("must be enabled")
                || m.contains("not available for archived"));
    }
}
