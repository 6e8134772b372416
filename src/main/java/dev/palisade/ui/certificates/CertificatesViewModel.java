package dev.palisade.ui.certificates;

import dev.palisade.checks.ExpiryWindow;
import dev.palisade.core.Finding;
import dev.palisade.core.Snapshot;
import dev.palisade.core.Status;
import dev.palisade.core.inventory.AcmCertificate;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.CertificateInfo;
import dev.palisade.core.inventory.HttpRedirect;
import dev.palisade.core.inventory.TlsEndpoint;
import dev.palisade.core.inventory.TlsProbe;
import dev.palisade.ui.common.Cell;
import dev.palisade.ui.common.Tone;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** TLS endpoints (per address when the addresses differ) and ACM certificates, most urgent first. Pure. */
public final class CertificatesViewModel {
    /** A link of a presented chain; {@code failing} marks the link the chain problem points at. */
    public record ChainLink(String subject, String issuer, Instant notAfter, boolean failing) {
    }

    /**
     * One row. {@code daysLeft} null when no certificate was seen; {@code fraction} is the share of
     * the lifetime left (0..1) for the bar; {@code expiryTone} colours it by the window.
     */
    public record CertRow(String kind, String name, String address, Long daysLeft, double fraction, Tone expiryTone,
                          String expiryText, Cell hostname, Cell chain, Cell redirect, Cell hsts, String issuer,
                          List<ChainLink> links, String problem, int urgency) {
    }

    private CertificatesViewModel() {
    }

    public static List<CertRow> rows(Snapshot s, Instant now) {
        Map<String, Status> worst = new HashMap<>();
        for (Finding f : s.findings()) {
            if (f.check().startsWith("tls.") || f.check().startsWith("acm.")) {
                worst.merge(f.check() + "|" + f.resource().id(), f.status(), CertificatesViewModel::worse);
            }
        }
        List<CertRow> rows = new ArrayList<>();
        if (s.inventory() != null && s.inventory().tls() != null) {
            for (TlsEndpoint e : s.inventory().tls().endpoints()) {
                rows.addAll(endpointRows(e, worst, now));
            }
        }
        if (s.inventory() != null) {
            Set<String> seen = new HashSet<>();
            for (AwsEnvironment env : s.inventory().aws()) {
                if (env.certificates() == null || !env.certificates().isKnown() || env.certificates().value() == null) {
                    continue;
                }
                for (AcmCertificate c : env.certificates().value()) {
                    if (seen.add(c.arn())) {
                        rows.add(acmRow(c, env.env(), worst, now));
                    }
                }
            }
        }
        rows.sort(Comparator.comparingInt(CertRow::urgency)
                .thenComparing(r -> r.daysLeft() == null ? Long.MIN_VALUE : r.daysLeft())
                .thenComparing(CertRow::name));
        return rows;
    }

