package dev.palisade.core.inventory;

import java.util.List;

/** People with the accounts linked to them, and the accounts linked to nobody. */
public record Identities(List<Person> people, List<AccountRef> unowned) {
}
