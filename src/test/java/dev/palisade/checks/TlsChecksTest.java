package dev.palisade.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.Status;
import dev.palisade.core.check.Check;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.core.inventory.CertificateInfo;
import dev.palisade.core.inventory.HttpRedirect;
import dev.palisade.core.inventory.HttpRedirect.HttpHop;
import dev.palisade.core.inventory.Inventory;
import dev.palisade.core.inventory.TlsEndpoint;
import dev.palisade.core.inventory.TlsInventory;
import dev.palisade.core.inventory.TlsProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each {@code tls.*} check on hand-made inventory: empty, PASS, FAIL and ERROR cases. */
class TlsChecksTest {
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void catalogueHasTheFiveSpecIdsWithRemediation() {
        assertThat(TlsChecks.all()).extracting(c -> c.metadata().id()).containsExactly(
                "tls.cert.expiry", "tls.cert.hostname", "tls.cert.chain", "tls.https_redirect", "tls.hsts");
        assertThat(TlsChecks.all()).allSatisfy(c -> {
            assertThat(c.metadata().remediation()).isNotBlank();
            assertThat(c.metadata().source()).isEqualTo("tls");
        });
    }

    @Test
    void reportsNothingWhenTlsWasNotScanned() {
        for (Check c : TlsChecks.all()) {
            assertThat(c.evaluate(new CheckContext(Inventory.empty(), config(), NOW))).isEmpty();
        }
    }

    @ParameterizedTest(name = "lifetime {0} d, {1} h left -> {2} {3}")
    @CsvSource({
            "90, 2400, PASS, HIGH",      // 100 days left
            "90, 744, PASS, HIGH",       // 31 days left, window 30
            "90, 696, FAIL, HIGH",       // 29 days left
            "90, 120, FAIL, CRITICAL",   // 5 days left
            "90, -24, FAIL, CRITICAL",   // expired yesterday
            "45, 360, PASS, HIGH",       // 45-day cert: window 15 days, 15 days left
            "45, 336, FAIL, HIGH",       // 14 days left
            "6, 72, PASS, HIGH",         // 6-day cert, 3 days left, window 2 days
            "6, 36, FAIL, CRITICAL",     // 1.5 days left
    })
    void expiryUsesTheLifetimeRelativeWindow(long lifetimeDays, long hoursLeft, Status status, Severity severity) {
        Instant notAfter = NOW.plus(Duration.ofHours(hoursLeft));
        Instant notBefore = notAfter.minus(Duration.ofDays(lifetimeDays));
        Finding f = only(new TlsChecks.CertExpiry(), inventory(probe("203.0.113.5", leaf(notBefore, notAfter, "AA"), true, true, hsts("max-age=31536000"))));
        assertThat(f.status()).isEqualTo(status);
        if (status == Status.FAIL) {
            assertThat(f.severity()).isEqualTo(severity);
        }
        assertThat(f.message()).contains("app.acme.example:443 at 203.0.113.5");
        assertThat(f.resource().name()).isEqualTo("app.acme.example:443 (203.0.113.5)");
    }

    @Test
    void expiryMessageGivesDaysLeftAndFlagsAddressesWithDifferentCertificates() {
        TlsProbe a = probe("203.0.113.5", leaf(NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(60)), "AA"), true, true, hsts(null));
        TlsProbe b = probe("203.0.113.6", leaf(NOW.minus(Duration.ofDays(85)), NOW.plus(Duration.ofDays(5)), "BB"), true, true, hsts(null));
        List<Finding> fs = new TlsChecks.CertExpiry().evaluate(ctx(inventory(a, b)));
        assertThat(fs).hasSize(2);
        assertThat(fs.get(0).message()).contains("has 60 days left").contains("203.0.113.6 serves a different certificate");
        assertThat(fs.get(1).status()).isEqualTo(Status.FAIL);
        assertThat(fs.get(1).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(fs.get(1).message()).contains("expires in 5 days").contains("203.0.113.5 serves a different certificate");
    }

