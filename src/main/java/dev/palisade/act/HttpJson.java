package dev.palisade.act;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A small bearer-token JSON client for the Directory and GitHub write APIs, with timeouts and
 * bounded retries on 429/5xx (honouring {@code Retry-After}). The token is read from a supplier
 * for each request and never appears in messages.
 */
final class HttpJson {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int ATTEMPTS = 4;

    record Response(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http;
    private final String baseUrl;
    private final Supplier<char[]> token;
    private final String[] extraHeaders;

    HttpJson(String baseUrl, Supplier<char[]> token, String... extraHeaders) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.extraHeaders = extraHeaders;
    }

    Response send(String method, String path, Object body) throws ActionException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + new String(token.get()))
                    .header("Accept", "application/json");
            for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
                b.header(extraHeaders[i], extraHeaders[i + 1]);
            }
            try {
                if (body == null) {
                    b.method(method, HttpRequest.BodyPublishers.noBody());
                } else {
                    b.header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
                }
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                int status = r.statusCode();
                if ((status == 429 || status >= 500) && attempt < ATTEMPTS) {
                    long wait = r.headers().firstValueAsLong("Retry-After").orElse(attempt);
                    Thread.sleep(Math.min(wait, 10) * 1000L);
                    continue;
                }
                JsonNode node = r.body() == null || r.body().isBlank() ? JSON.nullNode() : parse(r.body());
                return new Response(status, node);
            } catch (IOException e) {
                if (attempt >= ATTEMPTS) {
                    throw new ActionException(method + " " + path + " could not reach " + baseUrl + ": "
                            + e.getClass().getSimpleName() + ". Resume when the network is back.");
                }
                Thread.sleep(500L * attempt);
            }
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body.length() > 200 ? body.substring(0, 200) : body);
        }
    }

    /** A path segment or query value, URL-encoded. */
    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String errorText(Response r) {
        JsonNode msg = r.body().path("error").path("message");
        if (msg.isMissingNode()) {
            msg = r.body().path("message");
        }
        return "HTTP " + r.status() + (msg.isMissingNode() || msg.isNull() ? "" : ": " + msg.asText());
    }
}
