package dev.palisade.collect.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small GitHub REST v3 client on {@link HttpClient}: JSON over {@code Accept:
 * application/vnd.github+json} with a pinned {@code X-GitHub-Api-Version}, pagination by the
 * {@code Link} header only (page numbers and alert cursors alike), and rate limits handled by
 * waiting within a bound: primary ({@code X-RateLimit-Remaining: 0} until {@code
 * X-RateLimit-Reset}) and secondary ({@code Retry-After}, or a minute when GitHub gives no time).
 *
 * <p>The base URL is {@code https://api.github.com} or a GitHub Enterprise Server {@code
 * https://HOST/api/v3}. The token goes only to that scheme, host and port: a {@code Link} that
 * points elsewhere is refused. Nothing logged carries the token. Thread-safe.
 */
public final class GitHubClient {
    public static final String API_VERSION = "2022-11-28";
    static final String ACCEPT = "application/vnd.github+json";
    private static final Logger LOG = LoggerFactory.getLogger(GitHubClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"([^\"]*)\"");
    /** GitHub's advice when a secondary limit comes without {@code Retry-After}: wait at least a minute. */
    static final Duration SECONDARY_DEFAULT_WAIT = Duration.ofSeconds(60);
    private static final int MAX_PAGES = 1000;

    /**
     * @param connectTimeout  TCP/TLS connect bound
     * @param requestTimeout  bound on each request until the response headers arrive
     * @param maxAttempts     tries per request (rate limits and 5xx retry)
     * @param maxWait         longest single wait for a rate limit; a longer one fails the call instead
     */
    public record Options(Duration connectTimeout, Duration requestTimeout, int maxAttempts, Duration maxWait) {
        public Options {
            Objects.requireNonNull(connectTimeout);
            Objects.requireNonNull(requestTimeout);
            Objects.requireNonNull(maxWait);
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts < 1");
            }
        }

        public static Options defaults() {
            return new Options(Duration.ofSeconds(10), Duration.ofSeconds(30), 4, Duration.ofMinutes(2));
        }
    }

    /** How the client waits; tests substitute one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        Sleeper REAL = d -> Thread.sleep(d.toMillis());
    }

    private final URI base;
    private final GitHubToken token;
    private final Options options;
    private final Sleeper sleeper;
    private final Clock clock;
    private final HttpClient http;
    private final AtomicInteger calls = new AtomicInteger();

    public GitHubClient(URI baseUrl, GitHubToken token, Options options, Sleeper sleeper, Clock clock) {
        String b = Objects.requireNonNull(baseUrl, "baseUrl").toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || base.getHost() == null) {
            throw new IllegalArgumentException("GitHub API URL must be http(s)://HOST[/api/v3], got " + baseUrl);
        }
        this.token = Objects.requireNonNull(token, "token");
        this.options = Objects.requireNonNull(options, "options");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public GitHubClient(URI baseUrl, GitHubToken token) {
        this(baseUrl, token, Options.defaults(), Sleeper.REAL, Clock.systemUTC());
    }

    public URI baseUrl() {
        return base;
    }

    /** HTTP requests sent so far, retries included. */
    public int apiCalls() {
        return calls.get();
    }

    /** GET one JSON document; {@code pathAndQuery} starts with {@code /} and is relative to the base URL. */
    public JsonNode get(String pathAndQuery) throws GitHubApiException, InterruptedException {
        return parse(send(resolve(pathAndQuery)));
    }

    /**
     * GET every page of a list endpoint, following {@code rel="next"} until there is none. Each page
     * must be a JSON array. Works alike for page-numbered lists and cursor-paginated alert lists.
     */
    public List<JsonNode> getAll(String pathAndQuery) throws GitHubApiException, InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        URI next = resolve(pathAndQuery);
        Set<URI> seen = new HashSet<>();
        int pages = 0;
        while (next != null) {
            if (!seen.add(next) || ++pages > MAX_PAGES) {
                throw new GitHubApiException(GitHubApiException.Kind.MALFORMED, 200, next.getPath(), null, null, null,
                        "GitHub pagination of " + next.getPath() + " does not end (page " + pages + ").", null);
            }
            HttpResponse<String> resp = send(next);
            JsonNode page = parse(resp);
            if (!page.isArray()) {
                throw malformed(next, "expected a JSON array");
            }
            page.forEach(out::add);
            next = nextLink(resp).orElse(null);
        }
        return out;
    }

    private URI resolve(String pathAndQuery) {
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + pathAndQuery);
        }
        return URI.create(base + pathAndQuery);
    }

    /** The {@code rel="next"} target, refused when it leaves the API's origin (the token must not follow it). */
    Optional<URI> nextLink(HttpResponse<String> resp) throws GitHubApiException {
        for (String header : resp.headers().allValues("Link")) {
            Matcher m = LINK.matcher(header);
            while (m.find()) {
                for (String rel : m.group(2).split("\\s+")) {
                    if (rel.equals("next")) {
                        URI u = URI.create(m.group(1));
                        if (!sameOrigin(u)) {
                            throw new GitHubApiException(GitHubApiException.Kind.MALFORMED, resp.statusCode(),
                                    resp.uri().getPath(), null, null, null,
                                    "GitHub pagination link leads to another host (" + u.getHost()
                                            + "); refusing to send the token there.", null);
                        }
                        return Optional.of(u);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private boolean sameOrigin(URI u) {
        return base.getScheme().equalsIgnoreCase(u.getScheme())
                && base.getHost().equalsIgnoreCase(u.getHost())
                && effectivePort(base) == effectivePort(u);
    }

    private static int effectivePort(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /**
     * Runs a GraphQL query (for what REST lacks, such as members' verified domain emails) at {@code
     * /graphql}, or {@code /api/graphql} on GitHub Enterprise Server. GitHub reports GraphQL failures
     * such as missing scopes in an {@code errors} array; they become a {@link GitHubApiException}.
     *
     * @return the {@code data} object
     */
    public JsonNode graphql(String query, Map<String, Object> variables) throws GitHubApiException, InterruptedException {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
        } catch (IOException e) {
            throw new IllegalArgumentException("variables are not JSON", e);
        }
        URI uri = graphqlUri();
        HttpResponse<String> resp = send(uri, body);
        JsonNode n = parse(resp);
        JsonNode errors = n.path("errors");
        if (errors.isArray() && errors.size() > 0) {
            JsonNode first = errors.get(0);
            String type = first.path("type").asText("");
            String msg = first.path("message").asText("");
            GitHubApiException.Kind kind = switch (type) {
                case "INSUFFICIENT_SCOPES", "FORBIDDEN" -> GitHubApiException.Kind.FORBIDDEN;
                case "NOT_FOUND" -> GitHubApiException.Kind.NOT_FOUND;
                default -> GitHubApiException.Kind.REJECTED;
            };
            throw new GitHubApiException(kind, resp.statusCode(), uri.getPath(), msg, null,
                    resp.headers().firstValue("X-OAuth-Scopes").orElse(null),
                    "GitHub GraphQL answered " + (type.isEmpty() ? "an error" : type) + ": " + msg, null);
        }
        if (!n.path("data").isObject()) {
            throw malformed(uri, "no data");
        }
        return n.get("data");
    }

    URI graphqlUri() {
        String path = base.getPath() == null ? "" : base.getPath();
        String gql = path.endsWith("/v3") ? path.substring(0, path.length() - "v3".length()) + "graphql" : path + "/graphql";
        return base.resolve(gql);
    }

    private HttpResponse<String> send(URI uri) throws GitHubApiException, InterruptedException {
        return send(uri, null);
    }

    private HttpResponse<String> send(URI uri, String postBody) throws GitHubApiException, InterruptedException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri)
                .timeout(options.requestTimeout())
                .header("Accept", ACCEPT)
                .header("X-GitHub-Api-Version", API_VERSION)
                .header("User-Agent", "Palisade")
                .header("Authorization", "Bearer " + token.value());
        HttpRequest request = postBody == null ? rb.GET().build()
                : rb.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(postBody)).build();
        String verb = postBody == null ? "GET " : "POST ";
        for (int attempt = 1; ; attempt++) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            HttpResponse<String> resp;
            try {
                calls.incrementAndGet();
                resp = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                throw new GitHubApiException(GitHubApiException.Kind.NETWORK, 0, uri.getPath(), null, null, null,
                        "GitHub API at " + base.getHost() + " did not answer " + uri.getPath() + " within "
                                + options.requestTimeout().toSeconds() + " s.", null);
            } catch (IOException e) {
                throw new GitHubApiException(GitHubApiException.Kind.NETWORK, 0, uri.getPath(), null, null, null,
                        "GitHub API at " + base + " could not be reached: " + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : " " + e.getMessage()) + ".", null);
            }
            int status = resp.statusCode();
            LOG.debug("{}{} -> {}", verb, uri.getPath(), status);
            if (status >= 200 && status < 300) {
                return resp;
            }
            Optional<Duration> wait = rateLimitWait(resp);
            if (wait.isPresent()) {
                Duration d = wait.get();
                if (d.compareTo(options.maxWait()) > 0 || attempt >= options.maxAttempts()) {
                    throw error(GitHubApiException.Kind.RATE_LIMITED, resp,
                            "GitHub rate limit reached on " + uri.getPath() + "; it clears in " + d.toSeconds()
                                    + " s, longer than Palisade waits. Scan again later.");
                }
                LOG.info("GitHub rate limit on {}: waiting {} s (attempt {} of {})", uri.getPath(), d.toSeconds(),
                        attempt, options.maxAttempts());
                sleeper.sleep(d);
                continue;
            }
            if (status >= 500 && attempt < options.maxAttempts()) {
                LOG.info("GitHub answered {} on {}: retrying", status, uri.getPath());
                sleeper.sleep(Duration.ofSeconds(attempt));
                continue;
            }
            throw error(kindOf(status), resp, null);
        }
    }

    /** How long to wait before retrying, when the response is a primary or secondary rate limit. */
    Optional<Duration> rateLimitWait(HttpResponse<String> resp) {
        int status = resp.statusCode();
        if (status != 403 && status != 429) {
            return Optional.empty();
        }
        Optional<String> retryAfter = resp.headers().firstValue("Retry-After");
        if (retryAfter.isPresent()) {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(1, Long.parseLong(retryAfter.get().strip()))));
            } catch (NumberFormatException e) {
                return Optional.of(SECONDARY_DEFAULT_WAIT);
            }
        }
        if ("0".equals(resp.headers().firstValue("X-RateLimit-Remaining").orElse("").strip())) {
            Optional<String> reset = resp.headers().firstValue("X-RateLimit-Reset");
            if (reset.isPresent()) {
                try {
                    Instant at = Instant.ofEpochSecond(Long.parseLong(reset.get().strip()));
                    Duration d = Duration.between(clock.instant(), at).plusSeconds(1);
                    return Optional.of(d.isNegative() || d.isZero() ? Duration.ofSeconds(1) : d);
                } catch (NumberFormatException e) {
                    return Optional.of(SECONDARY_DEFAULT_WAIT);
                }
            }
            return Optional.of(SECONDARY_DEFAULT_WAIT);
        }
        String msg = githubMessage(resp).toLowerCase(Locale.ROOT);
        if (status == 429 || msg.contains("rate limit")) {
            return Optional.of(SECONDARY_DEFAULT_WAIT);
        }
        return Optional.empty();
    }

    private static GitHubApiException.Kind kindOf(int status) {
        return switch (status) {
            case 401 -> GitHubApiException.Kind.BAD_CREDENTIALS;
            case 403 -> GitHubApiException.Kind.FORBIDDEN;
            case 404 -> GitHubApiException.Kind.NOT_FOUND;
            default -> status >= 500 ? GitHubApiException.Kind.SERVER : GitHubApiException.Kind.REJECTED;
        };
    }

    private GitHubApiException error(GitHubApiException.Kind kind, HttpResponse<String> resp, String message) {
        String gh = githubMessage(resp);
        String path = resp.uri().getPath();
        String m = message != null ? message
                : "GitHub answered " + resp.statusCode() + " on " + resp.request().method() + " " + path
                        + (gh.isEmpty() ? "" : ": " + gh.replaceAll("[.\\s]+$", "")) + ".";
        return new GitHubApiException(kind, resp.statusCode(), path, gh,
                resp.headers().firstValue("X-Accepted-OAuth-Scopes").orElse(null),
                resp.headers().firstValue("X-OAuth-Scopes").orElse(null), m, null);
    }

    private static String githubMessage(HttpResponse<String> resp) {
        try {
            JsonNode n = JSON.readTree(resp.body());
            return n != null && n.hasNonNull("message") ? n.get("message").asText() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private JsonNode parse(HttpResponse<String> resp) throws GitHubApiException {
        try {
            JsonNode n = JSON.readTree(resp.body());
            if (n == null || n.isMissingNode()) {
                throw malformed(resp.uri(), "empty body");
            }
            return n;
        } catch (IOException e) {
            throw malformed(resp.uri(), "not JSON");
        }
    }

    private static GitHubApiException malformed(URI uri, String what) {
        return new GitHubApiException(GitHubApiException.Kind.MALFORMED, 200, uri.getPath(), null, null, null,
                "GitHub answered GET " + uri.getPath() + " with an unexpected body (" + what + ").", null);
    }
}
