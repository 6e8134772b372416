package dev.palisade.act;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Write credentials the founder supplies for one action run, and that are forgotten afterwards:
 * a Workspace access token with the write scopes and a GitHub token with {@code admin:org}. AWS
 * action credentials come from each environment's {@code actionProfile}.
 */
public interface ActionCredentials {
    Optional<Supplier<char[]>> workspaceToken();

    Optional<Supplier<char[]>> githubAdminToken();

    /** From {@code PALISADE_GOOGLE_ACTION_TOKEN} and {@code PALISADE_GITHUB_ADMIN_TOKEN} (headless use). */
    static ActionCredentials fromEnvironment(java.util.Map<String, String> env) {
        return new ActionCredentials() {
            @Override
            public Optional<Supplier<char[]>> workspaceToken() {
                return Optional.ofNullable(env.get("PALISADE_GOOGLE_ACTION_TOKEN")).filter(s -> !s.isBlank())
                        .map(s -> s::toCharArray);
            }

            @Override
            public Optional<Supplier<char[]>> githubAdminToken() {
                return Optional.ofNullable(env.get("PALISADE_GITHUB_ADMIN_TOKEN")).filter(s -> !s.isBlank())
                        .map(s -> s::toCharArray);
            }
        };
    }

    /** Tokens typed by the founder for this run; cleared by the caller afterwards. */
    static ActionCredentials of(char[] workspaceToken, char[] githubToken) {
        return new ActionCredentials() {
            @Override
            public Optional<Supplier<char[]>> workspaceToken() {
                return workspaceToken == null || workspaceToken.length == 0 ? Optional.empty() : Optional.of(() -> workspaceToken);
            }

            @Override
            public Optional<Supplier<char[]>> githubAdminToken() {
                return githubToken == null || githubToken.length == 0 ? Optional.empty() : Optional.of(() -> githubToken);
            }
        };
    }
}
