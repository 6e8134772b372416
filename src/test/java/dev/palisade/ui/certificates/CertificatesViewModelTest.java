package dev.palisade.ui.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.ui.common.Tone;
import dev.palisade.ui.testkit.SampleCompany;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificatesViewModelTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final List<CertificatesViewModel.CertRow> rows = CertificatesViewModel.rows(SampleCompany.snapshot("s", NOW, false, 0), NOW);

    @Test
    void ordersByUrgencyUnreachableAndExpiredFirst() {
        assertThat(rows.get(0).name()).isEqualTo("down.acme.example:443");
        assertThat(rows.get(0).problem()).isEqualTo("DNS name not found");
        assertThat(rows.get(0).expiryTone()).isEqualTo(Tone.UNKNOWN);
        assertThat(rows.get(1).name()).isEqualTo("old.acme.example:443");
        assertThat(rows.get(1).daysLeft()).isNegative();
        assertThat(rows.get(rows.size() - 1).daysLeft()).isGreaterThan(300);
    }

    @Test
    void showsOneRowPerAddressOnlyWhenTheAddressesServeDifferentCertificates() {
        assertThat(rows.stream().filter(r -> r.name().equals("app.acme.example:443")).map(CertificatesViewModel.CertRow::address))
                .containsExactlyInAnyOrder("192.0.2.20", "192.0.2.21");
        assertThat(rows.stream().filter(r -> r.name().equals("acme.example:443")).map(CertificatesViewModel.CertRow::address))
                .containsExactly("192.0.2.10, 192.0.2.11");
        var old = CertificatesViewModel.find(rows, "app.acme.example:443", "192.0.2.21");
        assertThat(old.daysLeft()).isEqualTo(4);
        assertThat(old.expiryTone()).isEqualTo(Tone.CRITICAL);
        assertThat(old.hsts().text()).isEqualTo("absent");
        var fresh = CertificatesViewModel.find(rows, "app.acme.example:443", "192.0.2.20");
        assertThat(fresh.expiryTone()).isEqualTo(Tone.GOOD);
        assertThat(fresh.hsts().text()).isEqualTo("max-age 365 d");
    }

    @Test
    void marksTheFailingLinkOfTheChainAndTheRedirectProblem() {
        var old = CertificatesViewModel.find(rows, "old.acme.example:443", null);
        assertThat(old.chain().text()).isEqualTo("expired");
        assertThat(old.links()).hasSize(1);
        assertThat(old.links().get(0).failing()).isTrue();
        assertThat(old.redirect().text()).isEqualTo("served 200 without redirecting");
        assertThat(old.redirect().tone()).isEqualTo(Tone.BAD);
        var main = CertificatesViewModel.find(rows, "acme.example:443", null);
        assertThat(main.links()).hasSize(3).noneMatch(CertificatesViewModel.ChainLink::failing);
    }

    @Test
    void includesAcmCertificatesWithTheirRenewal() {
        var imported = CertificatesViewModel.find(rows, "*.acme.example", null);
        assertThat(imported.kind()).isEqualTo("ACM");
        assertThat(imported.chain().text()).isEqualTo("imported");
        assertThat(imported.chain().tone()).isEqualTo(Tone.BAD);
        assertThat(imported.expiryTone()).isEqualTo(Tone.HIGH);
    }
}
