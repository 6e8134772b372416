package dev.palisade.collect.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.collect.CollectorResult;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One account behind an endpoint adding 20 ms to every response: 300 and 500 buckets with 100 IAM
 * users (2 keys, MFA, password, a tag, a group, an attached and an inline policy each), 2 regions.
 * Prints wall time and API calls. Run with {@code mvn -o -Pbench verify -Dtest=AwsScanBenchmark}.
 */
@Tag("benchmark")
class AwsScanBenchmark {
    @TempDir
    Path dir;

    @Test
    void scanOfLargeAccount() throws Exception {
        for (int buckets : new int[] {300, 500}) {
            try (FakeAwsServer server = FakeAwsServer.start()) {
                for (int i = 0; i < buckets; i++) {
                    var b = server.bucket(String.format("acme-bucket-%04d", i), i % 5 == 0 ? "eu-west-1" : "us-east-1");
                    if (i % 3 == 0) {
                        b.policy = AwsCollectorTest.TLS_ONLY;
                    }
                    b.tags.put("env", "prod");
                }
                server.policy("Deploy", AwsCollectorTest.ADMIN);
                for (int i = 0; i < 100; i++) {
                    var u = server.user(String.format("user%03d", i));
                    u.passwordCreated = Instant.parse("2024-01-01T00:00:00Z");
                    u.mfaDevices.add("arn:aws:iam::111122223333:mfa/u" + i);
                    u.key(String.format("AKIAU%03d000000000001", i)).created = Instant.parse("2024-01-01T00:00:00Z");
                    u.key(String.format("AKIAU%03d000000000002", i)).created = Instant.now().minus(5, ChronoUnit.DAYS)
                            .truncatedTo(ChronoUnit.SECONDS);
                    u.tags.put("email", "u" + i + "@acme.test");
                    u.groups.add("developers");
                    u.attachedPolicies.add("arn:aws:iam::111122223333:policy/Deploy");
                    u.inlinePolicies.put("inline", AwsCollectorTest.ADMIN);
                }
                server.latency(Duration.ofMillis(20));
                AwsTestSupport aws = new AwsTestSupport(dir, server);
                var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                CollectorResult r = aws.scanProd("us-east-1", "eu-west-1");
                long ms = (System.nanoTime() - t0) / 1_000_000;
                long cpuMs = (os.getProcessCpuTime() - cpu0) / 1_000_000;
                var threads = java.lang.management.ManagementFactory.getThreadMXBean();
                long serverCpuMs = 0;
                for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
                    if (info != null && info.getThreadName().startsWith("fake-aws")) {
                        serverCpuMs += Math.max(0, threads.getThreadCpuTime(info.getThreadId())) / 1_000_000;
                    }
                }
                SourceStatus s = r.sources().get(0);
                assertThat(s.status()).as(s.error()).isEqualTo(SourceState.OK);
                assertThat(r.inventory().aws().get(0).buckets().value()).hasSize(buckets);
                assertThat(r.inventory().aws().get(0).users().value()).hasSize(100);
                Map<String, Long> byService = new TreeMap<>();
                server.calls().forEach(c -> byService.merge(c.service(), 1L, Long::sum));
                System.out.printf("AWS scan benchmark: %d buckets, 100 IAM users, 2 regions, +20 ms/response: "
                        + "wall %d ms, %d API calls %s, at most %d requests in flight, JVM CPU %d ms (of which fake server "
                        + "≥%d ms), load average %.1f on %d cores%n", buckets, ms, s.apiCalls(), byService,
                        server.maxConcurrentRequests(), cpuMs, serverCpuMs, os.getSystemLoadAverage(), os.getAvailableProcessors());
            }
        }
    }
}
