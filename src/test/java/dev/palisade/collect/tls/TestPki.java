package dev.palisade.collect.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates for tests, made with BouncyCastle: a CA, intermediates and leaves with chosen lifetimes. */
final class TestPki {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private TestPki() {
    }

    /** A certificate with its key pair. */
    record Issued(X509Certificate cert, KeyPair keys) {
    }

    static KeyPair ecKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Issued root(String cn) {
        KeyPair k = ecKey();
        Instant now = Instant.now();
        return new Issued(build(cn, k, cn, k, now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(3650)), true, List.of()), k);
    }

    static Issued intermediate(Issued parent, String cn) {
        KeyPair k = ecKey();
        Instant now = Instant.now();
        return new Issued(build(cn, k, subject(parent), parent.keys(), now.minus(Duration.ofDays(300)),
                now.plus(Duration.ofDays(1800)), true, List.of()), k);
    }

    static Issued leaf(Issued issuer, String cn, List<String> dnsNames, Instant notBefore, Instant notAfter) {
        KeyPair k = ecKey();
        return new Issued(build(cn, k, subject(issuer), issuer.keys(), notBefore, notAfter, false, dnsNames), k);
    }

    static Issued selfSignedLeaf(String cn, List<String> dnsNames, Instant notBefore, Instant notAfter) {
        KeyPair k = ecKey();
        return new Issued(build(cn, k, cn, k, notBefore, notAfter, false, dnsNames), k);
    }

    static String pem(X509Certificate c) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(c.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(Issued i) {
        return i.cert().getSubjectX500Principal().getName().replaceFirst("^CN=", "");
    }

    private static X509Certificate build(String cn, KeyPair subjectKeys, String issuerCn, KeyPair issuerKeys,
                                         Instant notBefore, Instant notAfter, boolean ca, List<String> dnsNames) {
        try {
            var utils = new JcaX509ExtensionUtils();
            var b = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuerCn), BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + cn), subjectKeys.getPublic());
            b.addExtension(Extension.basicConstraints, true, ca ? new BasicConstraints(0) : new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, ca ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                    : new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            b.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            if (!dnsNames.isEmpty()) {
                GeneralName[] names = dnsNames.stream().map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new);
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(b.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
