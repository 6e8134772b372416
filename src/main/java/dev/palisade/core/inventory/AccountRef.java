package dev.palisade.core.inventory;

/**
 * An account in one system.
 *
 * @param system   {@code aws}, {@code github} or {@code google}
 * @param env      the environment for {@code aws}, else null
 * @param id       IAM user ARN, GitHub login, or Workspace email
 * @param name     IAM user name, GitHub login, or email
 * @param linkedBy how it was linked: {@code config}, {@code tag}, {@code name}, {@code email}, {@code directory};
 *                 null for unowned accounts
 */
public record AccountRef(String system, String env, String id, String name, String linkedBy) {
}