    private static Status worse(Status a, Status b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(Status s) {
        return switch (s) {
            case PASS -> 0;
            case MUTED -> 1;
            case ERROR -> 2;
            case FAIL -> 3;
        };
    }

    private static List<CertRow> endpointRows(TlsEndpoint e, Map<String, Status> worst, Instant now) {
        String id = e.id();
        Cell redirect = redirect(e, worst.get("tls.https_redirect|" + id));
        if (e.resolveError() != null || e.addresses() == null || e.addresses().isEmpty()) {
            String why = e.resolveError() != null ? e.resolveError() : "no address";
            Cell unk = new Cell("unknown", Tone.UNKNOWN);
            return List.of(new CertRow("TLS", id, "—", null, 0, Tone.UNKNOWN, "unreachable", unk, unk, redirect, unk, "", List.of(), why, 0));
        }
        Set<String> prints = new HashSet<>();
        for (TlsProbe p : e.addresses()) {
            prints.add(p.leaf() == null ? "none:" + p.error() : p.leaf().sha256Fingerprint());
        }
        List<TlsProbe> shown = prints.size() == 1 ? List.of(e.addresses().get(0)) : e.addresses();
        String allAddresses = String.join(", ", e.addresses().stream().map(TlsProbe::address).toList());
        List<CertRow> out = new ArrayList<>();
        for (TlsProbe p : shown) {
            String address = prints.size() == 1 ? allAddresses : p.address();
            Cell hsts = hsts(p, worst.get("tls.hsts|" + id));
            if (!p.connected()) {
                Cell unk = new Cell("unknown", Tone.UNKNOWN);
                out.add(new CertRow("TLS", id, address, null, 0, Tone.UNKNOWN, "unreachable", unk, unk, redirect, hsts, "", List.of(), p.error(), 0));
                continue;
            }
            CertificateInfo leaf = p.leaf();
            Cell hostname = p.hostnameMatches() ? new Cell("matches", Tone.GOOD) : new Cell("mismatch", Tone.BAD);
            Cell chain = p.chainTrusted() ? new Cell("trusted", Tone.GOOD) : new Cell(p.chainProblem() == null ? "untrusted" : p.chainProblem(), Tone.BAD);
            List<ChainLink> links = links(p, now);
            if (leaf == null) {
                out.add(new CertRow("TLS", id, address, null, 0, Tone.UNKNOWN, "no certificate", hostname, chain, redirect, hsts, "", links, "no certificate presented", 0));
                continue;
            }
            ExpiryWindow w = new ExpiryWindow(leaf.notBefore(), leaf.notAfter(), now);
            boolean bad = w.failing() || !p.hostnameMatches() || !p.chainTrusted();
            out.add(new CertRow("TLS", id, address, w.daysLeft(), fraction(w), tone(w), expiryText(w), hostname, chain, redirect, hsts,
                    leaf.issuer(), links, null, w.expired() ? 1 : bad ? 2 : 4));
        }
        return out;
    }

    private static CertRow acmRow(AcmCertificate c, String env, Map<String, Status> worst, Instant now) {
        Status renewal = worst.get("acm.cert.renewal|" + c.arn());
        Cell ren = renewal == null ? new Cell(c.renewalEligibility() == null ? "—" : c.renewalEligibility().toLowerCase(), Tone.NEUTRAL)
                : renewal == Status.PASS ? new Cell("renews", Tone.GOOD)
                : renewal == Status.FAIL ? new Cell(c.type() != null && c.type().equals("IMPORTED") ? "imported" : "won't renew", Tone.BAD)
                : new Cell(renewal.name().toLowerCase(), Tone.of(renewal));
        Cell na = new Cell("n/a", Tone.NEUTRAL);
        Cell use = new Cell(c.inUse() ? "in use" : "not in use", Tone.NEUTRAL);
        if (c.notBefore() == null || c.notAfter() == null) {
            return new CertRow("ACM", c.domain(), env + " · " + c.region(), null, 0, Tone.UNKNOWN, c.status(), na, ren, use, na, "", List.of(), null, 3);
        }
        ExpiryWindow w = new ExpiryWindow(c.notBefore(), c.notAfter(), now);
        boolean bad = w.failing() || renewal == Status.FAIL;
        return new CertRow("ACM", c.domain(), env + " · " + c.region(), w.daysLeft(), fraction(w), tone(w), expiryText(w),
                na, ren, use, na, c.type() == null ? "" : c.type(), List.of(), null, w.expired() ? 1 : bad ? 2 : 4);
    }

    private static double fraction(ExpiryWindow w) {
        double life = Math.max(1, w.lifetime().getSeconds());
        return Math.max(0, Math.min(1, w.left().getSeconds() / life));
    }

    static Tone tone(ExpiryWindow w) {
        if (w.expired()) {
            return Tone.CRITICAL;
        }
        if (w.failing()) {
            return w.severity() == dev.palisade.core.Severity.CRITICAL ? Tone.CRITICAL : Tone.HIGH;
        }
        return Tone.GOOD;
    }

    static String expiryText(ExpiryWindow w) {
        long d = w.daysLeft();
        if (w.expired()) {
            return "expired " + (-d) + " d ago";
        }
        return d + " d left";
    }

    private static Cell redirect(TlsEndpoint e, Status verdict) {
        if (e.redirect() == null) {
            return new Cell("—", Tone.NEUTRAL);
        }
        if (!e.redirect().isKnown()) {
            return new Cell("unknown", Tone.UNKNOWN);
        }
        HttpRedirect r = e.redirect().value();
        if (r != null && r.redirectsToHttps() && r.problem() == null) {
            return new Cell("→ https", verdict == Status.MUTED ? Tone.MUTED : Tone.GOOD);
        }
        return new Cell(r == null || r.problem() == null ? "no redirect" : r.problem(), verdict == Status.MUTED ? Tone.MUTED : Tone.BAD);
    }

    private static Cell hsts(TlsProbe p, Status verdict) {
        if (p.hsts() == null) {
            return new Cell("—", Tone.NEUTRAL);
        }
        if (!p.hsts().isKnown()) {
            return new Cell("unknown", Tone.UNKNOWN);
        }
        String v = p.hsts().value();
        Tone t = verdict == null ? (v == null ? Tone.BAD : Tone.NEUTRAL) : verdict == Status.FAIL ? Tone.WARN : Tone.of(verdict);
        return new Cell(v == null ? "absent" : maxAge(v), t);
    }

    /** "max-age 365 d" from a Strict-Transport-Security value, or the raw value. */
    static String maxAge(String header) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)max-age\\s*=\\s*\"?(\\d+)").matcher(header);
        if (m.find()) {
            return "max-age " + Long.parseLong(m.group(1)) / 86_400 + " d";
        }
        return header.length() > 20 ? header.substring(0, 20) + "…" : header;
    }

    static List<ChainLink> links(TlsProbe p, Instant now) {
        if (p.chain() == null) {
            return List.of();
        }
        String problem = p.chainProblem() == null ? "" : p.chainProblem().toLowerCase();
        List<ChainLink> out = new ArrayList<>();
        for (int i = 0; i < p.chain().size(); i++) {
            CertificateInfo c = p.chain().get(i);
            boolean failing = false;
            if (!p.chainTrusted()) {
                if (problem.contains("expired")) {
                    failing = c.notAfter() != null && !now.isBefore(c.notAfter());
                } else if (problem.contains("not yet valid")) {
                    failing = c.notBefore() != null && now.isBefore(c.notBefore());
                } else if (problem.contains("self-signed")) {
                    failing = c.selfSigned();
                } else {
                    failing = i == p.chain().size() - 1;
                }
            }
            out.add(new ChainLink(c.subject(), c.issuer(), c.notAfter(), failing));
        }
        if (!p.hostnameMatches() && !out.isEmpty() && out.stream().noneMatch(ChainLink::failing)) {
            ChainLink leaf = out.get(0);
            out.set(0, new ChainLink(leaf.subject(), leaf.issuer(), leaf.notAfter(), true));
        }
        return out;
    }

    /** For tests: the row for an endpoint id and address. */
    public static CertRow find(List<CertRow> rows, String name, String address) {
        return rows.stream().filter(r -> r.name().equals(name) && (address == null || Objects.equals(r.address(), address))).findFirst().orElseThrow();
    }
}
