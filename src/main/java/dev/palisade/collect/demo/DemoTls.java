package dev.palisade.collect.demo;

import dev.palisade.core.Fact;
import dev.palisade.core.config.DomainConfig;
import dev.palisade.core.inventory.CertificateInfo;
import dev.palisade.core.inventory.HttpRedirect;
import dev.palisade.core.inventory.TlsEndpoint;
import dev.palisade.core.inventory.TlsInventory;
import dev.palisade.core.inventory.TlsProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The demo company's public endpoints as the TLS collector would observe them. */
final class DemoTls {
    static final String HSTS_GOOD = "max-age=63072000; includeSubDomains; preload";
    private static final String LE_ISSUER = "CN=R11, O=Let's Encrypt, C=US";
    private static final String SECTIGO_ISSUER = "CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, C=GB";

    private DemoTls() {
    }

    /** The {@code domains:} of the demo configuration, in the order they are probed. */
    static List<DomainConfig> domains() {
        return List.of(
                new DomainConfig("acme.example", 443),
                new DomainConfig("www.acme.example", 443),
                new DomainConfig("app.acme.example", 443),
                new DomainConfig("api.acme.example", 8443),
                new DomainConfig("status.acme.example", 443),
                new DomainConfig("docs.acme.example", 443),
                new DomainConfig("shop.acme.example", 443),
                new DomainConfig("blog.acme.example", 443),
                new DomainConfig("edge.acme.example", 443),
                new DomainConfig("legacy.acme.example", 443));
    }

    static TlsInventory inventory(Moment m) {
        List<TlsEndpoint> e = new ArrayList<>();
        CertificateInfo apex = leaf(m, "acme.example", List.of("acme.example", "www.acme.example"), -20, 70, LE_ISSUER);
        e.add(endpoint(m, "acme.example", 443, List.of(
                probe(m, "203.0.113.10", "acme.example", apex, true, HSTS_GOOD),
                probe(m, "2001:db8:10::10", "acme.example", apex, true, HSTS_GOOD))));
        // Someone was testing HSTS and left a five-minute max-age.
        e.add(endpoint(m, "www.acme.example", 443, List.of(
                probe(m, "203.0.113.10", "www.acme.example", apex, true, "max-age=300"))));
        // Two load-balancer nodes; one was not updated when the certificate was renewed.
        e.add(endpoint(m, "app.acme.example", 443, List.of(
                probe(m, "203.0.113.21", "app.acme.example",
                        leaf(m, "app.acme.example", List.of("app.acme.example"), -10, 80, LE_ISSUER), true, HSTS_GOOD),
                probe(m, "203.0.113.22", "app.acme.example",
                        leaf(m, "app.acme.example", List.of("app.acme.example"), -85, 5, LE_ISSUER), true, HSTS_GOOD))));
        e.add(endpoint(m, "api.acme.example", 8443, List.of(
                probe(m, "203.0.113.30", "api.acme.example",
                        leaf(m, "api.acme.example", List.of("api.acme.example"), -78, 12, LE_ISSUER), true, HSTS_GOOD))));
        // Renewal cron died; the certificate expired three days ago.
        e.add(endpoint(m, "status.acme.example", 443, List.of(
                probe(m, "203.0.113.40", "status.acme.example",
                        fixedLeaf(m, "status.acme.example", List.of("status.acme.example"), -93, -3, LE_ISSUER), true, HSTS_GOOD))));
        // From week 4 the docs moved to a hosting provider that serves its own certificate.
        CertificateInfo docs = m.from(4)
                ? leaf(m, "docs-acme.pages.example", List.of("*.pages.example", "docs-acme.pages.example"), -40, 50, LE_ISSUER)
                : leaf(m, "docs.acme.example", List.of("docs.acme.example"), -30, 60, LE_ISSUER);
        e.add(endpoint(m, "docs.acme.example", 443, List.of(probe(m, "198.51.100.50", "docs.acme.example", docs, true, HSTS_GOOD))));
        // The server sends only its leaf: clients without the intermediate cached fail.
        e.add(endpoint(m, "shop.acme.example", 443, List.of(
                probe(m, "203.0.113.60", "shop.acme.example",
                        leaf(m, "shop.acme.example", List.of("shop.acme.example", "www.shop.acme.example"), -50, 150, SECTIGO_ISSUER),
                        false, HSTS_GOOD))));
        // The blog runs on an old server: plain HTTP is served as is, no HSTS.
        e.add(endpoint(m, "blog.acme.example", 443,
                List.of(probe(m, "203.0.113.70", "blog.acme.example",
                        leaf(m, "blog.acme.example", List.of("blog.acme.example"), -30, 60, LE_ISSUER), true, null)),
                Fact.known(new HttpRedirect(List.of(new HttpRedirect.HttpHop("http://blog.acme.example/", 200, null)), false,
                        "served 200 without redirecting"))));
        // A six-day certificate with three days left: outside its two-day window.
        e.add(endpoint(m, "edge.acme.example", 443, List.of(
                probe(m, "203.0.113.80", "edge.acme.example",
                        leaf(m, "edge.acme.example", List.of("edge.acme.example"), -3, 3, LE_ISSUER), true, HSTS_GOOD))));
        e.add(new TlsEndpoint("legacy.acme.example", 443, null, List.of(
                new TlsProbe("203.0.113.99", "connect to 203.0.113.99:443 timed out after 5 s", "TIMEOUT", null, null, List.of(),
                        false, null, false, Fact.unknown("no HTTPS response from 203.0.113.99: connect timed out after 5 s"))),
                Fact.unknown("http://legacy.acme.example/ timed out after 5 s")));
        return new TlsInventory(e);
    }

