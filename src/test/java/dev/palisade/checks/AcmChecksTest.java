package dev.palisade.checks;

import static dev.palisade.checks.InventoryFixtures.NOW;
import static dev.palisade.checks.InventoryFixtures.PROD_ACCOUNT;
import static dev.palisade.checks.InventoryFixtures.cert;
import static dev.palisade.checks.InventoryFixtures.context;
import static dev.palisade.checks.InventoryFixtures.env;
import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.Status;
import dev.palisade.core.inventory.AcmCertificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcmChecksTest {

    private static Finding expiry(AcmCertificate c) {
        List<Finding> fs = new AcmExpiryCheck().evaluate(context(env("prod", PROD_ACCOUNT).certificates(c)));
        assertThat(fs).hasSize(1);
        return fs.get(0);
    }

    private static AcmCertificate lifetime(double lifetimeDays, double hoursLeft) {
        Instant notAfter = NOW.plus(Duration.ofMinutes((long) (hoursLeft * 60)));
        Instant notBefore = notAfter.minus(Duration.ofMinutes((long) (lifetimeDays * 24 * 60)));
        return cert("c1", "api.acme.example", notBefore, notAfter);
    }

    @ParameterizedTest(name = "{0}-day certificate with {1} hours left → {2} {3}")
    @CsvSource({
            // 6-day certificate: window = 2 days
            "6, 72, PASS, HIGH",
            "6, 49, PASS, HIGH",
            "6, 47, FAIL, CRITICAL",
            // 45-day certificate: window = 15 days
            "45, 384, PASS, HIGH",
            "45, 359, FAIL, HIGH",
            "45, 167, FAIL, CRITICAL",
            // 90-day certificate: window = 30 days
            "90, 744, PASS, HIGH",
            "90, 696, FAIL, HIGH",
            // 1-year certificate: window capped at 30 days
            "365, 744, PASS, HIGH",
            "365, 600, FAIL, HIGH",
            // expired
            "90, -24, FAIL, CRITICAL",
    })
    void expiryWindowIsRelativeToLifetime(double lifetimeDays, double hoursLeft, Status status, Severity severity) {
        Finding f = expiry(lifetime(lifetimeDays, hoursLeft));
        assertThat(f.status()).isEqualTo(status);
        if (status == Status.FAIL) {
            assertThat(f.severity()).isEqualTo(severity);
        }
        assertThat(f.resource().type()).isEqualTo("aws.acm.certificate");
        assertThat(f.resource().id()).isEqualTo("arn:aws:acm:us-east-1:" + PROD_ACCOUNT + ":certificate/c1");
        assertThat(f.message()).contains("api.acme.example");
    }

    @Test
    void expiryMessagesSayDaysAndWindow() {
        assertThat(expiry(lifetime(6, 72)).message())
                .isEqualTo("ACM certificate api.acme.example in us-east-1 expires in 3 days, outside its 2-day renewal window.");
        assertThat(expiry(lifetime(90, -72)).message()).isEqualTo("ACM certificate api.acme.example in us-east-1 expired 3 days ago.");
    }

    @Test
    void expiryErrorsWhenCertificatesUnreadableOrDatesMissing() {
        List<Finding> fs = new AcmExpiryCheck().evaluate(context(env("prod", PROD_ACCOUNT)
                .certificatesFact(Fact.unknown("acm:ListCertificates denied in eu-west-1"))));
        assertThat(fs).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.message()).contains("acm:ListCertificates denied in eu-west-1");
        });
        AcmCertificate issuedNoDates = cert("c2", "x.acme.example", null, null);
        assertThat(expiry(issuedNoDates).status()).isEqualTo(Status.ERROR);
        AcmCertificate pending = new AcmCertificate("arn:aws:acm:us-east-1:1:certificate/p", "p.acme.example", List.of(), "us-east-1",
                "AMAZON_ISSUED", "PENDING_VALIDATION", null, null, false, List.of(), "INELIGIBLE", null, "RSA_2048");
        assertThat(new AcmExpiryCheck().evaluate(context(env("prod", PROD_ACCOUNT).certificates(pending)))).isEmpty();
    }

    @Test
    void sharedAccountCertificatesReportedOnce() {
        AcmCertificate c = lifetime(90, 24 * 60);
        var ctx = context(env("prod", PROD_ACCOUNT).tag("env", "prod").certificates(c),
                env("staging", PROD_ACCOUNT).tag("env", "staging").certificates(c));
        assertThat(new AcmExpiryCheck().evaluate(ctx)).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(value = {
            "AMAZON_ISSUED, true, ELIGIBLE, SUCCESS, PASS",
            "AMAZON_ISSUED, true, ELIGIBLE, NULL, PASS",
            "IMPORTED, true, INELIGIBLE, NULL, FAIL",
            "AMAZON_ISSUED, true, INELIGIBLE, NULL, FAIL",
            "AMAZON_ISSUED, true, ELIGIBLE, FAILED, FAIL",
    }, nullValues = "NULL")
    void renewal(String type, boolean inUse, String eligibility, String renewalStatus, Status expected) {
        List<Finding> fs = new AcmRenewalCheck().evaluate(context(env("prod", PROD_ACCOUNT)
                .certificates(cert("r1", "www.acme.example", type, inUse, eligibility, renewalStatus))));
        assertThat(fs).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(expected);
            assertThat(f.message()).contains("www.acme.example");
        });
    }

    @Test
    void renewalIgnoresUnusedCertificatesAndErrorsWhenUnreadable() {
        assertThat(new AcmRenewalCheck().evaluate(context(env("prod", PROD_ACCOUNT)
                .certificates(cert("r1", "old.acme.example", "IMPORTED", false, "INELIGIBLE", null))))).isEmpty();
        List<Finding> fs = new AcmRenewalCheck().evaluate(context(env("prod", PROD_ACCOUNT).certificatesFact(Fact.unknown("denied"))));
        assertThat(fs).singleElement().extracting(Finding::status).isEqualTo(Status.ERROR);
        Finding imported = new AcmRenewalCheck().evaluate(context(env("prod", PROD_ACCOUNT)
                .certificates(cert("r1", "www.acme.example", "IMPORTED", true, "INELIGIBLE", null)))).get(0);
        assertThat(imported.message()).isEqualTo("In-use ACM certificate www.acme.example in us-east-1 is imported and will not renew by itself.");
    }
}
