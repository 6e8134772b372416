package dev.palisade.auth;

import java.time.Instant;

/** Who an ID token proves the person to be, after every rule in {@link IdTokenVerifier} passed. */
public record VerifiedIdentity(String subject, String email, String hostedDomain, Instant issuedAt, Instant expiresAt) {
}
