package dev.palisade.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.Fact;
import dev.palisade.core.Snapshot;
import dev.palisade.core.SnapshotJson;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlsInventoryJsonTest {
    @Test
    void tlsInventoryRoundTripsThroughSnapshotJsonWithFailingLinkAndUnknownFacts() {
        CertificateInfo leaf = new CertificateInfo("CN=app.acme.example", "CN=R11", "1a", Instant.parse("2026-10-01T00:00:00Z"),
                Instant.parse("2026-12-30T00:00:00Z"), List.of("app.acme.example"), "AA:BB", "EC 256", false);
        TlsProbe ok = new TlsProbe("203.0.113.5", null, null, "TLSv1.3", "TLS_AES_128_GCM_SHA256", List.of(leaf), false,
                "missing intermediate: x", true, Fact.known("max-age=31536000"), 1);
        TlsProbe down = new TlsProbe("203.0.113.6", "connection refused", "REFUSED", null, null, List.of(), false, null, false,
                Fact.unknown("connection refused"), -1);
        TlsEndpoint e = new TlsEndpoint("app.acme.example", 443, null, List.of(ok, down), Fact.known(new HttpRedirect(
                List.of(new HttpRedirect.HttpHop("http://app.acme.example/", 301, "https://app.acme.example/")), true, null)));
        TlsEndpoint gone = new TlsEndpoint("gone.acme.example", 443, "DNS name not found: gone.acme.example", List.of(),
                Fact.unknown("DNS name not found: gone.acme.example"));
        Snapshot s = new Snapshot("id", "Acme", Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:05Z"),
                List.of(new SourceStatus("tls", SourceState.PARTIAL, "x", 3, 5000)), List.of(),
                new Inventory(List.of(), new TlsInventory(List.of(e, gone), null), null, null, null));
        Snapshot back = SnapshotJson.fromJson(SnapshotJson.toJson(s, false));
        assertThat(back).isEqualTo(s);
        assertThat(back.inventory().tls().endpoints().get(0).addresses().get(0).failingLink()).isEqualTo(1);
    }
}
