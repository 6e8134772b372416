package dev.palisade.collect.tls;

import dev.palisade.collect.Collector;
import dev.palisade.collect.CollectorResult;
import dev.palisade.collect.ScanProgress;
import dev.palisade.core.Fact;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.config.DomainConfig;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.core.inventory.CertificateInfo;
import dev.palisade.core.inventory.HttpRedirect;
import dev.palisade.core.inventory.HttpRedirect.HttpHop;
import dev.palisade.core.inventory.Inventory;
import dev.palisade.core.inventory.TlsEndpoint;
import dev.palisade.core.inventory.TlsInventory;
import dev.palisade.core.inventory.TlsProbe;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the live TLS endpoints of {@code domains:}. For each entry: resolve every address through
 * {@link InetAddress} (so the JVM's hosts file and the OS resolver apply), open one TLS connection per
 * address with SNI, capture the presented chain whatever its validity, validate it separately (JDK CAs
 * plus {@code tls.extraTrustedCertificates}), read the {@code Strict-Transport-Security} header of
 * {@code GET /} on that connection, and ask {@code http://HOST/} (port 80) whether it redirects to HTTPS.
 *
 * <p>Every endpoint has one hard deadline ({@code tls.connectTimeoutSeconds}) covering DNS, connect,
 * handshake and HTTP reads of all its addresses and of the redirect check, which run in parallel; a
 * watchdog closes sockets at the deadline so servers that never answer or trickle bytes cannot hold the
 * scan. Endpoints run on a bounded pool.
 */
public final class TlsCollector implements Collector {
    private static final Logger LOG = LoggerFactory.getLogger(TlsCollector.class);
    static final int MAX_REDIRECT_HOPS = 5;

    private final PalisadeConfig config;
    private final Options options;

    /**
     * Knobs that SPEC does not expose in {@code palisade.yaml}.
     *
     * @param httpPort           the port of the plain-HTTP redirect check for a domain; SPEC fixes 80
     *                           ({@code http://HOST/}); tests point it at a server on an ephemeral port
     * @param maxConcurrentEndpoints size of the endpoint pool
     * @param clock              the time certificates are judged at
     */
    public record Options(ToIntFunction<DomainConfig> httpPort, int maxConcurrentEndpoints, Clock clock) {
        public static Options defaults() {
            return new Options(d -> 80, 32, Clock.systemUTC());
        }

        public Options withHttpPort(ToIntFunction<DomainConfig> port) {
            return new Options(port, maxConcurrentEndpoints, clock);
        }
    }

    public TlsCollector(PalisadeConfig config) {
        this(config, Options.defaults());
    }

    public TlsCollector(PalisadeConfig config, Options options) {
        this.config = config;
        this.options = options;
    }

    @Override
    public String kind() {
        return "tls";
    }

    @Override
    public CollectorResult collect(ScanProgress progress) throws InterruptedException {
        long started = System.nanoTime();
        List<DomainConfig> domains = config.domains();
        TrustStore trust = TrustStore.load(config.tls().extraTrustedCertificates().stream().map(config::resolve).toList());
        long timeoutMillis = TimeUnit.SECONDS.toMillis(config.tls().connectTimeoutSeconds());
        int poolSize = Math.max(1, Math.min(options.maxConcurrentEndpoints(), domains.size()));
        ExecutorService endpointPool = Executors.newFixedThreadPool(poolSize, daemon("tls-endpoint"));
        // address probes and redirect checks of running endpoints; tasks never submit further work here
        ExecutorService connectionPool = Executors.newFixedThreadPool(poolSize * 3, daemon("tls-connection"));
        ExecutorService dnsPool = Executors.newFixedThreadPool(poolSize, daemon("tls-dns"));
        ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, daemon("tls-deadline"));
        watchdog.setRemoveOnCancelPolicy(true);
        AtomicInteger connections = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Run run = new Run(trust, timeoutMillis, connectionPool, dnsPool, watchdog, connections);
        progress.update("tls", domains.isEmpty() ? 1 : 0, "Checking " + domains.size() + " TLS endpoints");
        try {
            List<Future<TlsEndpoint>> futures = new ArrayList<>();
            for (DomainConfig d : domains) {
                futures.add(endpointPool.submit(() -> {
                    TlsEndpoint e = run.endpoint(d);
                    progress.update("tls", (double) done.incrementAndGet() / domains.size(), "Checked " + d.id());
                    return e;
                }));
            }
            List<TlsEndpoint> endpoints = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    endpoints.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    // a bug, not a network failure; still never a silent pass
                    LOG.warn("TLS check of {} failed unexpectedly", domains.get(i).id(), e.getCause());
                    endpoints.add(failedEndpoint(domains.get(i), "internal error: " + e.getCause()));
                }
            }
            TlsInventory inventory = new TlsInventory(endpoints, trust.error());
            SourceStatus status = status(endpoints, trust.error(), connections.get(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            LOG.info("TLS: {} endpoints checked in {} ms: {}{}", endpoints.size(), status.durationMs(), status.status(),
                    status.error() == null ? "" : " (" + status.error() + ")");
            progress.finished(status);
            return new CollectorResult(new Inventory(List.of(), inventory, null, null, null), List.of(status));
        } finally {
            run.closeAll();
            endpointPool.shutdownNow();
            connectionPool.shutdownNow();
            dnsPool.shutdownNow();
            watchdog.shutdownNow();
        }
    }

    private static TlsEndpoint failedEndpoint(DomainConfig d, String why) {
        return new TlsEndpoint(d.host(), d.port(), why, List.of(), Fact.unknown(why));
    }

    static SourceStatus status(List<TlsEndpoint> endpoints, String trustError, int calls, long millis) {
        List<String> failures = new ArrayList<>();
        for (TlsEndpoint e : endpoints) {
            if (e.resolveError() != null) {
                failures.add(e.id() + " (" + e.resolveError() + ")");
                continue;
            }
            for (TlsProbe p : e.addresses()) {
                if (!p.connected()) {
                    failures.add(e.id() + " at " + p.address() + " (" + p.error() + ")");
                }
            }
        }
        long failedEndpoints = endpoints.stream()
                .filter(e -> e.resolveError() != null || e.addresses().stream().anyMatch(p -> !p.connected()))
                .count();
        List<String> parts = new ArrayList<>();
        if (trustError != null) {
            parts.add(trustError);
        }
        if (!failures.isEmpty()) {
            String list = String.join("; ", failures.subList(0, Math.min(5, failures.size())))
                    + (failures.size() > 5 ? "; and " + (failures.size() - 5) + " more" : "");
            parts.add(failedEndpoints + " of " + endpoints.size() + " endpoints could not be checked fully: " + list);
        }
        SourceState state;
        if (parts.isEmpty()) {
            state = SourceState.OK;
        } else if (!endpoints.isEmpty() && failedEndpoints == endpoints.size()) {
            state = SourceState.ERROR;
        } else {
            state = SourceState.PARTIAL;
        }
        return new SourceStatus("tls", state, parts.isEmpty() ? null : String.join(". ", parts), calls, millis);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One scan's shared state. */
    private final class Run {
        private final TrustStore trust;
        private final long timeoutMillis;
        private final ExecutorService connectionPool;
        private final ExecutorService dnsPool;
        private final ScheduledExecutorService watchdog;
        private final AtomicInteger connections;
        private final java.util.Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

        /** Closes whatever is still open (an interrupted scan): no thread stays blocked on a socket. */
        void closeAll() {
            open.forEach(TlsCollector::closeQuietly);
        }

        private Socket newSocket() {
            Socket s = new Socket() {
                @Override
                public synchronized void close() throws IOException {
                    open.remove(this);
                    super.close();
                }
            };
            open.add(s);
            return s;
        }

        Run(TrustStore trust, long timeoutMillis, ExecutorService connectionPool, ExecutorService dnsPool,
            ScheduledExecutorService watchdog, AtomicInteger connections) {
            this.trust = trust;
            this.timeoutMillis = timeoutMillis;
            this.connectionPool = connectionPool;
            this.dnsPool = dnsPool;
            this.watchdog = watchdog;
            this.connections = connections;
        }

        TlsEndpoint endpoint(DomainConfig d) throws InterruptedException {
            Deadline deadline = new Deadline(timeoutMillis);
            String host = d.host();
            List<InetAddress> addresses;
            Future<InetAddress[]> lookup = dnsPool.submit(() -> InetAddress.getAllByName(host));
            try {
                addresses = List.copyOf(new LinkedHashSet<>(List.of(lookup.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS))));
            } catch (ExecutionException e) {
                String why = e.getCause() instanceof UnknownHostException
                        ? "DNS name not found: " + host
                        : "DNS lookup of " + host + " failed: " + e.getCause().getMessage();
                return failedEndpoint(d, why);
            } catch (TimeoutException e) {
                lookup.cancel(true);
                return failedEndpoint(d, "DNS lookup of " + host + " did not answer within " + deadline.describe());
            }
            List<Future<TlsProbe>> probes = new ArrayList<>();
            for (InetAddress a : addresses) {
                probes.add(connectionPool.submit(() -> probe(host, d.port(), a, deadline)));
            }
            int httpPort = options.httpPort().applyAsInt(d);
            Future<Fact<HttpRedirect>> redirect = connectionPool.submit(() -> redirect(host, httpPort, d.port(), addresses, deadline));
            List<TlsProbe> results = new ArrayList<>();
            for (int i = 0; i < probes.size(); i++) {
                String addr = addresses.get(i).getHostAddress();
                results.add(await(probes.get(i), deadline,
                        () -> failedProbe(addr, "TIMEOUT", "no answer within " + deadline.describe()),
                        e -> failedProbe(addr, "IO", "internal error: " + e)));
            }
            Fact<HttpRedirect> r = await(redirect, deadline,
                    () -> Fact.unknown("http://" + host + "/ did not answer within " + deadline.describe()),
                    e -> Fact.unknown("http://" + host + "/ could not be checked: " + e));
            return new TlsEndpoint(host, d.port(), null, results, r);
        }

        private <T> T await(Future<T> f, Deadline deadline, java.util.function.Supplier<T> onTimeout,
                            java.util.function.Function<Throwable, T> onError) throws InterruptedException {
            try {
                // the watchdog ends the task at the deadline; the grace covers its wake-up
                return f.get(deadline.remainingMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                return onTimeout.get();
            } catch (ExecutionException e) {
                LOG.warn("TLS probe failed unexpectedly", e.getCause());
                return onError.apply(e.getCause());
            }
        }

        TlsProbe probe(String host, int port, InetAddress address, Deadline deadline) {
            String addr = address.getHostAddress();
            if (deadline.expired()) {
                return failedProbe(addr, "TIMEOUT", "not tried: the endpoint's " + deadline.describe() + " deadline had passed");
            }
            CapturingTrustManager capture = new CapturingTrustManager();
            String stage = "connect";
            Socket raw = newSocket();
            try (raw; Deadline.Guard guard = deadline.guard(raw, watchdog)) {
                try {
                    connections.incrementAndGet();
                    raw.connect(new InetSocketAddress(address, port), (int) Math.max(1, deadline.remainingMillis()));
                    stage = "TLS handshake";
                    SSLContext ctx = SSLContext.getInstance("TLS"); // fresh per probe: no session resumption across addresses
                    ctx.init(null, new javax.net.ssl.TrustManager[] {capture}, null);
                    SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(raw, host, port, true);
                    SSLParameters params = tls.getSSLParameters();
                    if (!HostnameMatcher.isIpLiteral(host)) {
                        params.setServerNames(List.of(new SNIHostName(host)));
                    }
                    tls.setSSLParameters(params);
                    deadline.applyTo(tls);
                    tls.startHandshake();
                    SSLSession session = tls.getSession();
                    stage = "HTTPS request";
                    Fact<String> hsts;
                    try {
                        HttpHead head = HttpHead.get(tls, hostHeader(host, port, 443), "/", deadline);
                        hsts = Fact.known(head.header("Strict-Transport-Security"));
                    } catch (IOException e) {
                        hsts = Fact.unknown("GET https://" + hostHeader(host, port, 443) + "/ at " + addr + ": "
                                + describe(e, stage, guard, deadline));
                    }
                    return connectedProbe(host, addr, session.getProtocol(), session.getCipherSuite(), capture.chain, null, null, hsts);
                } catch (IOException e) {
                    String kind = kind(e, guard);
                    String why = describe(e, stage, guard, deadline);
                    if (capture.chain != null) {
                        // the server presented a chain before the failure: keep it for the certificate checks
                        return connectedProbe(host, addr, null, null, capture.chain, kind, why,
                                Fact.unknown("no HTTPS response: " + why));
                    }
                    return failedProbe(addr, kind, why);
                }
            } catch (GeneralSecurityException e) {
                return failedProbe(addr, "HANDSHAKE", "TLS is not available in this JVM: " + e.getMessage());
            } catch (IOException e) {
                return failedProbe(addr, "IO", e.getMessage());
            }
        }

        private TlsProbe connectedProbe(String host, String addr, String protocol, String cipher, X509Certificate[] presented,
                                        String errorKind, String error, Fact<String> hsts) {
            List<X509Certificate> chain = presented == null ? List.of() : List.of(presented);
            List<CertificateInfo> infos = chain.stream().map(TrustStore::info).toList();
            TrustStore.Verdict v = trust.validate(chain, options.clock().instant());
            boolean hostOk = !chain.isEmpty() && HostnameMatcher.matches(host, TrustStore.dnsNames(chain.get(0)),
                    TrustStore.ipAddresses(chain.get(0)));
            return new TlsProbe(addr, error, errorKind, protocol, cipher, infos, v.trusted(), v.problem(), hostOk, hsts,
                    v.failingLink());
        }

        @SuppressWarnings("try") // the guard only has to be open while the socket is used
        Fact<HttpRedirect> redirect(String host, int httpPort, int tlsPort, List<InetAddress> addresses, Deadline deadline) {
            List<HttpHop> hops = new ArrayList<>();
            String url = "http://" + hostHeader(host, httpPort, 80) + "/";
            String portWords = "port " + httpPort;
            Socket socket = null;
            String refused = null;
            IOException lastError = null;
            for (InetAddress a : addresses) {
                Socket s = newSocket();
                try (Deadline.Guard guard = deadline.guard(s, watchdog)) {
                    connections.incrementAndGet();
                    s.connect(new InetSocketAddress(a, httpPort), (int) Math.max(1, deadline.remainingMillis()));
                    socket = s;
                    break;
                } catch (IOException e) {
                    closeQuietly(s);
                    if (isRefused(e)) {
                        refused = portWords + " refused the connection";
                        continue;
                    }
                    lastError = e;
                    if (deadline.expired()) {
                        break;
                    }
                }
            }
            if (socket == null) {
                if (refused != null && lastError == null) {
                    return Fact.known(new HttpRedirect(hops, false, refused));
                }
                return Fact.unknown(url + " could not be reached: "
                        + (lastError instanceof SocketTimeoutException || deadline.expired()
                        ? "no answer within " + deadline.describe()
                        : lastError == null ? "no address" : lastError.getMessage()));
            }
            HttpHead head;
            try (Socket s = socket; Deadline.Guard guard = deadline.guard(s, watchdog)) {
                try {
                    head = HttpHead.get(s, hostHeader(host, httpPort, 80), "/", deadline);
                } catch (IOException e) {
                    return Fact.unknown(url + " gave no usable answer: " + describe(e, "HTTP response", guard, deadline));
                }
            } catch (IOException e) {
                return Fact.unknown(url + ": " + e.getMessage());
            }
            String location = head.header("Location");
            hops.add(new HttpHop(url, head.status(), location));
            if (!isRedirect(head.status())) {
                return Fact.known(new HttpRedirect(hops, false, "served " + head.status() + " without redirecting to HTTPS"));
            }
            if (location == null || location.isBlank()) {
                return Fact.known(new HttpRedirect(hops, false, "answered " + head.status() + " without a Location header"));
            }
            URI target;
            try {
                target = new URI(url).resolve(location.strip());
            } catch (URISyntaxException | IllegalArgumentException e) {
                return Fact.known(new HttpRedirect(hops, false, "redirects to an invalid Location: " + location));
            }
            String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
            if (!"https".equals(scheme)) {
                return Fact.known(new HttpRedirect(hops, false, "redirects to " + scheme + ": " + target + " instead of https"));
            }
            if (!sameHost(host, target.getHost())) {
                return Fact.known(new HttpRedirect(hops, false, "redirects to another host: " + target));
            }
            if (!isRootOf(target, tlsPort)) {
                followHttps(host, target, addresses, hops, deadline);
            }
            return Fact.known(new HttpRedirect(hops, true, null));
        }

        /**
         * Records a few more HTTPS hops on the same host (for the user's view); their failures do not change the
         * verdict. A target that is the endpoint's own root is not fetched again.
         */
        @SuppressWarnings("try")
        private void followHttps(String host, URI target, List<InetAddress> addresses, List<HttpHop> hops, Deadline deadline) {
            URI next = target;
            while (next != null && hops.size() < MAX_REDIRECT_HOPS && !deadline.expired()
                    && "https".equalsIgnoreCase(next.getScheme()) && sameHost(host, next.getHost())) {
                int port = next.getPort() < 0 ? 443 : next.getPort();
                Socket raw = newSocket();
                try (raw; Deadline.Guard guard = deadline.guard(raw, watchdog)) {
                    connections.incrementAndGet();
                    raw.connect(new InetSocketAddress(addresses.get(0), port), (int) Math.max(1, deadline.remainingMillis()));
                    SSLContext ctx = SSLContext.getInstance("TLS");
                    ctx.init(null, new javax.net.ssl.TrustManager[] {new CapturingTrustManager()}, null);
                    SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(raw, host, port, true);
                    SSLParameters params = tls.getSSLParameters();
                    params.setServerNames(List.of(new SNIHostName(host)));
                    tls.setSSLParameters(params);
                    deadline.applyTo(tls);
                    String path = next.getRawPath() == null || next.getRawPath().isEmpty() ? "/" : next.getRawPath();
                    if (next.getRawQuery() != null) {
                        path += "?" + next.getRawQuery();
                    }
                    HttpHead head = HttpHead.get(tls, hostHeader(host, port, 443), path, deadline);
                    String location = head.header("Location");
                    hops.add(new HttpHop(next.toString(), head.status(), location));
                    next = isRedirect(head.status()) && location != null ? next.resolve(location.strip()) : null;
                } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                    return;
                }
            }
        }
    }

    /** {@code https://HOST[:PORT]/}: the address probes already fetch that page, so following it adds nothing. */
    private static boolean isRootOf(URI target, int tlsPort) {
        int port = target.getPort() < 0 ? 443 : target.getPort();
        String path = target.getRawPath();
        return port == tlsPort && (path == null || path.isEmpty() || path.equals("/")) && target.getRawQuery() == null;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static boolean sameHost(String host, String other) {
        if (other == null) {
            return false;
        }
        String a = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String b = other.endsWith(".") ? other.substring(0, other.length() - 1) : other;
        return a.equalsIgnoreCase(b);
    }

    private static String hostHeader(String host, int port, int defaultPort) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return port == defaultPort ? h : h + ":" + port;
    }

    private static TlsProbe failedProbe(String addr, String kind, String why) {
        return new TlsProbe(addr, why, kind, null, null, List.of(), false, null, false, Fact.unknown(why), -1);
    }

    private static String kind(IOException e, Deadline.Guard guard) {
        if (e instanceof SocketTimeoutException || guard.fired()) {
            return "TIMEOUT";
        }
        if (isRefused(e)) {
            return "REFUSED";
        }
        if (e instanceof SSLException) {
            return "HANDSHAKE";
        }
        return "IO";
    }

    private static String describe(IOException e, String stage, Deadline.Guard guard, Deadline deadline) {
        if (e instanceof SocketTimeoutException || guard.fired()) {
            return stage + " did not complete within " + deadline.describe();
        }
        if (isRefused(e)) {
            return "connection refused";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (e instanceof SSLHandshakeException || e instanceof SSLException) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return "TLS handshake failed: " + m;
        }
        return stage + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private static boolean isRefused(IOException e) {
        return e instanceof ConnectException && (e.getMessage() == null || e.getMessage().toLowerCase(Locale.ROOT).contains("refused"));
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /**
     * Accepts every server chain so the handshake completes and the chain can be judged (and HSTS read)
     * whatever its validity; the chain is validated afterwards by {@link TrustStore}. Never used to send data
     * anyone relies on: the connection only carries our {@code GET /}.
     */
    static final class CapturingTrustManager extends X509ExtendedTrustManager {
        volatile X509Certificate[] chain;

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType, Socket socket) {
            chain = c.clone();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType, SSLEngine engine) {
            chain = c.clone();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType) {
            chain = c.clone();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String authType, Socket socket) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String authType, SSLEngine engine) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String authType) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("client side only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
