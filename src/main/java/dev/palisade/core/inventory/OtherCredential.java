package dev.palisade.core.inventory;

/**
 * A credential other than password and access keys.
 *
 * @param kind   {@code signing-certificate}, {@code ssh-public-key} or {@code service-specific-credential}
 * @param status {@code Active} or {@code Inactive}
 */
public record OtherCredential(String kind, String id, String status, String serviceName) {
}
