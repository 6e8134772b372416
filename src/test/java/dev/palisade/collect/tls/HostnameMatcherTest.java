package dev.palisade.collect.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostnameMatcherTest {
    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
            "app.acme.example, app.acme.example, true",
            "APP.acme.example., app.acme.example, true",
            "app.acme.example, *.acme.example, true",
            "a.b.acme.example, *.acme.example, false",
            "acme.example, *.acme.example, false",
            "app.acme.example, www.acme.example, false",
            "app.acme.example, *.example, false",
            "app.acme.example, a*.acme.example, false",
            "app.acme.example, *.*.example, false",
    })
    void matchesSubjectAltNamesLikeBrowsers(String host, String san, boolean expected) {
        assertThat(HostnameMatcher.matches(host, List.of(san), List.of())).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1, 127.0.0.1, true", "127.0.0.1, 127.0.0.2, false"})
    void ipLiteralsMatchOnlyIpAddressEntries(String host, String ip, boolean expected) {
        assertThat(HostnameMatcher.matches(host, List.of(host), List.of(ip))).isEqualTo(expected);
    }
}
