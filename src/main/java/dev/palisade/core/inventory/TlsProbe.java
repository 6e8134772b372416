package dev.palisade.core.inventory;

import dev.palisade.core.Fact;
import java.util.List;

/**
 * One TLS connection to one address of an endpoint.
 *
 * @param error           null when the handshake completed; else what happened, in words
 * @param errorKind       {@code DNS}, {@code REFUSED}, {@code TIMEOUT}, {@code HANDSHAKE}, {@code IO} or null
 * @param chain           the presented chain, leaf first, captured even when it does not validate
 * @param chainTrusted    the chain validates against the JDK CAs plus {@code tls.extraTrustedCertificates}
 * @param chainProblem    null when trusted, else {@code expired}, {@code not yet valid}, {@code unknown CA},
 *                        {@code self-signed}, {@code missing intermediate} (with detail after a colon)
 * @param hostnameMatches the leaf covers the host name
 * @param hsts            the HTTPS response's {@code Strict-Transport-Security} header; known null = absent
 * @param failingLink     index in {@code chain} of the certificate where validation breaks; {@code chain.size()}
 *                        when the missing link is the issuer of the last presented certificate (missing
 *                        intermediate, unknown CA); -1 when the chain is trusted or was not captured
 */
public record TlsProbe(String address, String error, String errorKind, String protocol, String cipher,
                       List<CertificateInfo> chain, boolean chainTrusted, String chainProblem,
                       boolean hostnameMatches, Fact<String> hsts, int failingLink) {
    public TlsProbe {
        chain = chain == null ? List.of() : List.copyOf(chain);
    }

    /** Without a failing link (for callers that do not know it). */
    public TlsProbe(String address, String error, String errorKind, String protocol, String cipher,
                    List<CertificateInfo> chain, boolean chainTrusted, String chainProblem,
                    boolean hostnameMatches, Fact<String> hsts) {
        this(address, error, errorKind, protocol, cipher, chain, chainTrusted, chainProblem, hostnameMatches, hsts, -1);
    }

    public boolean connected() {
        return error == null;
    }

    public CertificateInfo leaf() {
        return chain == null || chain.isEmpty() ? null : chain.get(0);
    }
}
