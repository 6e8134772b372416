package dev.palisade.core.inventory;

import java.time.Instant;
import java.util.List;

/**
 * An ACM certificate.
 *
 * @param type               {@code AMAZON_ISSUED}, {@code IMPORTED} or {@code PRIVATE}
 * @param status             {@code ISSUED}, {@code EXPIRED}, {@code PENDING_VALIDATION}…
 * @param renewalEligibility {@code ELIGIBLE} or {@code INELIGIBLE}
 * @param renewalStatus      {@code PENDING_AUTO_RENEWAL}, {@code PENDING_VALIDATION}, {@code SUCCESS}, {@code FAILED} or null
 */
public record AcmCertificate(String arn, String domain, List<String> subjectAlternativeNames, String region,
                             String type, String status, Instant notBefore, Instant notAfter, boolean inUse,
                             List<String> inUseBy, String renewalEligibility, String renewalStatus,
                             String keyAlgorithm) {
}
