package dev.palisade.core.inventory;

import java.time.Instant;
import java.util.List;

/**
 * A Workspace user from {@code users.list}.
 *
 * @param admin         super admin ({@code isAdmin})
 * @param enrolledIn2Sv null when the directory did not say
 * @param lastLogin     null when never logged in
 */
public record WorkspaceUser(String email, String name, boolean suspended, boolean archived, boolean admin,
                            boolean delegatedAdmin, Boolean enrolledIn2Sv, Boolean enforcedIn2Sv,
                            Instant lastLogin, Instant created, List<String> aliases) {
    public boolean active() {
        return !suspended && !archived;
    }
}
