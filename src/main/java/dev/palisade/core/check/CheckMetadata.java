package dev.palisade.core.check;

import dev.palisade.core.Severity;

/**
 * Everything a person needs to know about a check, in one place.
 *
 * @param id          the catalogue id, e.g. {@code s3.bucket.encryption}
 * @param source      the source whose inventory it reads: {@code aws}, {@code tls}, {@code google},
 *                    {@code github}, or {@code people} (cross-source)
 * @param severity    default severity of a FAIL (a check may raise or lower it per finding, e.g. CRITICAL for admins)
 * @param rationale   why it matters, one or two sentences
 * @param remediation what to do, concretely
 */
public record CheckMetadata(String id, String title, Area area, String source, Severity severity,
                            String rationale, String remediation) {
}
