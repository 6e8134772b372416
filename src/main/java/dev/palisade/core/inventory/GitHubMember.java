package dev.palisade.core.inventory;

import dev.palisade.core.Fact;
import java.util.List;

/**
 * An org member or outside collaborator.
 *
 * @param role             {@code admin}, {@code member} or {@code outside_collaborator}
 * @param twoFactorEnabled unknown when the 2FA filter could not be read (it needs an owner's token)
 * @param verifiedEmails   the member's verified emails in the org's domains, when GitHub gives them
 */
public record GitHubMember(String login, String name, String role, Fact<Boolean> twoFactorEnabled,
                           List<String> verifiedEmails) {
    public boolean outsideCollaborator() {
        return "outside_collaborator".equals(role);
    }

    /**
     * Whether one account (the same login, as seen by each organization it is in) has 2FA: it belongs
     * to the account, not the org, so disabled in any org's view is disabled; enabled when some org saw
     * it enabled and none disabled; null when no org could tell.
     */
    public static Boolean twoFactorOfAccount(java.util.Collection<GitHubMember> seats) {
        Boolean enabled = null;
        for (GitHubMember m : seats) {
            Fact<Boolean> tfa = m.twoFactorEnabled();
            if (tfa != null && tfa.isKnown() && tfa.value() != null) {
                if (!tfa.value()) {
                    return false;
                }
                enabled = true;
            }
        }
        return enabled;
    }
}
