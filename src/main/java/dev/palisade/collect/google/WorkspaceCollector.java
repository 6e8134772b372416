package dev.palisade.collect.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.palisade.collect.Collector;
import dev.palisade.collect.CollectorResult;
import dev.palisade.collect.ScanProgress;
import dev.palisade.core.Fact;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.inventory.Inventory;
import dev.palisade.core.inventory.WorkspaceDirectory;
import dev.palisade.core.inventory.WorkspaceUser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the Google Workspace directory through the Admin SDK Directory API {@code users.list}
 * ({@code customer=my_customer}, paged, read-only scope) into a {@link WorkspaceDirectory}. Retries
 * 429 and 5xx with backoff (honouring {@code Retry-After}); every call has a timeout. A failure is an
 * ERROR source and an unknown {@link Fact} whose message says what to fix, never an empty directory.
 */
public final class WorkspaceCollector implements Collector {
    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceCollector.class);
    public static final String SOURCE = "google";
    static final String FIELDS = "nextPageToken,users(primaryEmail,name/fullName,suspended,archived,isAdmin,"
            + "isDelegatedAdmin,isEnrolledIn2Sv,isEnforcedIn2Sv,lastLoginTime,creationTime,aliases)";
    private static final Instant NEVER = Instant.EPOCH;
    private static final int MAX_ATTEMPTS = 4;
    private static final int MAX_PAGES = 1_000;

    private final String domain;
    private final URI directoryUrl;
    private final AccessTokenSource tokens;
    private final Duration timeout;
    private final Duration backoff;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param directoryUrl {@code google.directoryUrl} ({@code https://admin.googleapis.com})
     * @param timeout      connect and per-request timeout
     * @param backoff      first retry delay; doubles per attempt
     */
    public WorkspaceCollector(String domain, URI directoryUrl, AccessTokenSource tokens, Duration timeout,
                              Duration backoff) {
        this.domain = domain;
        this.directoryUrl = directoryUrl;
        this.tokens = tokens;
        this.timeout = timeout;
        this.backoff = backoff;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public WorkspaceCollector(String domain, URI directoryUrl, AccessTokenSource tokens) {
        this(domain, directoryUrl, tokens, Duration.ofSeconds(20), Duration.ofSeconds(1));
    }

    @Override
    public String kind() {
        return "google";
    }

    @Override
    public CollectorResult collect(ScanProgress progress) throws InterruptedException {
        long start = System.nanoTime();
        int[] calls = {0};
        progress.update(SOURCE, -1, "Reading the Workspace directory");
        Fact<List<WorkspaceUser>> users;
        SourceState state;
        String error = null;
        try {
            users = Fact.known(List.copyOf(listUsers(calls, progress)));
            state = SourceState.OK;
        } catch (DirectoryAccessException e) {
            error = e.getMessage();
            users = Fact.unknown(error);
            state = SourceState.ERROR;
            LOG.warn("Workspace directory not read: {}", error);
        }
        var status = new SourceStatus(SOURCE, state, error, calls[0], (System.nanoTime() - start) / 1_000_000);
        progress.finished(status);
        var inv = new Inventory(List.of(), null, new WorkspaceDirectory(domain, users), null, null);
        return new CollectorResult(inv, List.of(status));
    }

    private List<WorkspaceUser> listUsers(int[] calls, ScanProgress progress)
            throws DirectoryAccessException, InterruptedException {
        List<WorkspaceUser> out = new ArrayList<>();
        String pageToken = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String base = directoryUrl.toString().replaceAll("/+$", "");
            String url = base + "/admin/directory/v1/users?customer=my_customer&maxResults=500&orderBy=email"
                    + "&projection=basic&fields=" + enc(FIELDS)
                    + (pageToken == null ? "" : "&pageToken=" + enc(pageToken));
            JsonNode body = get(URI.create(url), calls, out.size());
            for (JsonNode u : body.path("users")) {
                out.add(user(u));
            }
            progress.update(SOURCE, -1, out.size() + " users read");
            pageToken = body.path("nextPageToken").asText(null);
            if (pageToken == null || pageToken.isEmpty()) {
                return out;
            }
        }
        throw new DirectoryAccessException("The Directory API kept returning pages after " + MAX_PAGES
                + " pages; stopped so the scan ends.");
    }

    private JsonNode get(URI url, int[] calls, int readSoFar) throws DirectoryAccessException, InterruptedException {
        String token = tokens.accessToken();
        Duration delay = backoff;
        for (int attempt = 1; ; attempt++) {
            calls[0]++;
            HttpResponse<String> r;
            try {
                r = http.send(HttpRequest.newBuilder(url).timeout(timeout).header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt < MAX_ATTEMPTS) {
                    Thread.sleep(delay.toMillis());
                    delay = delay.multipliedBy(2);
                    continue;
                }
                throw new DirectoryAccessException("Cannot reach the Directory API at " + url.getHost() + " ("
                        + e.getClass().getSimpleName() + ") after " + attempt + " attempts; check the network"
                        + progressNote(readSoFar) + ".");
            }
            int s = r.statusCode();
            if (s == 200) {
                try {
                    return json.readTree(r.body());
                } catch (IOException e) {
                    throw new DirectoryAccessException("The Directory API returned a response that is not JSON.");
                }
            }
            if ((s == 429 || s >= 500) && attempt < MAX_ATTEMPTS) {
                Duration wait = r.headers().firstValue("Retry-After").flatMap(WorkspaceCollector::seconds)
                        .map(d -> d.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : d).orElse(delay);
                Thread.sleep(wait.toMillis());
                delay = delay.multipliedBy(2);
                continue;
            }
            throw new DirectoryAccessException(explain(s, r.body(), attempt) + progressNote(readSoFar) + ".");
        }
    }

    private String explain(int status, String body, int attempts) {
        String message = "";
        String reason = "";
        try {
            JsonNode e = json.readTree(body).path("error");
            message = e.path("message").asText("");
            reason = e.path("errors").path(0).path("reason").asText("");
            for (JsonNode d : e.path("details")) {
                if (d.has("reason")) {
                    reason = reason + " " + d.get("reason").asText();
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Google's JSON error shape: the status alone speaks
        }
        String lower = (message + " " + reason).toLowerCase(java.util.Locale.ROOT);
        if (status == 401) {
            return "Google rejected the access token for the Directory API (HTTP 401); the sign-in was revoked or "
                    + "expired, so sign in again in the Palisade app";
        }
        if (status == 403 && (lower.contains("scope") || lower.contains("insufficientpermissions"))) {
            return "users.list was denied: the sign-in lacks the scope admin.directory.user.readonly "
                    + "(HTTP 403, insufficient scopes); sign out and sign in again, and allow \"View users on your domain\"";
        }
        if (status == 403) {
            return "users.list was denied (HTTP 403" + (message.isEmpty() ? "" : ": " + message) + "); the signed-in "
                    + "account must be a Workspace super admin or hold an admin role with the Users › Read privilege, "
                    + "and the Admin SDK API must be enabled for the OAuth client's Cloud project";
        }
        if (status == 400 && lower.contains("customer")) {
            return "users.list was refused (HTTP 400: " + message + "); the signed-in account is not in a Workspace customer";
        }
        if (status == 429 || status >= 500) {
            return "The Directory API kept answering HTTP " + status + " after " + attempts
                    + " attempts (rate limit or outage); run the scan again later";
        }
        return "users.list failed with HTTP " + status + (message.isEmpty() ? "" : ": " + message);
    }

    private static String progressNote(int readSoFar) {
        return readSoFar == 0 ? "" : " (stopped after " + readSoFar + " users; the directory is incomplete, so no "
                + "Workspace result is shown)";
    }

    private static java.util.Optional<Duration> seconds(String v) {
        try {
            return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim()))));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static WorkspaceUser user(JsonNode u) {
        List<String> aliases = new ArrayList<>();
        u.path("aliases").forEach(a -> aliases.add(a.asText()));
        Instant last = time(u.path("lastLoginTime").asText(null));
        return new WorkspaceUser(u.path("primaryEmail").asText(), u.path("name").path("fullName").asText(null),
                u.path("suspended").asBoolean(false), u.path("archived").asBoolean(false),
                u.path("isAdmin").asBoolean(false), u.path("isDelegatedAdmin").asBoolean(false),
                bool(u, "isEnrolledIn2Sv"), bool(u, "isEnforcedIn2Sv"),
                last == null || !last.isAfter(NEVER) ? null : last, // 1970-01-01 means never logged in
                time(u.path("creationTime").asText(null)), List.copyOf(aliases));
    }

    private static Boolean bool(JsonNode u, String field) {
        return u.has(field) && !u.get(field).isNull() ? u.get(field).asBoolean() : null;
    }

    private static Instant time(String v) {
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "WorkspaceCollector[" + domain + ", " + directoryUrl + "]";
    }
}
