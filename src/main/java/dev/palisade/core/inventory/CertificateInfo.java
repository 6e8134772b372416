package dev.palisade.core.inventory;

import java.time.Instant;
import java.util.List;

/** An X.509 certificate as presented (no private material). */
public record CertificateInfo(String subject, String issuer, String serialNumber, Instant notBefore,
                              Instant notAfter, List<String> subjectAlternativeNames, String sha256Fingerprint,
                              String keyAlgorithm, boolean selfSigned) {
}
