package dev.palisade.collect.google;

/** Gives the collector a bearer token for the Directory API (from a stored refresh token, or a service account). */
@FunctionalInterface
public interface AccessTokenSource {
    /**
     * @throws DirectoryAccessException with a message that says how to fix it (sign in again, grant the scope…)
     */
    String accessToken() throws DirectoryAccessException, InterruptedException;
}
