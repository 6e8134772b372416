package dev.palisade.core.inventory;

import dev.palisade.core.Fact;
import java.util.List;

/**
 * One {@code domains:} entry.
 *
 * @param resolveError null when the name resolved; else why not ("DNS name not found", "DNS lookup timed out")
 * @param addresses    one probe per resolved A/AAAA address
 * @param redirect     what {@code http://HOST/} on port 80 answered; unknown when it could not be evaluated
 */
public record TlsEndpoint(String host, int port, String resolveError, List<TlsProbe> addresses,
                          Fact<HttpRedirect> redirect) {
    public String id() {
        return host + ":" + port;
    }
}
