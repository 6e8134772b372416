package dev.palisade.collect.tls;

import dev.palisade.core.inventory.CertificateInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The CAs a chain must lead to (the JDK's plus {@code tls.extraTrustedCertificates}), and the PKIX
 * validation that turns a presented chain into a verdict with a reason a person understands.
 */
final class TrustStore {
    private final Set<TrustAnchor> anchors;
    private final Set<X509Certificate> anchorCerts;
    private final String error;

    private TrustStore(Set<X509Certificate> certs, String error) {
        this.anchorCerts = Set.copyOf(certs);
        Set<TrustAnchor> a = new HashSet<>();
        for (X509Certificate c : certs) {
            a.add(new TrustAnchor(c, null));
        }
        this.anchors = Set.copyOf(a);
        this.error = error;
    }

    /** Loads the JDK CAs and the extra PEM files; a file that cannot be read is reported, never fatal. */
    static TrustStore load(List<Path> extraPemFiles) {
        Set<X509Certificate> certs = new HashSet<>();
        List<String> problems = new ArrayList<>();
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    certs.addAll(List.of(x.getAcceptedIssuers()));
                }
            }
        } catch (GeneralSecurityException e) {
            problems.add("the JDK's CA certificates could not be loaded (" + e.getMessage() + ")");
        }
        for (Path file : extraPemFiles) {
            try (InputStream in = Files.newInputStream(file)) {
                Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in);
                if (read.isEmpty()) {
                    problems.add("tls.extraTrustedCertificates: " + file + " holds no PEM certificate");
                }
                for (Certificate c : read) {
                    certs.add((X509Certificate) c);
                }
            } catch (IOException | GeneralSecurityException e) {
                problems.add("tls.extraTrustedCertificates: cannot read " + file + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            }
        }
        return new TrustStore(certs, problems.isEmpty() ? null : String.join("; ", problems));
    }

    /** Null when everything loaded. */
    String error() {
        return error;
    }

    /** Outcome of validating one presented chain. */
    record Verdict(boolean trusted, String problem, int failingLink) {
        static final Verdict TRUSTED = new Verdict(true, null, -1);
    }

    Verdict validate(List<X509Certificate> chain, Instant now) {
        if (chain.isEmpty()) {
            return new Verdict(false, "no certificate presented", 0);
        }
        if (pkix(chain, now)) {
            return Verdict.TRUSTED;
        }
        // Would it validate inside every certificate's lifetime? Then time is the only problem.
        Instant inside = commonValidInstant(chain);
        if (inside != null && pkix(chain, inside)) {
            for (int i = 0; i < chain.size(); i++) {
                X509Certificate c = chain.get(i);
                if (now.isAfter(c.getNotAfter().toInstant())) {
                    return new Verdict(false, "expired: " + cn(c) + " expired on " + c.getNotAfter().toInstant(), i);
                }
                if (now.isBefore(c.getNotBefore().toInstant())) {
                    return new Verdict(false, "not yet valid: " + cn(c) + " is valid from " + c.getNotBefore().toInstant(), i);
                }
            }
        }
        X509Certificate leaf = chain.get(0);
        if (chain.size() == 1 && isSelfSigned(leaf)) {
            return new Verdict(false, "self-signed: " + cn(leaf) + " is signed by itself and not trusted", 0);
        }
        X509Certificate top = chain.get(chain.size() - 1);
        if (isSelfSigned(top)) {
            return new Verdict(false, "unknown CA: the chain ends in " + cn(top) + ", which is not a trusted root",
                    chain.size() - 1);
        }
        if (top.getBasicConstraints() < 0) {
            // The server sent a leaf without the CA certificate that issued it.
            return new Verdict(false, "missing intermediate: the issuer of " + cn(top) + " (" + top.getIssuerX500Principal().getName()
                    + ") was not sent and is not a trusted root", chain.size());
        }
        return new Verdict(false, "unknown CA: " + top.getIssuerX500Principal().getName()
                + ", issuer of " + cn(top) + ", is not a trusted root", chain.size());
    }

    private boolean pkix(List<X509Certificate> chain, Instant at) {
        X509Certificate leaf = chain.get(0);
        if (anchorCerts.contains(leaf)) {
            return !at.isBefore(leaf.getNotBefore().toInstant()) && !at.isAfter(leaf.getNotAfter().toInstant());
        }
        if (anchors.isEmpty()) {
            return false;
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(leaf);
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
            params.setRevocationEnabled(false); // Let's Encrypt has no OCSP; revocation is not what we judge here
            params.setDate(Date.from(at));
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(chain)));
            CertPathBuilder.getInstance("PKIX").build(params);
            return true;
        } catch (CertPathBuilderException e) {
            return false;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Instant commonValidInstant(List<X509Certificate> chain) {
        Instant from = Instant.MIN;
        Instant to = Instant.MAX;
        for (X509Certificate c : chain) {
            Instant nb = c.getNotBefore().toInstant();
            Instant na = c.getNotAfter().toInstant();
            from = nb.isAfter(from) ? nb : from;
            to = na.isBefore(to) ? na : to;
        }
        return from.isBefore(to) ? from.plusSeconds(1) : null;
    }

    static boolean isSelfSigned(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            return false;
        }
        try {
            c.verify(c.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String cn(X509Certificate c) {
        return c.getSubjectX500Principal().getName();
    }

    static CertificateInfo info(X509Certificate c) {
        List<String> sans = new ArrayList<>();
        sans.addAll(dnsNames(c));
        sans.addAll(ipAddresses(c));
        String fp;
        try {
            fp = HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (GeneralSecurityException e) {
            fp = null;
        }
        String key = c.getPublicKey().getAlgorithm();
        if (c.getPublicKey() instanceof RSAPublicKey rsa) {
            key += " " + rsa.getModulus().bitLength();
        } else if (c.getPublicKey() instanceof ECPublicKey ec) {
            key += " " + ec.getParams().getCurve().getField().getFieldSize();
        }
        return new CertificateInfo(c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                c.getSerialNumber().toString(16), c.getNotBefore().toInstant(), c.getNotAfter().toInstant(),
                List.copyOf(sans), fp, key, isSelfSigned(c));
    }

    static List<String> dnsNames(X509Certificate c) {
        return altNames(c, 2);
    }

    static List<String> ipAddresses(X509Certificate c) {
        return altNames(c, 7);
    }

    private static List<String> altNames(X509Certificate c, int type) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> all = c.getSubjectAlternativeNames();
            if (all != null) {
                for (List<?> entry : all) {
                    if (entry.size() >= 2 && Integer.valueOf(type).equals(entry.get(0)) && entry.get(1) instanceof String s) {
                        out.add(s);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unparsable SAN extension covers no name
        }
        return out;
    }
}
