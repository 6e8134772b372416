package dev.palisade.collect.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.collect.CollectorResult;
import dev.palisade.collect.ScanProgress;
import dev.palisade.core.config.DomainConfig;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.core.config.TlsConfig;
import dev.palisade.core.inventory.TlsEndpoint;
import dev.palisade.core.inventory.TlsProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scan speed against real loopback servers ({@code mvn -Pbench verify}). Targets from issue 4: 100
 * healthy endpoints in under 3 s; 90 healthy plus 10 tarpits in under 2 × the deadline (5 s default).
 * Each healthy endpoint costs a TLS handshake with GET / (HSTS), a plain-HTTP GET on the redirect port
 * and a second handshake following the redirect; client and servers share this JVM and its cores.
 */
@Tag("benchmark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsCollectorBenchmarkTest {
    private final List<TestServer> servers = new ArrayList<>();
    private final List<Integer> healthyPorts = new ArrayList<>();
    private final List<Integer> tarpitPorts = new ArrayList<>();
    private final Set<Integer> tarpitSet = new HashSet<>();
    private final Map<Integer, Integer> httpPorts = new java.util.HashMap<>();
    private int httpTarpitPort;
    private Path home;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        home = dir;
        TestPki.Issued root = TestPki.root("Bench Root");
        TestPki.Issued inter = TestPki.intermediate(root, "Bench Intermediate");
        TestPki.Issued leaf = TestPki.leaf(inter, "bench.tls.test", List.of("bench.tls.test"),
                Instant.now().minus(Duration.ofDays(10)), Instant.now().plus(Duration.ofDays(80)));
        Files.writeString(home.resolve("root.pem"), TestPki.pem(root.cert()));
        String ok = TestServer.response("200 OK", "Strict-Transport-Security: max-age=31536000");
        for (int i = 0; i < 100; i++) {
            TestServer s = TestServer.tls("127.0.0.1", 0, leaf.keys().getPrivate(), List.of(leaf.cert(), inter.cert()), ok);
            servers.add(s);
            healthyPorts.add(s.port());
        }
        for (int i = 0; i < 10; i++) {
            TestServer s = TestServer.tarpit("127.0.0.1", 0);
            servers.add(s);
            tarpitPorts.add(s.port());
            tarpitSet.add(s.port());
        }
        for (int port : healthyPorts) { // each endpoint's port 80 stand-in redirects to its own HTTPS root
            TestServer http = TestServer.http("127.0.0.1", 0, TestServer.response("301 Moved Permanently",
                    "Location: https://bench.tls.test:" + port + "/"));
            servers.add(http);
            httpPorts.put(port, http.port());
        }
        TestServer httpTarpit = TestServer.tarpit("127.0.0.1", 0);
        servers.add(httpTarpit);
        httpTarpitPort = httpTarpit.port();
        scan(healthyPorts.subList(0, 20)); // warm-up: JIT, JSSE initialisation
    }

    @AfterAll
    void stop() {
        servers.forEach(TestServer::close);
    }

    @Test
    void hundredHealthyEndpointsUnderThreeSeconds() throws Exception {
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        CollectorResult r = scan(healthyPorts);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("[bench] tls: 100 healthy endpoints in %d ms wall, %d ms CPU (client and servers), load average %.1f"
                + " (target < 3000 ms)%n", ms, (cpuNanos() - cpu0) / 1_000_000, load());
        assertThat(r.inventory().tls().endpoints()).allSatisfy(e -> {
            assertThat(e.addresses()).allSatisfy(p -> assertThat(p.chainTrusted()).as(p.error()).isTrue());
            assertThat(e.redirect().value().redirectsToHttps()).isTrue();
        });
        assertThat(ms).isLessThan(3000);
    }

    @Test
    void tenTarpitsAmongHundredFinishUnderTwiceTheDeadline() throws Exception {
        List<Integer> ports = new ArrayList<>(healthyPorts.subList(0, 90));
        for (int i = 0; i < 10; i++) {
            ports.add(i * 10, tarpitPorts.get(i)); // spread the tarpits through the list
        }
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        CollectorResult r = scan(ports);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("[bench] tls: 90 healthy + 10 tarpits in %d ms wall, %d ms CPU, load average %.1f"
                + " (deadline 5000 ms, target < 10000 ms)%n", ms, (cpuNanos() - cpu0) / 1_000_000, load());
        long timedOut = r.inventory().tls().endpoints().stream().flatMap(e -> e.addresses().stream())
                .filter(p -> "TIMEOUT".equals(p.errorKind())).count();
        assertThat(timedOut).isEqualTo(10);
        for (TlsEndpoint e : r.inventory().tls().endpoints()) {
            TlsProbe p = e.addresses().get(0);
            assertThat(p.connected()).as(e.id() + ": " + p.error()).isEqualTo(!tarpitSet.contains(e.port()));
        }
        assertThat(ms).isLessThan(10_000);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private CollectorResult scan(List<Integer> ports) throws InterruptedException {
        List<DomainConfig> domains = ports.stream().map(p -> new DomainConfig("bench.tls.test", p)).toList();
        PalisadeConfig config = new PalisadeConfig(home, "Bench", null, Map.of(), domains,
                new TlsConfig(List.of("root.pem"), 5), null, null, List.of());
        return new TlsCollector(config, TlsCollector.Options.defaults()
                .withHttpPort(d -> tarpitSet.contains(d.port()) ? httpTarpitPort : httpPorts.get(d.port()))).collect(ScanProgress.NONE);
    }
}
