package dev.palisade.core.inventory;

/** The account's IAM password policy. */
public record PasswordPolicy(int minimumLength, boolean requireSymbols, boolean requireNumbers,
                             boolean requireUppercase, boolean requireLowercase, Integer maxAgeDays,
                             Integer reusePrevention) {
}
