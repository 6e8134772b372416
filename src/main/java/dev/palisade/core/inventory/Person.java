package dev.palisade.core.inventory;

import java.util.List;

/**
 * A person of the company, keyed by email.
 *
 * @param state           from the Workspace directory when it was read
 * @param workspaceAdmin  super admin in Workspace
 * @param accounts        every account linked to the person (Workspace, IAM users per environment, GitHub)
 */
public record Person(String email, String name, PersonState state, boolean workspaceAdmin,
                     List<AccountRef> accounts) {

    public enum PersonState {
        /** Active in the Workspace directory. */
        ACTIVE,
        /** Suspended or archived in Workspace. */
        SUSPENDED,
        /** In the company's domain but no longer in the directory. */
        DELETED,
        /** The directory was not read, or the email is outside the domain. */
        UNKNOWN
    }
}
