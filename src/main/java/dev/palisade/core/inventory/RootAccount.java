package dev.palisade.core.inventory;

import dev.palisade.core.Fact;

/** The account root user, from GetAccountSummary and the credential report. */
public record RootAccount(Fact<Boolean> mfaEnabled, Fact<Boolean> accessKeysPresent) {
}
