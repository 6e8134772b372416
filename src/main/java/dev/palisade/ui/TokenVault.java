package dev.palisade.ui;

import dev.palisade.auth.SecretStore;

/**
 * Where the console stores the GitHub read token (the OS keychain, else the passphrase-encrypted
 * secrets file), so scans from the app need no environment variable. Never shows a stored token back.
 */
public interface TokenVault {
    boolean hasGitHubToken();

    /** Stores the token; the caller wipes its array afterwards. */
    void storeGitHubToken(char[] token);

    void forgetGitHubToken();

    /** The vault of a data directory's secrets. */
    static TokenVault of(SecretStore secrets) {
        return new TokenVault() {
            @Override
            public boolean hasGitHubToken() {
                return secrets.get(SecretStore.GITHUB_TOKEN).isPresent();
            }

            @Override
            public void storeGitHubToken(char[] token) {
                String t = new String(token).strip();
                if (t.isEmpty() || t.chars().anyMatch(c -> c <= ' ')) {
                    throw new IllegalArgumentException("That does not look like a GitHub token (empty or containing spaces).");
                }
                secrets.put(SecretStore.GITHUB_TOKEN, t);
            }

            @Override
            public void forgetGitHubToken() {
                secrets.delete(SecretStore.GITHUB_TOKEN);
            }
        };
    }
}