    private static TlsEndpoint endpoint(Moment m, String host, int port, List<TlsProbe> probes) {
        String target = port == 443 ? "https://" + host + "/" : "https://" + host + ":" + port + "/";
        return endpoint(m, host, port, probes, Fact.known(new HttpRedirect(
                List.of(new HttpRedirect.HttpHop("http://" + host + "/", 301, target)), true, null)));
    }

    private static TlsEndpoint endpoint(Moment m, String host, int port, List<TlsProbe> probes, Fact<HttpRedirect> redirect) {
        return new TlsEndpoint(host, port, null, probes, redirect);
    }

    /**
     * One handshake. The chain is the leaf plus its issuer unless {@code sendsIntermediate} is false;
     * trust is decided at the scan time (an expired leaf does not validate).
     */
    private static TlsProbe probe(Moment m, String address, String host, CertificateInfo leaf, boolean sendsIntermediate,
                                  String hsts) {
        List<CertificateInfo> chain = sendsIntermediate ? List.of(leaf, intermediate(m, leaf.issuer())) : List.of(leaf);
        String problem = null;
        if (!sendsIntermediate) {
            problem = "missing intermediate: the server sent only its leaf, issued by " + leaf.issuer();
        } else if (!m.at().isBefore(leaf.notAfter())) {
            problem = "expired";
        }
        boolean matches = covers(leaf.subjectAlternativeNames(), host);
        return new TlsProbe(address, null, null, "TLSv1.3", "TLS_AES_128_GCM_SHA256", chain, problem == null, problem,
                matches, Fact.known(hsts));
    }

    static boolean covers(List<String> sans, String host) {
        for (String san : sans) {
            if (san.equalsIgnoreCase(host)) {
                return true;
            }
            if (san.startsWith("*.")) {
                String suffix = san.substring(1);
                int dot = host.indexOf('.');
                if (dot > 0 && host.substring(dot).equalsIgnoreCase(suffix)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A leaf that its owner renews on time: validity anchored to the demo's "now", moved back by
     * whole lifetimes for an older scan, so each historical week sees the certificate then in use.
     */
    private static CertificateInfo leaf(Moment m, String cn, List<String> sans, double notBeforeDays, double notAfterDays,
                                        String issuer) {
        Instant nb = m.anchored(notBeforeDays);
        Instant na = m.anchored(notAfterDays);
        Duration lifetime = Duration.between(nb, na);
        while (nb.isAfter(m.at())) {
            nb = nb.minus(lifetime);
            na = na.minus(lifetime);
        }
        return info(m, cn, sans, nb, na, issuer);
    }

    /** A leaf nobody renews: the same validity in every week. */
    private static CertificateInfo fixedLeaf(Moment m, String cn, List<String> sans, double notBeforeDays,
                                             double notAfterDays, String issuer) {
        return info(m, cn, sans, m.anchored(notBeforeDays), m.anchored(notAfterDays), issuer);
    }

    private static CertificateInfo info(Moment m, String cn, List<String> sans, Instant nb, Instant na, String issuer) {
        // Seeded by the validity relative to the anchor: a renewed certificate gets a new serial, and
        // the same demo at another "now" differs only in its dates.
        String seed = cn + "|" + Duration.between(m.anchor(), nb).getSeconds();
        return new CertificateInfo("CN=" + cn, issuer, Moment.stableHex(seed, 16), nb, na, sans,
                Moment.stableHex(seed + "|sha256", 32), "EC", false);
    }

    private static CertificateInfo intermediate(Moment m, String subject) {
        String root = subject.equals(LE_ISSUER) ? "CN=ISRG Root X1, O=Internet Security Research Group, C=US"
                : "CN=USERTrust RSA Certification Authority, O=The USERTRUST Network, C=US";
        return new CertificateInfo(subject, root, Moment.stableHex(subject, 16), m.anchored(-600), m.anchored(500),
                List.of(), Moment.stableHex(subject + "|sha256", 32), "RSA", false);
    }
}
