package dev.palisade.core.inventory;

import java.util.List;

/**
 * What {@code http://HOST/} answered.
 *
 * @param hops             each request made: URL, status (0 when that hop gave no answer), Location
 * @param redirectsToHttps the first redirect goes to {@code https://} on the same host
 * @param problem          null when fine, else why not ("port 80 refused the connection",
 *                         "served 200 without redirecting", "redirects to http://…", "redirects to another host")
 */
public record HttpRedirect(List<HttpHop> hops, boolean redirectsToHttps, String problem) {
    public record HttpHop(String url, int status, String location) {
    }
}
