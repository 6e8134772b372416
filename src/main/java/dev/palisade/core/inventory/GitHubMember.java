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
}
