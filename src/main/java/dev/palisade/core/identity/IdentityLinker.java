package dev.palisade.core.identity;

import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.core.inventory.Identities;
import dev.palisade.core.inventory.Inventory;
import java.util.List;

/**
 * Links accounts to people (SPEC.md: {@code people:} first, then the IAM user tag {@code email}/{@code Email},
 * then user name equal to the email or its local part; GitHub by {@code people:} or verified org email).
 * PLACEHOLDER: filled by the checks work.
 */
public final class IdentityLinker {
    private IdentityLinker() {
    }

    public static Identities link(PalisadeConfig config, Inventory inventory) {
        return new Identities(List.of(), List.of());
    }
}
