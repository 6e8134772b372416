package dev.palisade.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HstsPolicyTest {
    @Test
    void parsesDirectivesCaseInsensitivelyWithSpacesAndQuotes() {
        HstsPolicy p = HstsPolicy.parse("  Max-Age = \"63072000\" ;INCLUDESUBDOMAINS ;preload; report-uri=\"x\"").orElseThrow();
        assertThat(p.maxAgeSeconds()).isEqualTo(63_072_000L);
        assertThat(p.includeSubDomains()).isTrue();
        assertThat(p.preload()).isTrue();
        assertThat(p.strongEnough()).isTrue();
    }

    @Test
    void rejectsMissingMalformedOrRepeatedMaxAge() {
        assertThat(HstsPolicy.parse(null)).isEmpty();
        assertThat(HstsPolicy.parse("")).isEmpty();
        assertThat(HstsPolicy.parse("includeSubDomains")).isEmpty();
        assertThat(HstsPolicy.parse("max-age=")).isEmpty();
        assertThat(HstsPolicy.parse("max-age=-1")).isEmpty();
        assertThat(HstsPolicy.parse("max-age=abc")).isEmpty();
        assertThat(HstsPolicy.parse("max-age=1; max-age=2")).isEmpty();
    }

    @Test
    void shortMaxAgeIsNotStrongEnough() {
        assertThat(HstsPolicy.parse("max-age=15551999").orElseThrow().strongEnough()).isFalse();
        assertThat(HstsPolicy.parse("max-age=15552000").orElseThrow().strongEnough()).isTrue();
        assertThat(HstsPolicy.parse("max-age=99999999999999999999999").orElseThrow().strongEnough()).isTrue();
    }
}