    @Test
    void hostnamePassFailError() {
        CertificateInfo c = leaf(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(80)), "AA");
        assertThat(only(new TlsChecks.CertHostname(), inventory(probe("203.0.113.5", c, true, true, hsts(null)))).status())
                .isEqualTo(Status.PASS);
        Finding fail = only(new TlsChecks.CertHostname(), inventory(probe("203.0.113.5", c, true, false, hsts(null))));
        assertThat(fail.status()).isEqualTo(Status.FAIL);
        assertThat(fail.message()).contains("does not cover app.acme.example; it names www.acme.example");
        Finding error = only(new TlsChecks.CertHostname(), inventory(unreachable("connection refused")));
        assertThat(error.status()).isEqualTo(Status.ERROR);
        assertThat(error.message()).isEqualTo("Could not check app.acme.example:443 at 203.0.113.5: connection refused.");
    }

    @Test
    void chainPassFailErrorAndTrustStoreError() {
        CertificateInfo c = leaf(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(80)), "AA");
        assertThat(only(new TlsChecks.CertChain(), inventory(probe("203.0.113.5", c, true, true, hsts(null)))).status())
                .isEqualTo(Status.PASS);
        TlsProbe broken = new TlsProbe("203.0.113.5", null, null, "TLSv1.3", "TLS_AES_128_GCM_SHA256", List.of(c), false,
                "missing intermediate: the issuer of CN=app was not sent", true, hsts(null), 1);
        Finding fail = only(new TlsChecks.CertChain(), inventory(broken));
        assertThat(fail.status()).isEqualTo(Status.FAIL);
        assertThat(fail.message()).contains("does not validate: missing intermediate");
        assertThat(only(new TlsChecks.CertChain(), inventory(unreachable("TLS handshake did not complete within 5 s"))).status())
                .isEqualTo(Status.ERROR);
        TlsInventory noTrust = new TlsInventory(List.of(endpoint(probe("203.0.113.5", c, true, true, hsts(null)))),
                "tls.extraTrustedCertificates: cannot read /x/internal-ca.pem (NoSuchFileException)");
        Finding err = only(new TlsChecks.CertChain(), new Inventory(List.of(), noTrust, null, null, null));
        assertThat(err.status()).isEqualTo(Status.ERROR);
        assertThat(err.message()).contains("internal-ca.pem");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "max-age=31536000; includeSubDomains | PASS",
            "MAX-AGE=15552000 | PASS",
            "  max-age = \"63072000\" ; preload ; foo=bar | PASS",
            "max-age=15551999 | FAIL",
            "max-age=0 | FAIL",
            "includeSubDomains | FAIL",
            "max-age=1e9 | FAIL",
            "max-age=31536000; max-age=31536000 | FAIL",
    })
    void hstsParsesTheHeaderProperly(String header, Status expected) {
        CertificateInfo c = leaf(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(80)), "AA");
        assertThat(only(new TlsChecks.Hsts(), inventory(probe("203.0.113.5", c, true, true, hsts(header)))).status())
                .isEqualTo(expected);
    }

    @Test
    void hstsAbsentIsFailAndUnreadIsError() {
        CertificateInfo c = leaf(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(80)), "AA");
        Finding absent = only(new TlsChecks.Hsts(), inventory(probe("203.0.113.5", c, true, true, hsts(null))));
        assertThat(absent.status()).isEqualTo(Status.FAIL);
        assertThat(absent.message()).contains("sends no Strict-Transport-Security header");
        TlsProbe noAnswer = probe("203.0.113.5", c, true, true, Fact.unknown("GET https://app.acme.example/: HTTPS request did not complete within 5 s"));
        Finding error = only(new TlsChecks.Hsts(), inventory(noAnswer));
        assertThat(error.status()).isEqualTo(Status.ERROR);
        assertThat(error.message()).contains("did not complete within 5 s");
    }

    @Test
    void redirectPassFailError() {
        HttpRedirect good = new HttpRedirect(List.of(new HttpHop("http://app.acme.example/", 301, "https://app.acme.example/")), true, null);
        assertThat(only(new TlsChecks.HttpsRedirect(), redirectInventory(Fact.known(good))).status()).isEqualTo(Status.PASS);
        HttpRedirect served = new HttpRedirect(List.of(new HttpHop("http://app.acme.example/", 200, null)), false,
                "served 200 without redirecting to HTTPS");
        Finding fail = only(new TlsChecks.HttpsRedirect(), redirectInventory(Fact.known(served)));
        assertThat(fail.status()).isEqualTo(Status.FAIL);
        assertThat(fail.message()).isEqualTo("http://app.acme.example/ does not redirect to HTTPS: served 200 without redirecting to HTTPS.");
        HttpRedirect refused = new HttpRedirect(List.of(), false, "port 80 refused the connection");
        assertThat(only(new TlsChecks.HttpsRedirect(), redirectInventory(Fact.known(refused))).status()).isEqualTo(Status.FAIL);
        Finding error = only(new TlsChecks.HttpsRedirect(), redirectInventory(Fact.unknown("http://app.acme.example/ could not be reached: no answer within 5 s")));
        assertThat(error.status()).isEqualTo(Status.ERROR);
        assertThat(error.resource().name()).isEqualTo("app.acme.example:443");
    }

    @Test
    void unresolvableNameIsOneErrorPerCheckForTheEndpoint() {
        TlsEndpoint e = new TlsEndpoint("gone.acme.example", 443, "DNS name not found: gone.acme.example", List.of(),
                Fact.unknown("DNS name not found: gone.acme.example"));
        Inventory inv = new Inventory(List.of(), new TlsInventory(List.of(e)), null, null, null);
        for (Check c : TlsChecks.all()) {
            Finding f = only(c, inv);
            assertThat(f.status()).as(c.metadata().id()).isEqualTo(Status.ERROR);
            assertThat(f.message()).contains("DNS name not found: gone.acme.example");
            assertThat(f.resource().id()).isEqualTo("gone.acme.example:443");
        }
    }

    @Test
    void aChainCapturedBeforeAFailedHandshakeIsStillJudged() {
        CertificateInfo c = leaf(NOW.minus(Duration.ofDays(100)), NOW.minus(Duration.ofDays(1)), "AA");
        TlsProbe p = new TlsProbe("203.0.113.5", "TLS handshake failed: Received fatal alert: bad_certificate", "HANDSHAKE",
                null, null, List.of(c), false, "expired: CN=app", true, Fact.unknown("no HTTPS response"), 0);
        assertThat(only(new TlsChecks.CertExpiry(), inventory(p)).status()).isEqualTo(Status.FAIL);
        assertThat(only(new TlsChecks.Hsts(), inventory(p)).status()).isEqualTo(Status.ERROR);
    }

    // ---- helpers ----

    private static Finding only(Check c, Inventory inv) {
        List<Finding> fs = c.evaluate(ctx(inv));
        assertThat(fs).hasSize(1);
        assertThat(fs.get(0).message()).endsWith(".");
        return fs.get(0);
    }

    private static CheckContext ctx(Inventory inv) {
        return new CheckContext(inv, config(), NOW);
    }

    private static PalisadeConfig config() {
        return new PalisadeConfig(null, "Acme", null, Map.of(), List.of(), null, null, null, List.of());
    }

    private static Fact<String> hsts(String value) {
        return Fact.known(value);
    }

    private static CertificateInfo leaf(Instant notBefore, Instant notAfter, String fp) {
        return new CertificateInfo("CN=app", "CN=R11,O=Let's Encrypt", "1", notBefore, notAfter,
                List.of("www.acme.example"), fp, "EC 256", false);
    }

    private static TlsProbe probe(String addr, CertificateInfo leaf, boolean trusted, boolean hostOk, Fact<String> hsts) {
        return new TlsProbe(addr, null, null, "TLSv1.3", "TLS_AES_128_GCM_SHA256", List.of(leaf), trusted,
                trusted ? null : "unknown CA", hostOk, hsts, trusted ? -1 : 1);
    }

    private static TlsProbe unreachable(String why) {
        return new TlsProbe("203.0.113.5", why, "REFUSED", null, null, List.of(), false, null, false, Fact.unknown(why), -1);
    }

    private static TlsEndpoint endpoint(TlsProbe... probes) {
        return new TlsEndpoint("app.acme.example", 443, null, List.of(probes),
                Fact.known(new HttpRedirect(List.of(), true, null)));
    }

    private static Inventory inventory(TlsProbe... probes) {
        return new Inventory(List.of(), new TlsInventory(List.of(endpoint(probes))), null, null, null);
    }

    private static Inventory redirectInventory(Fact<HttpRedirect> redirect) {
        CertificateInfo c = leaf(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(80)), "AA");
        TlsEndpoint e = new TlsEndpoint("app.acme.example", 443, null, List.of(probe("203.0.113.5", c, true, true, hsts(null))), redirect);
        return new Inventory(List.of(), new TlsInventory(List.of(e)), null, null, null);
    }
}
