package dev.palisade.collect.tls;

import java.net.IDN;
import java.util.List;
import java.util.Locale;

/**
 * RFC 6125 / CA-Browser-Forum host name matching against the leaf's subjectAltName entries only (the
 * subject CN is ignored, as browsers do). A wildcard is allowed only as the whole left-most label and
 * matches exactly one label.
 */
final class HostnameMatcher {
    private HostnameMatcher() {
    }

    static boolean matches(String host, List<String> dnsNames, List<String> ipAddresses) {
        String h = normalize(host);
        if (isIpLiteral(h)) {
            return ipAddresses.stream().anyMatch(ip -> ip.equalsIgnoreCase(h));
        }
        for (String name : dnsNames) {
            String n = normalize(name);
            if (n.equals(h)) {
                return true;
            }
            if (n.startsWith("*.") && n.indexOf('*', 1) < 0) {
                String suffix = n.substring(1); // ".example.com"
                int firstDot = h.indexOf('.');
                if (firstDot > 0 && h.substring(firstDot).equals(suffix) && suffix.indexOf('.', 1) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static String normalize(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        try {
            return n.startsWith("*.") ? "*." + IDN.toASCII(n.substring(2)) : IDN.toASCII(n);
        } catch (IllegalArgumentException e) {
            return n;
        }
    }
}
