package dev.palisade.collect.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AWS endpoint on 127.0.0.1 speaking the real wire formats, for driving the real SDK v2 clients
 * through {@code endpointOverride}: S3 REST-XML (path-style, 301 + {@code x-amz-bucket-region} when a
 * bucket request is signed for the wrong region), S3 Control REST-XML, IAM / STS / RDS query-XML,
 * CloudWatch Logs and ACM JSON 1.1, and IAM Identity Center {@code GetRoleCredentials}.
 *
 * <p>The service and region of a request come from its SigV4 credential scope; the caller is its
 * access key id, which must be {@link #allowKey allowed} (AssumeRole and SSO issue allowed session
 * keys). State is a small mutable model ({@link #bucket}, {@link #user}, {@link #role}, …).
 * Behaviour: {@link #deny}, {@link #throttle}, {@link #throttleRandomly}, {@link #latency},
 * {@link #pageSize}, {@link #credentialReportPolls}. Every request is {@link #calls() recorded}.
 *
 * <p>Extending (e.g. IAM write operations for actions): {@link #on(String, String, Handler)} registers
 * a handler for {@code service:Operation} that takes precedence over the built-in one; build answers
 * with {@link #queryResult}, {@link #queryError}, {@link #json} or {@link #s3Error}.
 */
public final class FakeAwsServer implements AutoCloseable {
    public static final String ACCOUNT = "111122223333";
    public static final String ACCESS_KEY = "AKIAFAKEPALISADE0001";
    public static final String SECRET_KEY = "fake/secret/key/for/tests/only00000000000";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SCOPE = Pattern.compile("Credential=([^/]+)/[0-9]{8}/([^/]+)/([^/]+)/aws4_request");
    private static final Map<String, String> NAMESPACES = Map.of(
            "iam", "https://iam.amazonaws.com/doc/2010-05-08/",
            "sts", "https://sts.amazonaws.com/doc/2011-06-15/",
            "rds", "http://rds.amazonaws.com/doc/2014-10-31/");

    /** One received request. {@code resource} is the bucket, user, role, ARN… the call was about (null for listings). */
    public record Call(String service, String operation, String accessKeyId, String region, String resource,
                       Map<String, String> params, Instant at) {
        public String action() {
            return service + ":" + operation;
        }
    }

    /** A parsed request handed to a {@link Handler}. {@code params}: query-protocol form fields, S3 query, or JSON top-level fields. */
    public record Request(String service, String operation, String accessKeyId, String region, String resource,
                          Map<String, String> params, String bucket, JsonNode json, HttpExchange exchange) {
        public String param(String name) {
            return params.get(name);
        }
    }

    /** A ready answer. */
    public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
        public static Response of(int status, String contentType, String body) {
            return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }

    @FunctionalInterface
    public interface Handler {
        Response handle(Request request) throws Exception;
    }

    // ------------------------------------------------------------------ model

    public static final class FakeBucket {
        public final String name;
        public String region;
        public Instant created = Instant.parse("2023-01-15T10:00:00Z");
        /** AES256, aws:kms, aws:kms:dsse, or null = no default encryption configured. */
        public String sseAlgorithm = "AES256";
        public String kmsKeyId;
        public Boolean bucketKeyEnabled;
        /** null = NoSuchPublicAccessBlockConfiguration. */
        public boolean[] publicAccessBlock = {true, true, true, true};
        /** null = NoSuchBucketPolicy. */
        public String policy;
        public boolean policyPublic;
        /** Enabled, Suspended or null (never enabled). */
        public String versioning = "Enabled";
        public String loggingTarget;
        /** null = NoSuchTagSet. */
        public Map<String, String> tags = new LinkedHashMap<>();
        /** False: ListBuckets omits BucketRegion, as for buckets answered without it. */
        public boolean regionInListing = true;

        FakeBucket(String name, String region) {
            this.name = name;
            this.region = region;
        }
    }

    public static final class FakeKey {
        public final String id;
        public String status = "Active";
        public Instant created = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        public Instant lastUsed;
        public String lastUsedService;
        public String lastUsedRegion;

        FakeKey(String id) {
            this.id = id;
        }
    }

    public static final class FakeUser {
        public final String name;
        public final String userId;
        public Instant created = Instant.parse("2022-03-01T09:00:00Z");
        /** Login profile creation; null = no console password. */
        public Instant passwordCreated;
        public Instant passwordLastUsed;
        public final List<String> mfaDevices = new ArrayList<>();
        public final List<FakeKey> keys = new ArrayList<>();
        public final Map<String, String> tags = new LinkedHashMap<>();
        /** Managed policy ARNs attached to the user. */
        public final List<String> attachedPolicies = new ArrayList<>();
        public final Map<String, String> inlinePolicies = new LinkedHashMap<>();
        public final List<String> groups = new ArrayList<>();
        public final List<String> sshKeys = new ArrayList<>();
        public final List<String> signingCertificates = new ArrayList<>();
        /** Service-specific credential ids, each for {@code codecommit.amazonaws.com}. */
        public final List<String> serviceCredentials = new ArrayList<>();

        FakeUser(String name) {
            this.name = name;
            this.userId = "AIDA" + Integer.toHexString(name.hashCode()).toUpperCase();
        }

        public String arn() {
            return "arn:aws:iam::" + ACCOUNT + ":user/" + name;
        }

        public FakeKey key(String id) {
            FakeKey k = new FakeKey(id);
            keys.add(k);
            return k;
        }
    }

    public record FakeRole(String name, String trustPolicy, Map<String, String> tags) {
        public String arn() {
            return "arn:aws:iam::" + ACCOUNT + ":role/" + name;
        }
    }

    public record FakePolicy(String name, String arn, String document) {
    }

    public record FakeDb(String id, String kind, String region, String engine, boolean encrypted, boolean publiclyAccessible,
                         Map<String, String> tags) {
        public String arn() {
            return "arn:aws:rds:" + region + ":" + ACCOUNT + ":" + ("cluster".equals(kind) ? "cluster:" : "db:") + id;
        }
    }

    public record FakeLogGroup(String name, String region, Integer retentionDays, String kmsKeyId, Map<String, String> tags) {
        public String arn() {
            return "arn:aws:logs:" + region + ":" + ACCOUNT + ":log-group:" + name;
        }
    }

    public record FakeCertificate(String id, String region, String domain, List<String> sans, String type, String status,
                                  Instant notBefore, Instant notAfter, List<String> inUseBy, String renewalEligibility,
                                  String renewalStatus, String keyAlgorithm) {
        public String arn() {
            return "arn:aws:acm:" + region + ":" + ACCOUNT + ":certificate/" + id;
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-aws");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> allowedKeys = ConcurrentHashMap.newKeySet();
    private final Set<String> expiredKeys = ConcurrentHashMap.newKeySet();
    private final Map<String, FakeBucket> buckets = new ConcurrentSkipListMap<>();
    private final Map<String, FakeUser> users = new ConcurrentSkipListMap<>();
    private final Map<String, FakeRole> roles = new ConcurrentSkipListMap<>();
    private final Map<String, FakePolicy> policies = new ConcurrentHashMap<>();
    private final List<FakeDb> databases = new ArrayList<>();
    private final List<FakeLogGroup> logGroups = new ArrayList<>();
    private final List<FakeCertificate> certificates = new ArrayList<>();
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> denied = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> throttles = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Map<String, String> ssoTokens = new ConcurrentHashMap<>();
    private volatile double throttleFraction;
    private volatile Random throttleRandom = new Random(1);
    private volatile Duration latency = Duration.ZERO;
    private volatile int pageSize = 100;
    private volatile int credentialReportPolls;
    private final AtomicInteger reportPollsSeen = new AtomicInteger();
    private final AtomicInteger sessions = new AtomicInteger();
    public volatile String accountPasswordPolicyMinLength = "14";
    public volatile boolean passwordPolicyConfigured = true;
    public volatile boolean[] accountPublicAccessBlock = {true, true, true, true};
    public volatile boolean rootMfa = true;
    public volatile boolean rootKeys;

    private FakeAwsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(pool);
        server.createContext("/", this::exchange);
        allowedKeys.add(ACCESS_KEY);
    }

    public static FakeAwsServer start() throws IOException {
        FakeAwsServer s = new FakeAwsServer();
        s.server.start();
        return s;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    // ------------------------------------------------------------------ configuration API

    public FakeAwsServer allowKey(String accessKeyId) {
        allowedKeys.add(accessKeyId);
        return this;
    }

    /** Requests with this key get {@code ExpiredToken}. */
    public FakeAwsServer expireKey(String accessKeyId) {
        expiredKeys.add(accessKeyId);
        return this;
    }

    /** An SSO access token the portal accepts. */
    public FakeAwsServer ssoToken(String token) {
        ssoTokens.put(token, token);
        return this;
    }

    public FakeBucket bucket(String name, String region) {
        return buckets.computeIfAbsent(name, n -> new FakeBucket(n, region));
    }

    public FakeUser user(String name) {
        return users.computeIfAbsent(name, FakeUser::new);
    }

    public Map<String, FakeUser> users() {
        return users;
    }

    public Map<String, FakeBucket> buckets() {
        return buckets;
    }

    public FakeRole role(String name, String trustPolicy, Map<String, String> tags) {
        FakeRole r = new FakeRole(name, trustPolicy, Map.copyOf(tags));
        roles.put(name, r);
        return r;
    }

    public FakePolicy policy(String name, String document) {
        FakePolicy p = new FakePolicy(name, "arn:aws:iam::" + ACCOUNT + ":policy/" + name, document);
        policies.put(p.arn(), p);
        return p;
    }

    public synchronized FakeDb database(FakeDb db) {
        databases.add(db);
        return db;
    }

    public synchronized FakeLogGroup logGroup(FakeLogGroup g) {
        logGroups.add(g);
        return g;
    }

    public synchronized FakeCertificate certificate(FakeCertificate c) {
        certificates.add(c);
        return c;
    }

    /** {@code service:Operation} (e.g. {@code s3:GetBucketPolicy}) answers AccessDenied, for {@code resource} or, when null, always. */
    public FakeAwsServer deny(String action, String resource) {
        denied.computeIfAbsent(action, a -> ConcurrentHashMap.newKeySet()).add(resource == null ? "*" : resource);
        return this;
    }

    /** The next {@code times} calls of {@code service:Operation} are throttled (S3 503 SlowDown, query 400 Throttling, JSON 400 ThrottlingException). */
    public FakeAwsServer throttle(String action, int times) {
        throttles.computeIfAbsent(action, a -> new AtomicInteger()).addAndGet(times);
        return this;
    }

    /** Throttles this fraction of all requests (except STS and SSO), pseudo-randomly with a fixed seed. */
    public FakeAwsServer throttleRandomly(double fraction, long seed) {
        throttleRandom = new Random(seed);
        throttleFraction = fraction;
        return this;
    }

    public FakeAwsServer latency(Duration perRequest) {
        latency = perRequest;
        return this;
    }

    /** Items per page for every paginated listing. */
    public FakeAwsServer pageSize(int size) {
        pageSize = size;
        return this;
    }

    /** GenerateCredentialReport answers STARTED / INPROGRESS this many times before COMPLETE. */
    public FakeAwsServer credentialReportPolls(int polls) {
        credentialReportPolls = polls;
        return this;
    }

    /** Registers (or replaces) the handler of {@code service:Operation}, e.g. {@code on("iam", "DeleteLoginProfile", …)}. */
    public FakeAwsServer on(String service, String operation, Handler handler) {
        handlers.put(service + ":" + operation, handler);
        return this;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public long count(String action) {
        return calls.stream().filter(c -> c.action().equals(action)).count();
    }

    public void resetCalls() {
        calls.clear();
    }

    // ------------------------------------------------------------------ dispatch

    private void exchange(HttpExchange ex) throws IOException {
        try (ex) {
            Response r;
            try {
                r = dispatch(ex);
            } catch (Exception e) {
                r = Response.of(500, "text/plain", "fake server failure: " + e);
                e.printStackTrace();
            }
            if (!latency.isZero()) {
                try {
                    Thread.sleep(latency.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.getResponseHeaders().add("Content-Type", r.contentType());
            ex.getResponseHeaders().add("x-amz-request-id", UUID.randomUUID().toString());
            ex.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
            if ("HEAD".equals(ex.getRequestMethod()) || r.body().length == 0) {
                ex.sendResponseHeaders(r.status(), -1);
            } else {
                ex.sendResponseHeaders(r.status(), r.body().length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(r.body());
                }
            }
        }
    }

    private Response dispatch(HttpExchange ex) throws Exception {
        byte[] bodyBytes = ex.getRequestBody().readAllBytes();
        String body = new String(bodyBytes, StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getRawPath();
        Map<String, String> query = parseForm(ex.getRequestURI().getRawQuery());

        if (path.startsWith("/federation/credentials")) {
            return sso(ex, query);
        }
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        Matcher m = auth == null ? null : SCOPE.matcher(auth);
        if (m == null || !m.find()) {
            return Response.of(403, "text/xml", "<Error><Code>MissingAuthenticationToken</Code>"
                    + "<Message>Request is missing Authentication Token</Message></Error>");
        }
        String key = m.group(1);
        String region = m.group(2);
        String service = m.group(3);
        String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
        Request req;
        if (target != null) {
            String op = target.substring(target.indexOf('.') + 1);
            String svc = target.startsWith("Logs_") ? "logs" : target.startsWith("CertificateManager") ? "acm" : service;
            JsonNode json = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            Map<String, String> params = new LinkedHashMap<>();
            json.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
            String resource = params.getOrDefault("CertificateArn", params.getOrDefault("resourceArn", params.get("logGroupName")));
            req = new Request(svc, op, key, region, resource, params, null, json, ex);
        } else if ("iam".equals(service) || "sts".equals(service) || "rds".equals(service)) {
            Map<String, String> params = parseForm(body);
            params.putAll(query);
            String op = params.get("Action");
            String resource = params.getOrDefault("UserName", params.getOrDefault("RoleName",
                    params.getOrDefault("PolicyArn", params.getOrDefault("AccessKeyId", params.get("RoleArn")))));
            req = new Request(service, op, key, region, resource, params, null, null, ex);
        } else if (path.startsWith("/v20180820/")) {
            String op = path.endsWith("/configuration/publicAccessBlock") ? ex.getRequestMethod().equals("GET")
                    ? "GetPublicAccessBlock" : ex.getRequestMethod().equals("PUT") ? "PutPublicAccessBlock"
                    : "DeletePublicAccessBlock" : "Unknown";
            String account = ex.getRequestHeaders().getFirst("x-amz-account-id");
            req = new Request("s3control", op, key, region, account, query, null, null, ex);
        } else {
            String[] parts = path.replaceFirst("^/", "").split("/", 2);
            String bucket = parts[0].isEmpty() ? null : URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            String op = s3Operation(ex.getRequestMethod(), bucket, query);
            req = new Request("s3", op, key, region, bucket, query, bucket, null, ex);
        }
        calls.add(new Call(req.service(), req.operation(), key, region, req.resource(), Map.copyOf(req.params()), Instant.now()));

        if (expiredKeys.contains(key)) {
            return error(req, 403, "ExpiredToken", "The security token included in the request is expired");
        }
        if (!allowedKeys.contains(key)) {
            return "s3".equals(req.service()) || "s3control".equals(req.service())
                    ? error(req, 403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.")
                    : "logs".equals(req.service()) || "acm".equals(req.service())
                    ? error(req, 400, "UnrecognizedClientException", "The security token included in the request is invalid.")
                    : error(req, 403, "InvalidClientTokenId", "The security token included in the request is invalid.");
        }
        if (throttled(req)) {
            return "s3".equals(req.service()) ? error(req, 503, "SlowDown", "Please reduce your request rate.")
                    : "logs".equals(req.service()) || "acm".equals(req.service())
                    ? error(req, 400, "ThrottlingException", "Rate exceeded")
                    : error(req, 400, "Throttling", "Rate exceeded");
        }
        Set<String> d = denied.get(req.service() + ":" + req.operation());
        if (d != null && (d.contains("*") || (req.resource() != null && d.contains(req.resource())))) {
            return error(req, "logs".equals(req.service()) || "acm".equals(req.service()) ? 400 : 403,
                    "logs".equals(req.service()) || "acm".equals(req.service()) ? "AccessDeniedException" : "AccessDenied",
                    "User: arn:aws:iam::" + ACCOUNT + ":user/scanner is not authorized to perform: "
                            + req.service() + ":" + req.operation());
        }
        Handler custom = handlers.get(req.service() + ":" + req.operation());
        if (custom != null) {
            return custom.handle(req);
        }
        return switch (req.service()) {
            case "sts" -> sts(req);
            case "iam" -> iam(req);
            case "rds" -> rds(req);
            case "logs" -> logs(req);
            case "acm" -> acm(req);
            case "s3control" -> s3control(req);
            case "s3" -> s3(req);
            default -> error(req, 400, "UnknownService", req.service());
        };
    }

    private boolean throttled(Request req) {
        AtomicInteger n = throttles.get(req.service() + ":" + req.operation());
        if (n != null && n.getAndUpdate(v -> Math.max(0, v - 1)) > 0) {
            return true;
        }
        if (throttleFraction > 0 && !"sts".equals(req.service())) {
            synchronized (this) {
                return throttleRandom.nextDouble() < throttleFraction;
            }
        }
        return false;
    }

    private static String s3Operation(String method, String bucket, Map<String, String> q) {
        if (bucket == null) {
            return "ListBuckets";
        }
        String suffix = q.containsKey("location") ? "Location" : q.containsKey("encryption") ? "Encryption"
                : q.containsKey("publicAccessBlock") ? "PublicAccessBlock" : q.containsKey("policyStatus") ? "PolicyStatus"
                : q.containsKey("policy") ? "Policy" : q.containsKey("versioning") ? "Versioning"
                : q.containsKey("logging") ? "Logging" : q.containsKey("tagging") ? "Tagging" : "";
        if ("PublicAccessBlock".equals(suffix)) {
            return switch (method) {
                case "GET" -> "GetPublicAccessBlock";
                case "PUT" -> "PutPublicAccessBlock";
                default -> "DeletePublicAccessBlock";
            };
        }
        return switch (method) {
            case "GET" -> suffix.isEmpty() ? "ListObjects" : "GetBucket" + suffix;
            case "PUT" -> "PutBucket" + suffix;
            case "DELETE" -> "DeleteBucket" + suffix;
            case "HEAD" -> "HeadBucket";
            default -> method + suffix;
        };
    }

    // ------------------------------------------------------------------ answers: helpers

    public static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String x(String tag, Object value) {
        return value == null ? "" : "<" + tag + ">" + esc(String.valueOf(value)) + "</" + tag + ">";
    }

    /** A query-protocol success: {@code <OpResponse><OpResult>inner</OpResult><ResponseMetadata>…}. */
    public static Response queryResult(String service, String operation, String inner) {
        String ns = NAMESPACES.get(service);
        return Response.of(200, "text/xml", "<?xml version=\"1.0\"?><" + operation + "Response xmlns=\"" + ns + "\">"
                + "<" + operation + "Result>" + inner + "</" + operation + "Result>"
                + "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata></"
                + operation + "Response>");
    }

    public static Response queryError(String service, int status, String code, String message) {
        String ns = NAMESPACES.getOrDefault(service, "");
        return Response.of(status, "text/xml", "<?xml version=\"1.0\"?><ErrorResponse xmlns=\"" + ns + "\"><Error>"
                + "<Type>Sender</Type><Code>" + code + "</Code><Message>" + esc(message) + "</Message></Error>"
                + "<RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>");
    }

    public static Response s3Error(int status, String code, String message) {
        return Response.of(status, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
                + "</Code><Message>" + esc(message) + "</Message><RequestId>" + UUID.randomUUID()
                + "</RequestId></Error>");
    }

    public static Response json(int status, Object body) {
        try {
            return Response.of(status, "application/x-amz-json-1.1", JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response jsonError(int status, String type, String message) {
        ObjectNode n = JSON.createObjectNode().put("__type", type).put("message", message);
        Response r = json(status, n);
        return new Response(r.status(), r.contentType(), r.body(), Map.of("x-amzn-ErrorType", type));
    }

    private static Response error(Request req, int status, String code, String message) {
        return switch (req.service()) {
            case "s3" -> s3Error(status, code, message);
            case "s3control" -> Response.of(status, "application/xml", "<?xml version=\"1.0\"?><ErrorResponse><Error><Code>"
                    + code + "</Code><Message>" + esc(message) + "</Message></Error><RequestId>r</RequestId></ErrorResponse>");
            case "logs", "acm" -> jsonError(status, code, message);
            default -> queryError(req.service(), status, code, message);
        };
    }

    /** Pages {@code all} with an integer marker; returns the page and the next marker (null on the last page). */
    private <T> Map.Entry<List<T>, String> page(Collection<T> all, String marker, String max) {
        List<T> list = new ArrayList<>(all);
        int from = marker == null || marker.isBlank() ? 0 : Integer.parseInt(marker.replace("page-", ""));
        int size = pageSize;
        if (max != null && !max.isBlank()) {
            size = Math.min(size, Integer.parseInt(max));
        }
        int to = Math.min(list.size(), from + size);
        return new java.util.AbstractMap.SimpleImmutableEntry<>(list.subList(from, to), to < list.size() ? "page-" + to : null);
    }

    private static String truncation(String next) {
        return next == null ? "<IsTruncated>false</IsTruncated>" : "<IsTruncated>true</IsTruncated>" + x("Marker", next);
    }

    private static String time(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, String> parseForm(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String kv : raw.split("&")) {
            int i = kv.indexOf('=');
            String k = URLDecoder.decode(i < 0 ? kv : kv.substring(0, i), StandardCharsets.UTF_8);
            String v = i < 0 ? "" : URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    // ------------------------------------------------------------------ STS and SSO

    private Response sts(Request req) {
        return switch (req.operation()) {
            case "GetCallerIdentity" -> queryResult("sts", "GetCallerIdentity", x("Arn", "arn:aws:iam::" + ACCOUNT
                    + ":user/scanner") + x("UserId", "AIDASCANNER") + x("Account", ACCOUNT));
            case "AssumeRole" -> {
                String id = "ASIAFAKESESSION" + String.format("%05d", sessions.incrementAndGet());
                allowedKeys.add(id);
                String role = req.param("RoleArn");
                yield queryResult("sts", "AssumeRole", "<Credentials>" + x("AccessKeyId", id)
                        + x("SecretAccessKey", "sessionsecret" + id) + x("SessionToken", "token-" + id)
                        + x("Expiration", time(Instant.now().plus(1, ChronoUnit.HOURS))) + "</Credentials>"
                        + "<AssumedRoleUser>" + x("AssumedRoleId", "AROAFAKE:" + req.param("RoleSessionName"))
                        + x("Arn", role.replace(":role/", ":assumed-role/").replace("arn:aws:iam", "arn:aws:sts") + "/"
                        + req.param("RoleSessionName")) + "</AssumedRoleUser>");
            }
            default -> queryError("sts", 400, "InvalidAction", req.operation());
        };
    }

    private Response sso(HttpExchange ex, Map<String, String> q) {
        String token = ex.getRequestHeaders().getFirst("x-amz-sso_bearer_token");
        calls.add(new Call("sso", "GetRoleCredentials", null, null, q.get("role_name"), Map.copyOf(q), Instant.now()));
        if (token == null || !ssoTokens.containsKey(token)) {
            Response r = json(401, JSON.createObjectNode().put("message", "Session token not found or invalid"));
            return new Response(401, "application/json", r.body(), Map.of("x-amzn-ErrorType", "UnauthorizedException"));
        }
        String id = "ASIAFAKESSO" + String.format("%05d", sessions.incrementAndGet());
        allowedKeys.add(id);
        ObjectNode creds = JSON.createObjectNode().put("accessKeyId", id).put("secretAccessKey", "ssosecret" + id)
                .put("sessionToken", "ssotoken-" + id)
                .put("expiration", Instant.now().plus(1, ChronoUnit.HOURS).toEpochMilli());
        ObjectNode root = JSON.createObjectNode();
        root.set("roleCredentials", creds);
        Response r = json(200, root);
        return new Response(200, "application/json", r.body(), Map.of());
    }

    // ------------------------------------------------------------------ IAM

    private FakeUser userOf(Request req) {
        return users.get(req.param("UserName"));
    }

    private Response noSuchUser(Request req) {
        return queryError("iam", 404, "NoSuchEntity", "The user with name " + req.param("UserName") + " cannot be found.");
    }

    private Response iam(Request req) {
        String op = req.operation();
        switch (op) {
            case "ListUsers" -> {
                var p = page(users.values(), req.param("Marker"), req.param("MaxItems"));
                StringBuilder sb = new StringBuilder("<Users>");
                for (FakeUser u : p.getKey()) {
                    sb.append("<member>").append(x("Path", "/")).append(x("UserName", u.name)).append(x("UserId", u.userId))
                            .append(x("Arn", u.arn())).append(x("CreateDate", time(u.created)))
                            .append(x("PasswordLastUsed", time(u.passwordLastUsed))).append("</member>");
                }
                return queryResult("iam", op, sb.append("</Users>").append(truncation(p.getValue())).toString());
            }
            case "ListRoles" -> {
                var p = page(roles.values(), req.param("Marker"), req.param("MaxItems"));
                StringBuilder sb = new StringBuilder("<Roles>");
                for (FakeRole r : p.getKey()) {
                    sb.append("<member>").append(x("Path", "/")).append(x("RoleName", r.name())).append(x("RoleId", "AROA" + r.name().hashCode()))
                            .append(x("Arn", r.arn())).append(x("CreateDate", "2022-01-01T00:00:00Z"))
                            .append(x("AssumeRolePolicyDocument", urlEncode(r.trustPolicy()))).append("</member>");
                }
                return queryResult("iam", op, sb.append("</Roles>").append(truncation(p.getValue())).toString());
            }
            case "ListRoleTags" -> {
                FakeRole r = roles.get(req.param("RoleName"));
                if (r == null) {
                    return queryError("iam", 404, "NoSuchEntity", "role");
                }
                return tagList(req, r.tags());
            }
            case "GetAccountPasswordPolicy" -> {
                if (!passwordPolicyConfigured) {
                    return queryError("iam", 404, "NoSuchEntity", "The Password Policy with domain name " + ACCOUNT + " cannot be found.");
                }
                return queryResult("iam", op, "<PasswordPolicy>" + x("MinimumPasswordLength", accountPasswordPolicyMinLength)
                        + x("RequireSymbols", true) + x("RequireNumbers", true) + x("RequireUppercaseCharacters", true)
                        + x("RequireLowercaseCharacters", false) + x("AllowUsersToChangePassword", true)
                        + x("ExpirePasswords", false) + x("PasswordReusePrevention", 5) + "</PasswordPolicy>");
            }
            case "GetAccountSummary" -> {
                return queryResult("iam", op, "<SummaryMap><entry><key>AccountMFAEnabled</key><value>" + (rootMfa ? 1 : 0)
                        + "</value></entry><entry><key>AccountAccessKeysPresent</key><value>" + (rootKeys ? 1 : 0)
                        + "</value></entry><entry><key>Users</key><value>" + users.size() + "</value></entry></SummaryMap>");
            }
            case "GenerateCredentialReport" -> {
                int seen = reportPollsSeen.getAndIncrement();
                String state = seen < credentialReportPolls ? (seen == 0 ? "STARTED" : "INPROGRESS") : "COMPLETE";
                return queryResult("iam", op, x("State", state) + x("Description", "report " + state));
            }
            case "GetCredentialReport" -> {
                if (reportPollsSeen.get() <= credentialReportPolls) {
                    return queryError("iam", 410, "ReportNotPresent", "Credential report not present");
                }
                String csv = credentialReportCsv();
                return queryResult("iam", op, x("Content", Base64.getEncoder().encodeToString(csv.getBytes(StandardCharsets.UTF_8)))
                        + x("ReportFormat", "text/csv") + x("GeneratedTime", time(Instant.now())));
            }
            case "GetPolicy" -> {
                FakePolicy p = policies.get(req.param("PolicyArn"));
                if (p == null) {
                    return queryError("iam", 404, "NoSuchEntity", "policy");
                }
                return queryResult("iam", op, "<Policy>" + x("PolicyName", p.name()) + x("Arn", p.arn())
                        + x("DefaultVersionId", "v3") + "</Policy>");
            }
            case "GetPolicyVersion" -> {
                FakePolicy p = policies.get(req.param("PolicyArn"));
                if (p == null || !"v3".equals(req.param("VersionId"))) {
                    return queryError("iam", 404, "NoSuchEntity", "policy version");
                }
                return queryResult("iam", op, "<PolicyVersion>" + x("Document", urlEncode(p.document())) + x("VersionId", "v3")
                        + x("IsDefaultVersion", true) + "</PolicyVersion>");
            }
            case "GetAccessKeyLastUsed" -> {
                for (FakeUser u : users.values()) {
                    for (FakeKey k : u.keys) {
                        if (k.id.equals(req.param("AccessKeyId"))) {
                            return queryResult("iam", op, x("UserName", u.name) + "<AccessKeyLastUsed>"
                                    + x("LastUsedDate", time(k.lastUsed))
                                    + x("ServiceName", k.lastUsedService == null ? "N/A" : k.lastUsedService)
                                    + x("Region", k.lastUsedRegion == null ? "N/A" : k.lastUsedRegion) + "</AccessKeyLastUsed>");
                        }
                    }
                }
                return queryError("iam", 404, "NoSuchEntity", "access key");
            }
            default -> {
                // per-user operations
            }
        }
        FakeUser u = userOf(req);
        if (u == null) {
            return req.param("UserName") == null ? queryError("iam", 400, "InvalidAction", op) : noSuchUser(req);
        }
        return switch (op) {
            case "ListUserTags" -> tagList(req, u.tags);
            case "ListMFADevices" -> list(req, op, "MFADevices", u.mfaDevices,
                    s -> x("UserName", u.name) + x("SerialNumber", s) + x("EnableDate", "2023-01-01T00:00:00Z"));
            case "GetLoginProfile" -> u.passwordCreated == null
                    ? queryError("iam", 404, "NoSuchEntity", "Login Profile for User " + u.name + " cannot be found.")
                    : queryResult("iam", op, "<LoginProfile>" + x("UserName", u.name) + x("CreateDate", time(u.passwordCreated))
                    + x("PasswordResetRequired", false) + "</LoginProfile>");
            case "ListAccessKeys" -> list(req, op, "AccessKeyMetadata", u.keys,
                    k -> x("UserName", u.name) + x("AccessKeyId", k.id) + x("Status", k.status) + x("CreateDate", time(k.created)));
            case "ListAttachedUserPolicies" -> list(req, op, "AttachedPolicies", u.attachedPolicies,
                    a -> x("PolicyName", a.substring(a.lastIndexOf('/') + 1)) + x("PolicyArn", a));
            case "ListUserPolicies" -> list(req, op, "PolicyNames", new ArrayList<>(u.inlinePolicies.keySet()), null);
            case "GetUserPolicy" -> {
                String doc = u.inlinePolicies.get(req.param("PolicyName"));
                yield doc == null ? queryError("iam", 404, "NoSuchEntity", "policy")
                        : queryResult("iam", op, x("UserName", u.name) + x("PolicyName", req.param("PolicyName"))
                        + x("PolicyDocument", urlEncode(doc)));
            }
            case "ListGroupsForUser" -> list(req, op, "Groups", u.groups, g -> x("Path", "/") + x("GroupName", g)
                    + x("GroupId", "AGPA" + Math.abs(g.hashCode())) + x("Arn", "arn:aws:iam::" + ACCOUNT + ":group/" + g)
                    + x("CreateDate", "2022-01-01T00:00:00Z"));
            case "ListSigningCertificates" -> list(req, op, "Certificates", u.signingCertificates,
                    c -> x("UserName", u.name) + x("CertificateId", c) + x("CertificateBody", "-----BEGIN CERTIFICATE-----")
                            + x("Status", "Active") + x("UploadDate", "2023-01-01T00:00:00Z"));
            case "ListSSHPublicKeys" -> list(req, op, "SSHPublicKeys", u.sshKeys,
                    k -> x("UserName", u.name) + x("SSHPublicKeyId", k) + x("Status", "Active") + x("UploadDate", "2023-01-01T00:00:00Z"));
            case "ListServiceSpecificCredentials" -> {
                StringBuilder sb = new StringBuilder("<ServiceSpecificCredentials>");
                for (String c : u.serviceCredentials) {
                    sb.append("<member>").append(x("UserName", u.name)).append(x("Status", "Active"))
                            .append(x("ServiceUserName", u.name + "-at-" + ACCOUNT)).append(x("CreateDate", "2023-01-01T00:00:00Z"))
                            .append(x("ServiceSpecificCredentialId", c)).append(x("ServiceName", "codecommit.amazonaws.com"))
                            .append("</member>");
                }
                yield queryResult("iam", op, sb.append("</ServiceSpecificCredentials>").toString());
            }
            default -> queryError("iam", 400, "InvalidAction", "Could not find operation " + op);
        };
    }

    private <T> Response list(Request req, String op, String element, List<T> items, Function<T, String> member) {
        var p = page(items, req.param("Marker"), req.param("MaxItems"));
        StringBuilder sb = new StringBuilder("<" + element + ">");
        for (T t : p.getKey()) {
            sb.append("<member>").append(member == null ? esc(String.valueOf(t)) : member.apply(t)).append("</member>");
        }
        return queryResult("iam", op, sb.append("</").append(element).append(">").append(truncation(p.getValue())).toString());
    }

    private Response tagList(Request req, Map<String, String> tags) {
        return list(req, req.operation(), "Tags", new ArrayList<>(tags.entrySet()),
                e -> x("Key", e.getKey()) + x("Value", e.getValue()));
    }

    /** The credential report as IAM builds it from the current model. */
    public String credentialReportCsv() {
        StringBuilder sb = new StringBuilder("user,arn,user_creation_time,password_enabled,password_last_used,"
                + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
                + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
                + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,"
                + "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n");
        sb.append("<root_account>,arn:aws:iam::").append(ACCOUNT).append(":root,2020-01-01T00:00:00+00:00,not_supported,")
                .append("2026-11-30T08:00:00+00:00,not_supported,not_supported,").append(rootMfa ? "true" : "false").append(',')
                .append(rootKeys ? "true" : "false").append(",N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n");
        for (FakeUser u : users.values()) {
            sb.append(u.name).append(',').append(u.arn()).append(',').append(iso(u.created)).append(',')
                    .append(u.passwordCreated != null ? "TRUE" : "false").append(',')
                    .append(u.passwordCreated == null ? "N/A" : u.passwordLastUsed == null ? "no_information" : iso(u.passwordLastUsed)).append(',')
                    .append(u.passwordCreated == null ? "N/A" : iso(u.passwordCreated)).append(",N/A,")
                    .append(u.mfaDevices.isEmpty() ? "false" : "true");
            for (int i = 0; i < 2; i++) {
                FakeKey k = i < u.keys.size() ? u.keys.get(i) : null;
                if (k == null) {
                    sb.append(",false,N/A,N/A,N/A,N/A");
                } else {
                    sb.append(',').append(k.status.equals("Active")).append(',').append(iso(k.created)).append(',')
                            .append(k.lastUsed == null ? "N/A" : iso(k.lastUsed)).append(',')
                            .append(k.lastUsedRegion == null ? "N/A" : k.lastUsedRegion).append(',')
                            .append(k.lastUsedService == null ? "N/A" : k.lastUsedService);
                }
            }
            sb.append(",false,N/A,false,N/A\n");
        }
        return sb.toString();
    }

    private static String iso(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "+00:00");
    }

    // ------------------------------------------------------------------ RDS

    private Response rds(Request req) {
        boolean clusters = "DescribeDBClusters".equals(req.operation());
        if (!clusters && !"DescribeDBInstances".equals(req.operation())) {
            return queryError("rds", 400, "InvalidAction", req.operation());
        }
        List<FakeDb> mine;
        synchronized (this) {
            mine = databases.stream().filter(d -> d.region().equals(req.region()))
                    .filter(d -> clusters == "cluster".equals(d.kind())).toList();
        }
        var p = page(mine, req.param("Marker"), req.param("MaxRecords"));
        String el = clusters ? "DBCluster" : "DBInstance";
        StringBuilder sb = new StringBuilder("<" + el + "s>");
        for (FakeDb d : p.getKey()) {
            sb.append("<").append(el).append(">")
                    .append(x(clusters ? "DBClusterIdentifier" : "DBInstanceIdentifier", d.id()))
                    .append(x(clusters ? "DBClusterArn" : "DBInstanceArn", d.arn()))
                    .append(x("Engine", d.engine())).append(x("StorageEncrypted", d.encrypted()))
                    .append(x("PubliclyAccessible", d.publiclyAccessible())).append("<TagList>");
            d.tags().forEach((k, v) -> sb.append("<Tag>").append(x("Key", k)).append(x("Value", v)).append("</Tag>"));
            sb.append("</TagList></").append(el).append(">");
        }
        sb.append("</").append(el).append("s>").append(x("Marker", p.getValue()));
        return queryResult("rds", req.operation(), sb.toString());
    }

    // ------------------------------------------------------------------ CloudWatch Logs and ACM

    private Response logs(Request req) {
        switch (req.operation()) {
            case "DescribeLogGroups" -> {
                List<FakeLogGroup> mine;
                synchronized (this) {
                    mine = logGroups.stream().filter(g -> g.region().equals(req.region())).toList();
                }
                var p = page(mine, req.param("nextToken"), req.param("limit"));
                ObjectNode root = JSON.createObjectNode();
                ArrayNode arr = root.putArray("logGroups");
                for (FakeLogGroup g : p.getKey()) {
                    ObjectNode n = arr.addObject().put("logGroupName", g.name()).put("arn", g.arn() + ":*")
                            .put("logGroupArn", g.arn()).put("creationTime", 1_700_000_000_000L).put("storedBytes", 0);
                    if (g.retentionDays() != null) {
                        n.put("retentionInDays", g.retentionDays());
                    }
                    if (g.kmsKeyId() != null) {
                        n.put("kmsKeyId", g.kmsKeyId());
                    }
                }
                if (p.getValue() != null) {
                    root.put("nextToken", p.getValue());
                }
                return json(200, root);
            }
            case "ListTagsForResource" -> {
                String arn = req.param("resourceArn");
                synchronized (this) {
                    for (FakeLogGroup g : logGroups) {
                        if (g.arn().equals(arn)) {
                            ObjectNode root = JSON.createObjectNode();
                            ObjectNode tags = root.putObject("tags");
                            g.tags().forEach(tags::put);
                            return json(200, root);
                        }
                    }
                }
                return jsonError(400, "ResourceNotFoundException", "The specified log group does not exist.");
            }
            default -> {
                return jsonError(400, "UnknownOperationException", req.operation());
            }
        }
    }

    private Response acm(Request req) {
        switch (req.operation()) {
            case "ListCertificates" -> {
                JsonNode keyTypes = req.json().path("Includes").path("keyTypes");
                List<String> wanted = new ArrayList<>();
                keyTypes.forEach(k -> wanted.add(k.asText()));
                List<FakeCertificate> mine;
                synchronized (this) {
                    mine = certificates.stream().filter(c -> c.region().equals(req.region()))
                            .filter(c -> wanted.isEmpty() ? Set.of("RSA_1024", "RSA_2048").contains(c.keyAlgorithm().replace('-', '_'))
                                    : wanted.contains(c.keyAlgorithm().replace('-', '_'))).toList();
                }
                var p = page(mine, req.param("NextToken"), req.param("MaxItems"));
                ObjectNode root = JSON.createObjectNode();
                ArrayNode arr = root.putArray("CertificateSummaryList");
                for (FakeCertificate c : p.getKey()) {
                    arr.addObject().put("CertificateArn", c.arn()).put("DomainName", c.domain()).put("Type", c.type())
                            .put("Status", c.status()).put("InUse", !c.inUseBy().isEmpty())
                            .put("NotAfter", c.notAfter().getEpochSecond()).put("RenewalEligibility", c.renewalEligibility())
                            .put("KeyAlgorithm", c.keyAlgorithm());
                }
                if (p.getValue() != null) {
                    root.put("NextToken", p.getValue());
                }
                return json(200, root);
            }
            case "DescribeCertificate" -> {
                String arn = req.param("CertificateArn");
                FakeCertificate c;
                synchronized (this) {
                    c = certificates.stream().filter(x -> x.arn().equals(arn)).findFirst().orElse(null);
                }
                if (c == null) {
                    return jsonError(400, "ResourceNotFoundException", "Could not find certificate " + arn);
                }
                ObjectNode root = JSON.createObjectNode();
                ObjectNode n = root.putObject("Certificate").put("CertificateArn", c.arn()).put("DomainName", c.domain())
                        .put("Type", c.type()).put("Status", c.status()).put("NotBefore", c.notBefore().getEpochSecond())
                        .put("NotAfter", c.notAfter().getEpochSecond()).put("RenewalEligibility", c.renewalEligibility())
                        .put("KeyAlgorithm", c.keyAlgorithm());
                ArrayNode sans = n.putArray("SubjectAlternativeNames");
                c.sans().forEach(sans::add);
                ArrayNode inUse = n.putArray("InUseBy");
                c.inUseBy().forEach(inUse::add);
                if (c.renewalStatus() != null) {
                    n.putObject("RenewalSummary").put("RenewalStatus", c.renewalStatus())
                            .put("UpdatedAt", Instant.now().getEpochSecond()).putArray("DomainValidationOptions");
                }
                return json(200, root);
            }
            default -> {
                return jsonError(400, "UnknownOperationException", req.operation());
            }
        }
    }

    // ------------------------------------------------------------------ S3 and S3 Control

    private Response s3control(Request req) {
        if (!"GetPublicAccessBlock".equals(req.operation())) {
            return error(req, 400, "NotImplemented", req.operation());
        }
        if (!ACCOUNT.equals(req.resource())) {
            return error(req, 403, "AccessDenied", "account id " + req.resource() + " is not the caller's");
        }
        boolean[] b = accountPublicAccessBlock;
        if (b == null) {
            return error(req, 404, "NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found");
        }
        return Response.of(200, "application/xml", "<?xml version=\"1.0\"?><PublicAccessBlockConfiguration "
                + "xmlns=\"http://awss3control.amazonaws.com/doc/2018-08-20/\">" + pabXml(b) + "</PublicAccessBlockConfiguration>");
    }

    private static String pabXml(boolean[] b) {
        return x("BlockPublicAcls", b[0]) + x("IgnorePublicAcls", b[1]) + x("BlockPublicPolicy", b[2])
                + x("RestrictPublicBuckets", b[3]);
    }

    private static Response s3Xml(String xml) {
        return Response.of(200, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml);
    }

    private static final String S3NS = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";

    private Response s3(Request req) {
        if ("ListBuckets".equals(req.operation())) {
            var p = page(buckets.values(), req.param("continuation-token"), req.param("max-buckets"));
            StringBuilder sb = new StringBuilder("<ListAllMyBucketsResult" + S3NS + "><Owner><ID>owner</ID></Owner><Buckets>");
            for (FakeBucket b : p.getKey()) {
                sb.append("<Bucket>").append(x("Name", b.name)).append(x("CreationDate", b.created.toString()))
                        .append(b.regionInListing ? x("BucketRegion", b.region) : "").append("</Bucket>");
            }
            sb.append("</Buckets>").append(x("ContinuationToken", p.getValue())).append("</ListAllMyBucketsResult>");
            return s3Xml(sb.toString());
        }
        FakeBucket b = buckets.get(req.bucket());
        if (b == null) {
            return s3Error(404, "NoSuchBucket", "The specified bucket does not exist");
        }
        if ("GetBucketLocation".equals(req.operation())) {
            return s3Xml("<LocationConstraint" + S3NS + ">" + ("us-east-1".equals(b.region) ? "" : esc(b.region))
                    + "</LocationConstraint>");
        }
        if (!b.region.equals(req.region())) {
            Response r = s3Error(301, "PermanentRedirect", "The bucket you are attempting to access must be addressed "
                    + "using the specified endpoint.");
            return new Response(301, r.contentType(), r.body(), Map.of("x-amz-bucket-region", b.region));
        }
        return switch (req.operation()) {
            case "GetBucketEncryption" -> b.sseAlgorithm == null
                    ? s3Error(404, "ServerSideEncryptionConfigurationNotFoundError", "The server side encryption configuration was not found")
                    : s3Xml("<ServerSideEncryptionConfiguration" + S3NS + "><Rule><ApplyServerSideEncryptionByDefault>"
                    + x("SSEAlgorithm", b.sseAlgorithm) + x("KMSMasterKeyID", b.kmsKeyId)
                    + "</ApplyServerSideEncryptionByDefault>" + x("BucketKeyEnabled", b.bucketKeyEnabled)
                    + "</Rule></ServerSideEncryptionConfiguration>");
            case "GetPublicAccessBlock" -> b.publicAccessBlock == null
                    ? s3Error(404, "NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found")
                    : s3Xml("<PublicAccessBlockConfiguration" + S3NS + ">" + pabXml(b.publicAccessBlock)
                    + "</PublicAccessBlockConfiguration>");
            case "GetBucketPolicy" -> b.policy == null
                    ? s3Error(404, "NoSuchBucketPolicy", "The bucket policy does not exist")
                    : Response.of(200, "application/json", b.policy);
            case "GetBucketPolicyStatus" -> b.policy == null
                    ? s3Error(404, "NoSuchBucketPolicy", "The bucket policy does not exist")
                    : s3Xml("<PolicyStatus" + S3NS + ">" + x("IsPublic", b.policyPublic) + "</PolicyStatus>");
            case "GetBucketVersioning" -> s3Xml("<VersioningConfiguration" + S3NS + ">" + x("Status", b.versioning)
                    + "</VersioningConfiguration>");
            case "GetBucketLogging" -> s3Xml("<BucketLoggingStatus" + S3NS + ">" + (b.loggingTarget == null ? ""
                    : "<LoggingEnabled>" + x("TargetBucket", b.loggingTarget) + x("TargetPrefix", b.name + "/")
                    + "</LoggingEnabled>") + "</BucketLoggingStatus>");
            case "GetBucketTagging" -> {
                if (b.tags == null) {
                    yield s3Error(404, "NoSuchTagSet", "The TagSet does not exist");
                }
                StringBuilder sb = new StringBuilder("<Tagging" + S3NS + "><TagSet>");
                b.tags.forEach((k, v) -> sb.append("<Tag>").append(x("Key", k)).append(x("Value", v)).append("</Tag>"));
                yield s3Xml(sb.append("</TagSet></Tagging>").toString());
            }
            default -> s3Error(501, "NotImplemented", req.operation());
        };
    }
}
