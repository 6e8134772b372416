package dev.palisade.core.inventory;

/**
 * A managed policy attached to a user.
 *
 * @param document the default version's JSON for customer-managed policies; null for AWS-managed ones
 *                 (recognised by ARN, e.g. {@code arn:aws:iam::aws:policy/AdministratorAccess})
 */
public record PolicyRef(String name, String arn, String document) {
}
