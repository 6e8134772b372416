package dev.palisade.checks;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Resources;
import dev.palisade.core.Severity;
import dev.palisade.core.check.Area;
import dev.palisade.core.check.Check;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.CertificateInfo;
import dev.palisade.core.inventory.HstsPolicy;
import dev.palisade.core.inventory.HttpRedirect;
import dev.palisade.core.inventory.TlsEndpoint;
import dev.palisade.core.inventory.TlsInventory;
import dev.palisade.core.inventory.TlsProbe;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code tls.*} checks over the live endpoints of {@code domains:}. Certificate checks report per
 * address ({@code HOST:PORT (ADDRESS)}), since one address behind a name can serve a stale certificate;
 * an endpoint whose name did not resolve gets one ERROR per check for the endpoint as a whole; an
 * address that could not be reached gets an ERROR with the reason, never a PASS or a FAIL.
 */
public final class TlsChecks {
    private TlsChecks() {
    }

    public static List<Check> all() {
        return List.of(new CertExpiry(), new CertHostname(), new CertChain(), new HttpsRedirect(), new Hsts());
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** Base: walks endpoints and their addresses, producing the DNS and unreachable ERRORs. */
    abstract static class PerAddressCheck extends AbstractCheck {
        PerAddressCheck(String id, String title, Severity severity, String rationale, String remediation) {
            super(id, title, Area.CERTIFICATES, "tls", severity, rationale, remediation);
        }

        @Override
        public final List<Finding> evaluate(CheckContext context) {
            TlsInventory tls = context.inventory().tls();
            if (tls == null) {
                return List.of();
            }
            List<Finding> out = new ArrayList<>();
            for (TlsEndpoint e : tls.endpoints()) {
                if (e.resolveError() != null) {
                    out.add(error(null, Resources.tlsEndpoint(e.host(), e.port(), null),
                            "Could not check " + e.id() + ": " + e.resolveError()));
                    continue;
                }
                if (e.addresses().isEmpty()) {
                    out.add(error(null, Resources.tlsEndpoint(e.host(), e.port(), null),
                            "Could not check " + e.id() + ": the name resolved to no address"));
                    continue;
                }
                for (TlsProbe p : e.addresses()) {
                    Resource r = Resources.tlsEndpoint(e.host(), e.port(), p.address());
                    if (p.leaf() == null || !certificateBased() && !p.connected()) {
                        out.add(error(null, r, "Could not check " + e.id() + " at " + p.address() + ": "
                                + (p.error() != null ? p.error() : "no certificate was presented")));
                        continue;
                    }
                    out.add(evaluate(context, tls, e, p, r));
                }
            }
            return out;
        }

        /** True when a captured chain is enough even if the connection failed after the handshake's certificate stage. */
        boolean certificateBased() {
            return true;
        }

        abstract Finding evaluate(CheckContext context, TlsInventory tls, TlsEndpoint e, TlsProbe p, Resource r);
    }

    /** {@code tls.cert.expiry}: SPEC's lifetime-relative window, per address. */
    static final class CertExpiry extends PerAddressCheck {
        CertExpiry() {
            super("tls.cert.expiry", "TLS certificate expiry", Severity.HIGH,
                    "An expired certificate takes the site down for every visitor; renewals that silently stopped "
                            + "are the usual cause, often on just one of the addresses behind a name.",
                    "Renew the certificate and reload the server. For Let's Encrypt: check that the renewal job "
                            + "(certbot/acme.sh timer or cron) still runs and succeeds, that the web server is reloaded "
                            + "after renewal, and that every address behind the name (each load-balancer node) serves "
                            + "the new certificate.");
        }

        @Override
        Finding evaluate(CheckContext context, TlsInventory tls, TlsEndpoint e, TlsProbe p, Resource r) {
            CertificateInfo leaf = p.leaf();
            ExpiryWindow w = new ExpiryWindow(leaf.notBefore(), leaf.notAfter(), context.now());
            String where = e.id() + " at " + p.address();
            String lifetime = "lifetime " + days(w.lifetime()) + ", warning window " + days(w.window());
            String differs = differentCertificates(e, p);
            if (w.expired()) {
                return fail(null, r, w.severity(), "Certificate of " + where + " expired " + Duration.between(leaf.notAfter(), context.now()).toDays()
                        + " days ago, on " + DAY.format(leaf.notAfter()) + " (" + lifetime + ")" + differs);
            }
            if (w.failing()) {
                return fail(null, r, w.severity(), "Certificate of " + where + " expires in " + w.daysLeft()
                        + " days, on " + DAY.format(leaf.notAfter()) + ", inside its " + days(w.window())
                        + " warning window (" + lifetime + ")" + differs);
            }
            return pass(null, r, "Certificate of " + where + " has " + w.daysLeft() + " days left, until "
                    + DAY.format(leaf.notAfter()) + " (" + lifetime + ")" + differs);
        }

        private static String differentCertificates(TlsEndpoint e, TlsProbe p) {
            List<String> others = new ArrayList<>();
            for (TlsProbe q : e.addresses()) {
                if (q != p && q.leaf() != null
                        && !Objects.equals(q.leaf().sha256Fingerprint(), p.leaf().sha256Fingerprint())) {
                    others.add(q.address());
                }
            }
            return others.isEmpty() ? "" : "; " + String.join(", ", others) + " serve"
                    + (others.size() == 1 ? "s" : "") + " a different certificate";
        }
    }

    /** {@code tls.cert.hostname}: the leaf must cover the name (subjectAltName). */
    static final class CertHostname extends PerAddressCheck {
        CertHostname() {
            super("tls.cert.hostname", "TLS certificate covers the host name", Severity.HIGH,
                    "Browsers reject a certificate that does not name the host they asked for.",
                    "Issue a certificate whose subjectAltName lists the host name (or a matching wildcard), "
                            + "install it on every address behind the name and reload the server.");
        }

        @Override
        Finding evaluate(CheckContext context, TlsInventory tls, TlsEndpoint e, TlsProbe p, Resource r) {
            List<String> names = p.leaf().subjectAlternativeNames();
            String covers = names.isEmpty() ? "no subjectAltName" : String.join(", ", names);
            if (p.hostnameMatches()) {
                return pass(null, r, "Certificate of " + e.id() + " at " + p.address() + " covers " + e.host());
            }
            return fail(null, r, "Certificate of " + e.id() + " at " + p.address() + " does not cover " + e.host()
                    + "; it names " + covers);
        }
    }

    /** {@code tls.cert.chain}: validates against the JDK CAs plus {@code tls.extraTrustedCertificates}. */
    static final class CertChain extends PerAddressCheck {
        CertChain() {
            super("tls.cert.chain", "TLS certificate chain validates", Severity.HIGH,
                    "A chain that does not lead to a trusted CA (self-signed, unknown CA, missing intermediate, "
                            + "expired link) makes clients refuse the connection; some browsers hide a missing "
                            + "intermediate, API clients do not.",
                    "Serve the full chain (leaf plus intermediates, e.g. fullchain.pem rather than cert.pem), "
                            + "from a publicly trusted CA; for an internal CA add its root to "
                            + "tls.extraTrustedCertificates.");
        }

        @Override
        Finding evaluate(CheckContext context, TlsInventory tls, TlsEndpoint e, TlsProbe p, Resource r) {
            String where = e.id() + " at " + p.address();
            if (tls.trustStoreError() != null) {
                return error(null, r, "Could not validate the chain of " + where + ": " + tls.trustStoreError());
            }
            if (p.chainTrusted()) {
                return pass(null, r, "Certificate chain of " + where + " validates (" + p.chain().size()
                        + " certificate" + (p.chain().size() == 1 ? "" : "s") + " presented)");
            }
            return fail(null, r, "Certificate chain of " + where + " does not validate: "
                    + (p.chainProblem() == null ? "unknown reason" : p.chainProblem()));
        }
    }

    /** {@code tls.hsts}: the HTTPS answer carries HSTS with max-age of at least 180 days. */
    static final class Hsts extends PerAddressCheck {
        Hsts() {
            super("tls.hsts", "HTTP Strict Transport Security", Severity.MEDIUM,
                    "Without HSTS a visitor's first plain-HTTP request can be intercepted and kept on HTTP.",
                    "Send Strict-Transport-Security: max-age=31536000; includeSubDomains on every HTTPS response "
                            + "(at least max-age=" + HstsPolicy.MIN_MAX_AGE_SECONDS + ", 180 days).");
        }

        @Override
        boolean certificateBased() {
            return false;
        }

        @Override
        Finding evaluate(CheckContext context, TlsInventory tls, TlsEndpoint e, TlsProbe p, Resource r) {
            String where = "https://" + e.host() + (e.port() == 443 ? "" : ":" + e.port()) + "/ at " + p.address();
            Fact<String> h = p.hsts();
            if (h == null || !h.isKnown()) {
                return error(null, r, "Could not read the HSTS header of " + where + ": "
                        + (h == null ? "not collected" : h.error()));
            }
            if (h.value() == null) {
                return fail(null, r, where + " sends no Strict-Transport-Security header");
            }
            var policy = HstsPolicy.parse(h.value());
            if (policy.isEmpty()) {
                return fail(null, r, where + " sends an invalid Strict-Transport-Security header (\""
                        + abbreviate(h.value()) + "\"): max-age is missing, malformed or repeated");
            }
            long maxAge = policy.get().maxAgeSeconds();
            if (!policy.get().strongEnough()) {
                return fail(null, r, where + " sends HSTS max-age=" + maxAge + " (" + maxAge / 86_400 + " days), below "
                        + HstsPolicy.MIN_MAX_AGE_SECONDS + " (180 days)");
            }
            return pass(null, r, where + " sends HSTS max-age=" + maxAge + " (" + maxAge / 86_400 + " days)"
                    + (policy.get().includeSubDomains() ? " with includeSubDomains" : ""));
        }
    }

    /** {@code tls.https_redirect}: {@code http://HOST/} redirects to {@code https://HOST…}. */
    static final class HttpsRedirect extends AbstractCheck {
        HttpsRedirect() {
            super("tls.https_redirect", "HTTP redirects to HTTPS", Area.CERTIFICATES, "tls", Severity.MEDIUM,
                    "Visitors and links that still use http:// must land on HTTPS on the same host, not on "
                            + "plain content or on another site.",
                    "Make port 80 answer every request with a 301 to https://HOST/ (same host, same path), "
                            + "e.g. nginx: return 301 https://$host$request_uri;");
        }

        @Override
        public List<Finding> evaluate(CheckContext context) {
            TlsInventory tls = context.inventory().tls();
            if (tls == null) {
                return List.of();
            }
            List<Finding> out = new ArrayList<>();
            for (TlsEndpoint e : tls.endpoints()) {
                Resource r = Resources.tlsEndpoint(e.host(), e.port(), null);
                String url = "http://" + e.host() + "/";
                Fact<HttpRedirect> f = e.redirect();
                if (e.resolveError() != null) {
                    out.add(error(null, r, "Could not check " + url + ": " + e.resolveError()));
                } else if (f == null || !f.isKnown()) {
                    out.add(error(null, r, "Could not check " + url + ": " + (f == null ? "not collected" : f.error())));
                } else if (f.value().redirectsToHttps() && f.value().problem() == null) {
                    HttpRedirect.HttpHop first = f.value().hops().get(0);
                    out.add(pass(null, r, url + " redirects (" + first.status() + ") to " + first.location()));
                } else {
                    out.add(fail(null, r, url + " does not redirect to HTTPS: "
                            + (f.value().problem() == null ? "no redirect" : f.value().problem())));
                }
            }
            return out;
        }
    }

    private static String days(Duration d) {
        long hours = d.toHours();
        if (hours < 48 && hours % 24 != 0) {
            return hours + " hours";
        }
        long days = d.toDays();
        return days + (days == 1 ? " day" : " days");
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
