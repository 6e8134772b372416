package dev.palisade.collect.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.checks.TlsChecks;
import dev.palisade.collect.CollectorResult;
import dev.palisade.collect.ScanProgress;
import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.Status;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.check.CheckEngine;
import dev.palisade.core.config.DomainConfig;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.core.config.TlsConfig;
import dev.palisade.core.inventory.HttpRedirect;
import dev.palisade.core.inventory.TlsEndpoint;
import dev.palisade.core.inventory.TlsProbe;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS collector against real TLS and HTTP servers on 127.0.0.1 / 127.0.0.2, with names mapped by
 * the JVM hosts file ({@code src/test/resources/test-hosts}); one scan covers every scenario, then each
 * test looks at its endpoint in the inventory and in the {@code tls.*} findings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsCollectorTest {
    static final int TIMEOUT_SECONDS = 3;

    private Path home;

    private final List<TestServer> servers = new ArrayList<>();
    private final Map<String, Integer> tlsPorts = new HashMap<>();
    private final Map<String, Integer> httpPorts = new HashMap<>();
    private int refusedPort;
    private CollectorResult result;
    private List<Finding> findings;

    @BeforeAll
    void startServersAndScan(@TempDir Path dir) throws Exception {
        home = dir;
        Instant now = Instant.now();
        TestPki.Issued root = TestPki.root("Palisade Test Root");
        TestPki.Issued inter = TestPki.intermediate(root, "Palisade Test Intermediate");
        TestPki.Issued otherRoot = TestPki.root("Someone Else Root");
        TestPki.Issued otherInter = TestPki.intermediate(otherRoot, "Someone Else Intermediate");
        Path rootPem = home.resolve("test-root.pem");
        Files.writeString(rootPem, TestPki.pem(root.cert()));
        refusedPort = freePort();

        String goodHsts = "Strict-Transport-Security: max-age=31536000; includeSubDomains";
        tls("valid", inter, now.minus(days(30)), now.plus(days(60)), true, goodHsts);
        tls("expired", inter, now.minus(days(100)), now.minus(days(10)), true, null);
        tls("future", inter, now.plus(days(5)), now.plus(days(95)), true, goodHsts);
        tls("expiring", inter, now.minus(days(80)), now.plus(days(10)), true, goodHsts);
        tls("shortlived", inter, now.minus(days(3)), now.plus(days(3)), true, goodHsts);
        tls("nointermediate", inter, now.minus(days(10)), now.plus(days(80)), false, goodHsts);
        tls("unknownca", otherInter, now.minus(days(10)), now.plus(days(80)), true, goodHsts);
        tls("hsts-variant", inter, now.minus(days(10)), now.plus(days(80)), true,
                "strict-transport-security:   Max-Age = \"63072000\" ;INCLUDESUBDOMAINS; preload; report-uri=x");
        tls("hsts-short", inter, now.minus(days(10)), now.plus(days(80)), true, "Strict-Transport-Security: max-age=300");
        tls("hsts-none", inter, now.minus(days(10)), now.plus(days(80)), true, null);
        TestPki.Issued wrong = TestPki.leaf(inter, "other.tls.test", List.of("other.tls.test", "*.other.tls.test"),
                now.minus(days(10)), now.plus(days(80)));
        start("wronghost.tls.test", TestServer.tls("127.0.0.1", 0, wrong.keys().getPrivate(),
                List.of(wrong.cert(), inter.cert()), TestServer.response("200 OK", goodHsts)));
        TestPki.Issued self = TestPki.selfSignedLeaf("selfsigned.tls.test", List.of("selfsigned.tls.test"),
                now.minus(days(10)), now.plus(days(355)));
        start("selfsigned.tls.test", TestServer.tls("127.0.0.1", 0, self.keys().getPrivate(), List.of(self.cert()),
                TestServer.response("200 OK", goodHsts)));
        // a server that knows only another name: fatal unrecognized_name alert before any certificate
        TestPki.Issued alert = TestPki.leaf(inter, "alert.tls.test", List.of("alert.tls.test"), now.minus(days(1)), now.plus(days(80)));
        start("alert.tls.test", TestServer.tls("127.0.0.1", 0, alert.keys().getPrivate(), List.of(alert.cert(), inter.cert()),
                TestServer.response("200 OK", goodHsts), ss -> {
                    var p = ss.getSSLParameters();
                    p.setSNIMatchers(List.<SNIMatcher>of(SNIHostName.createSNIMatcher("only\\.elsewhere\\.test")));
                    ss.setSSLParameters(p);
                }));
        // one name, two addresses, two certificates: 127.0.0.2 still serves a nearly expired one
        TestPki.Issued fresh = TestPki.leaf(inter, "multi.tls.test", List.of("multi.tls.test"), now.minus(days(20)), now.plus(days(70)));
        TestPki.Issued stale = TestPki.leaf(inter, "multi.tls.test", List.of("multi.tls.test"), now.minus(days(85)), now.plus(days(5)));
        for (int attempt = 0; ; attempt++) {
            // both servers insist on SNI = multi.tls.test (fatal alert otherwise), so these probes also prove SNI is sent
            TestServer one = TestServer.tls("127.0.0.1", 0, fresh.keys().getPrivate(), List.of(fresh.cert(), inter.cert()),
                    TestServer.response("200 OK", goodHsts), TlsCollectorTest::requireMultiSni);
            try {
                TestServer two = TestServer.tls("127.0.0.2", one.port(), stale.keys().getPrivate(),
                        List.of(stale.cert(), inter.cert()), TestServer.response("200 OK", goodHsts),
                        TlsCollectorTest::requireMultiSni);
                servers.add(two);
                start("multi.tls.test", one);
                break;
            } catch (IOException e) {
                one.close();
                if (attempt > 5) {
                    throw e;
                }
            }
        }
        start("tarpit.tls.test", TestServer.tarpit("127.0.0.1", 0));
        TestServer trickler = TestServer.trickler("127.0.0.1", 0);
        start("trickle.tls.test", trickler);
        httpPorts.put("trickle.tls.test", trickler.port()); // port 80 trickles too
        TestPki.Issued slow = TestPki.leaf(inter, "slowhttp.tls.test", List.of("slowhttp.tls.test"), now.minus(days(1)), now.plus(days(80)));
        start("slowhttp.tls.test", TestServer.tlsTrickler("127.0.0.1", 0, slow.keys().getPrivate(), List.of(slow.cert(), inter.cert())));
        tlsPorts.put("refused.tls.test", refusedPort);

        // port-80 stand-ins
        http("valid.tls.test", TestServer.response("301 Moved Permanently",
                "Location: https://valid.tls.test:" + tlsPorts.get("valid.tls.test") + "/welcome"));
        http("expired.tls.test", TestServer.response("200 OK", "Content-Type: text/html"));
        http("selfsigned.tls.test", TestServer.response("302 Found", "Location: http://selfsigned.tls.test/login"));
        http("wronghost.tls.test", TestServer.response("301 Moved Permanently", "Location: https://elsewhere.example/"));
        http("hsts-variant.tls.test", TestServer.response("308 Permanent Redirect", "Location: https://hsts-variant.tls.test/"));
        http("hsts-short.tls.test", TestServer.response("301 Moved Permanently"));
        TestServer httpTarpit = TestServer.tarpit("127.0.0.1", 0);
        servers.add(httpTarpit);
        httpPorts.put("tarpit.tls.test", httpTarpit.port());

        List<DomainConfig> domains = new ArrayList<>();
        tlsPorts.forEach((host, port) -> domains.add(new DomainConfig(host, port)));
        domains.add(new DomainConfig("nowhere.tls.test", 443));
        PalisadeConfig config = config(domains, List.of(rootPem.toString()));
        TlsCollector collector = new TlsCollector(config, TlsCollector.Options.defaults()
                .withHttpPort(d -> httpPorts.getOrDefault(d.host(), refusedPort)));
        result = collector.collect(ScanProgress.NONE);
        findings = new CheckEngine(TlsChecks.all()).evaluate(new CheckContext(result.inventory(), config, Instant.now()));
    }

    @AfterAll
    void stopServers() {
        servers.forEach(TestServer::close);
    }

    // ---- inventory ----

    @Test
    void validEndpointRecordsProtocolCipherChainAndHeader() {
        TlsProbe p = probe("valid.tls.test", "127.0.0.1");
        assertThat(p.connected()).isTrue();
        assertThat(p.protocol()).startsWith("TLSv1.");
        assertThat(p.cipher()).startsWith("TLS_");
        assertThat(p.chain()).hasSize(2);
        assertThat(p.leaf().subject()).isEqualTo("CN=valid.tls.test");
        assertThat(p.leaf().subjectAlternativeNames()).containsExactly("valid.tls.test");
        assertThat(p.leaf().issuer()).isEqualTo("CN=Palisade Test Intermediate");
        assertThat(p.leaf().sha256Fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(p.leaf().keyAlgorithm()).isEqualTo("EC 256");
        assertThat(p.chainTrusted()).isTrue();
        assertThat(p.chainProblem()).isNull();
        assertThat(p.failingLink()).isEqualTo(-1);
        assertThat(p.hostnameMatches()).isTrue();
        assertThat(p.hsts().value()).isEqualTo("max-age=31536000; includeSubDomains");
    }

    @Test
    void classifiesEveryChainFailureAndMarksTheFailingLink() {
        assertThat(probe("expired.tls.test", "127.0.0.1").chainProblem()).startsWith("expired: CN=expired.tls.test");
        assertThat(probe("expired.tls.test", "127.0.0.1").failingLink()).isZero();
        assertThat(probe("future.tls.test", "127.0.0.1").chainProblem()).startsWith("not yet valid: CN=future.tls.test");
        assertThat(probe("selfsigned.tls.test", "127.0.0.1").chainProblem()).startsWith("self-signed");
        assertThat(probe("selfsigned.tls.test", "127.0.0.1").leaf().selfSigned()).isTrue();
        TlsProbe noInter = probe("nointermediate.tls.test", "127.0.0.1");
        assertThat(noInter.chain()).hasSize(1);
        assertThat(noInter.chainProblem()).startsWith("missing intermediate").contains("Palisade Test Intermediate");
        assertThat(noInter.failingLink()).isEqualTo(1);
        TlsProbe unknownCa = probe("unknownca.tls.test", "127.0.0.1");
        assertThat(unknownCa.chainProblem()).startsWith("unknown CA").contains("Someone Else Root");
        assertThat(unknownCa.failingLink()).isEqualTo(2);
        for (String host : List.of("expired", "future", "selfsigned", "nointermediate", "unknownca")) {
            TlsProbe p = probe(host + ".tls.test", "127.0.0.1");
            assertThat(p.chainTrusted()).as(host).isFalse();
            assertThat(p.chain()).as(host + " chain captured although invalid").isNotEmpty();
            assertThat(p.connected()).as(host).isTrue();
        }
        assertThat(probe("wronghost.tls.test", "127.0.0.1").chainTrusted()).isTrue();
        assertThat(probe("wronghost.tls.test", "127.0.0.1").hostnameMatches()).isFalse();
    }

    @Test
    void probesEveryAddressOfAMultiAddressName() {
        TlsEndpoint e = endpoint("multi.tls.test");
        assertThat(e.addresses()).extracting(TlsProbe::address).containsExactlyInAnyOrder("127.0.0.1", "127.0.0.2");
        assertThat(e.addresses()).allSatisfy(p -> assertThat(p.connected()).as(p.error()).isTrue());
        assertThat(probe("multi.tls.test", "127.0.0.1").leaf().sha256Fingerprint())
                .isNotEqualTo(probe("multi.tls.test", "127.0.0.2").leaf().sha256Fingerprint());
    }

    @Test
    void followsTheRedirectOverHttpsAndRecordsHops() {
        HttpRedirect r = endpoint("valid.tls.test").redirect().value();
        assertThat(r.redirectsToHttps()).isTrue();
        assertThat(r.problem()).isNull();
        assertThat(r.hops()).hasSize(2);
        assertThat(r.hops().get(0).status()).isEqualTo(301);
        assertThat(r.hops().get(1).url()).startsWith("https://valid.tls.test:").endsWith("/welcome");
        assertThat(r.hops().get(1).status()).isEqualTo(200);
    }

    @Test
    void slowHttpReadsAreCutAtTheDeadlineToo() {
        TlsProbe slow = probe("slowhttp.tls.test", "127.0.0.1");
        assertThat(slow.connected()).isTrue();
        assertThat(slow.hsts().isKnown()).isFalse();
        assertThat(slow.hsts().error()).endsWith("HTTPS request did not complete within 3 s");
        assertThat(finding("tls.cert.expiry", "slowhttp.tls.test", "127.0.0.1").status()).isEqualTo(Status.PASS);
        assertError("tls.hsts", "slowhttp.tls.test", "127.0.0.1", "HTTPS request did not complete within 3 s");
        assertError("tls.https_redirect", "trickle.tls.test", null, "HTTP response did not complete within 3 s");
    }

    @Test
    void unreachableEndpointsCarryTheReason() {
        assertThat(endpoint("nowhere.tls.test").resolveError()).isEqualTo("DNS name not found: nowhere.tls.test");
        assertThat(endpoint("nowhere.tls.test").redirect().isKnown()).isFalse();
        TlsProbe refused = probe("refused.tls.test", "127.0.0.1");
        assertThat(refused.errorKind()).isEqualTo("REFUSED");
        assertThat(refused.error()).isEqualTo("connection refused");
        TlsProbe tarpit = probe("tarpit.tls.test", "127.0.0.1");
        assertThat(tarpit.errorKind()).isEqualTo("TIMEOUT");
        assertThat(tarpit.error()).isEqualTo("TLS handshake did not complete within 3 s");
        TlsProbe trickle = probe("trickle.tls.test", "127.0.0.1");
        assertThat(trickle.errorKind()).isEqualTo("TIMEOUT");
        assertThat(trickle.error()).isEqualTo("TLS handshake did not complete within 3 s");
        TlsProbe alert = probe("alert.tls.test", "127.0.0.1");
        assertThat(alert.errorKind()).isEqualTo("HANDSHAKE");
        assertThat(alert.error()).startsWith("TLS handshake failed:").contains("unrecognized_name");
        assertThat(endpoint("tarpit.tls.test").redirect().isKnown()).isFalse();
        assertThat(endpoint("tarpit.tls.test").redirect().error()).contains("within 3 s");
    }

    @Test
    void sourceIsPartialAndSaysWhichEndpointsFailed() {
        SourceStatus s = result.sources().get(0);
        assertThat(s.name()).isEqualTo("tls");
        assertThat(s.status()).isEqualTo(SourceState.PARTIAL);
        assertThat(s.error()).startsWith("5 of " + (tlsPorts.size() + 1) + " endpoints could not be checked fully: ").contains("nowhere.tls.test:443 (DNS name not found");
        assertThat(s.apiCalls()).isGreaterThan(tlsPorts.size());
    }

    // ---- findings ----

    @Test
    void expiryIsJudgedAgainstEachCertificatesLifetime() {
        assertThat(finding("tls.cert.expiry", "valid.tls.test", "127.0.0.1").status()).isEqualTo(Status.PASS);
        Finding expired = finding("tls.cert.expiry", "expired.tls.test", "127.0.0.1");
        assertThat(expired.status()).isEqualTo(Status.FAIL);
        assertThat(expired.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(expired.message()).contains("expired 10 days ago").contains("127.0.0.1");
        Finding expiring = finding("tls.cert.expiry", "expiring.tls.test", "127.0.0.1");
        assertThat(expiring.status()).isEqualTo(Status.FAIL);
        assertThat(expiring.severity()).isEqualTo(Severity.HIGH);
        assertThat(expiring.message()).contains("expires in 9 days").contains("30 days warning window");
        Finding shortLived = finding("tls.cert.expiry", "shortlived.tls.test", "127.0.0.1");
        assertThat(shortLived.status()).as("6-day certificate with 3 days left is outside its 2-day window").isEqualTo(Status.PASS);
        assertThat(shortLived.message()).contains("lifetime 6 days, warning window 2 days");
    }

    @Test
    void expiryIsReportedPerAddressAndNamesTheStaleOne() {
        Finding one = finding("tls.cert.expiry", "multi.tls.test", "127.0.0.1");
        Finding two = finding("tls.cert.expiry", "multi.tls.test", "127.0.0.2");
        assertThat(one.status()).isEqualTo(Status.PASS);
        assertThat(two.status()).isEqualTo(Status.FAIL);
        assertThat(two.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(two.message()).contains("at 127.0.0.2").contains("expires in 4 days")
                .contains("127.0.0.1 serves a different certificate");
        assertThat(one.resource().id()).isEqualTo(two.resource().id());
        assertThat(one.key()).isNotEqualTo(two.key());
    }

    @Test
    void hostnameAndChainFindings() {
        assertThat(finding("tls.cert.hostname", "valid.tls.test", "127.0.0.1").status()).isEqualTo(Status.PASS);
        Finding wrong = finding("tls.cert.hostname", "wronghost.tls.test", "127.0.0.1");
        assertThat(wrong.status()).isEqualTo(Status.FAIL);
        assertThat(wrong.message()).contains("does not cover wronghost.tls.test").contains("other.tls.test");
        assertThat(finding("tls.cert.chain", "valid.tls.test", "127.0.0.1").status()).isEqualTo(Status.PASS);
        assertThat(finding("tls.cert.chain", "wronghost.tls.test", "127.0.0.1").status()).isEqualTo(Status.PASS);
        for (String host : List.of("expired", "future", "selfsigned", "nointermediate", "unknownca")) {
            Finding f = finding("tls.cert.chain", host + ".tls.test", "127.0.0.1");
            assertThat(f.status()).as(host).isEqualTo(Status.FAIL);
            assertThat(f.message()).as(host).contains("does not validate");
        }
        assertThat(finding("tls.cert.chain", "nointermediate.tls.test", "127.0.0.1").message()).contains("missing intermediate");
    }

    @Test
    void redirectFindings() {
        assertThat(finding("tls.https_redirect", "valid.tls.test", null).status()).isEqualTo(Status.PASS);
        assertThat(finding("tls.https_redirect", "hsts-variant.tls.test", null).status()).isEqualTo(Status.PASS);
        assertFail("tls.https_redirect", "expired.tls.test", null, "served 200 without redirecting");
        assertFail("tls.https_redirect", "selfsigned.tls.test", null, "redirects to http: http://selfsigned.tls.test/login");
        assertFail("tls.https_redirect", "wronghost.tls.test", null, "redirects to another host: https://elsewhere.example/");
        assertFail("tls.https_redirect", "hsts-short.tls.test", null, "without a Location header");
        assertFail("tls.https_redirect", "future.tls.test", null, "refused the connection");
        Finding tarpit = finding("tls.https_redirect", "tarpit.tls.test", null);
        assertThat(tarpit.status()).isEqualTo(Status.ERROR);
        assertThat(tarpit.message()).contains("within 3 s");
    }

    @Test
    void hstsFindings() {
        assertThat(finding("tls.hsts", "valid.tls.test", "127.0.0.1").status()).isEqualTo(Status.PASS);
        Finding variant = finding("tls.hsts", "hsts-variant.tls.test", "127.0.0.1");
        assertThat(variant.status()).isEqualTo(Status.PASS);
        assertThat(variant.message()).contains("max-age=63072000").contains("includeSubDomains");
        assertFail("tls.hsts", "hsts-short.tls.test", "127.0.0.1", "max-age=300 (0 days), below 15552000");
        assertFail("tls.hsts", "hsts-none.tls.test", "127.0.0.1", "sends no Strict-Transport-Security header");
    }

    @Test
    void unreachableEndpointsAreErrorsWithTheReasonNeverPassOrFail() {
        for (String check : List.of("tls.cert.expiry", "tls.cert.hostname", "tls.cert.chain", "tls.hsts")) {
            assertError(check, "nowhere.tls.test", null, "DNS name not found: nowhere.tls.test");
            assertError(check, "refused.tls.test", "127.0.0.1", "connection refused");
            assertError(check, "tarpit.tls.test", "127.0.0.1", "TLS handshake did not complete within 3 s");
            assertError(check, "trickle.tls.test", "127.0.0.1", "TLS handshake did not complete within 3 s");
            assertError(check, "alert.tls.test", "127.0.0.1", "unrecognized_name");
        }
        assertError("tls.https_redirect", "nowhere.tls.test", null, "DNS name not found");
        for (Finding f : findings) {
            if (f.resource().id().startsWith("nowhere.") || f.resource().id().startsWith("tarpit.")
                    || f.resource().id().startsWith("trickle.") || f.resource().id().startsWith("alert.")) {
                if (!f.check().equals("tls.https_redirect")) {
                    assertThat(f.status()).as(f.toString()).isEqualTo(Status.ERROR);
                }
            }
        }
    }

    @Test
    void everyEndpointAndAddressGetsOneFindingPerCheck() {
        for (String check : List.of("tls.cert.expiry", "tls.cert.hostname", "tls.cert.chain", "tls.hsts")) {
            // 17 endpoints, multi.tls.test has two addresses
            assertThat(findings.stream().filter(f -> f.check().equals(check))).as(check).hasSize(tlsPorts.size() + 2);
        }
        assertThat(findings.stream().filter(f -> f.check().equals("tls.https_redirect"))).hasSize(tlsPorts.size() + 1);
        assertThat(findings).allSatisfy(f -> assertThat(f.message()).endsWith("."));
    }

    @Test
    void anUnreadableExtraTrustFileMakesChainVerdictsErrorsNotFailures() throws Exception {
        PalisadeConfig config = config(List.of(new DomainConfig("valid.tls.test", tlsPorts.get("valid.tls.test"))),
                List.of("missing-ca.pem"));
        CollectorResult r = new TlsCollector(config, TlsCollector.Options.defaults().withHttpPort(d -> refusedPort))
                .collect(ScanProgress.NONE);
        assertThat(r.inventory().tls().trustStoreError()).contains("missing-ca.pem");
        assertThat(r.sources().get(0).status()).isEqualTo(SourceState.PARTIAL);
        List<Finding> fs = TlsChecks.all().get(2).evaluate(new CheckContext(r.inventory(), config, Instant.now()));
        assertThat(fs).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.message()).contains("cannot read").contains("missing-ca.pem");
        });
    }

    @Test
    void judgesValidityAtTheConfiguredClock() throws Exception {
        PalisadeConfig config = config(List.of(new DomainConfig("valid.tls.test", tlsPorts.get("valid.tls.test"))),
                List.of(home.resolve("test-root.pem").toString()));
        Clock later = Clock.fixed(Instant.now().plus(days(61)), java.time.ZoneOffset.UTC);
        CollectorResult r = new TlsCollector(config, new TlsCollector.Options(d -> refusedPort, 4, later)).collect(ScanProgress.NONE);
        TlsProbe p = r.inventory().tls().endpoints().get(0).addresses().get(0);
        assertThat(p.chainTrusted()).isFalse();
        assertThat(p.chainProblem()).startsWith("expired: CN=valid.tls.test");
    }

    // ---- helpers ----

    private void tls(String name, TestPki.Issued issuer, Instant notBefore, Instant notAfter, boolean sendIntermediate,
                     String hstsHeader) throws Exception {
        String host = name + ".tls.test";
        TestPki.Issued leaf = TestPki.leaf(issuer, host, List.of(host), notBefore, notAfter);
        List<X509Certificate> chain = sendIntermediate ? List.of(leaf.cert(), issuer.cert()) : List.of(leaf.cert());
        String response = hstsHeader == null ? TestServer.response("200 OK") : TestServer.response("200 OK", hstsHeader);
        start(host, TestServer.tls("127.0.0.1", 0, leaf.keys().getPrivate(), chain, response));
    }

    private static void requireMultiSni(javax.net.ssl.SSLServerSocket ss) {
        var p = ss.getSSLParameters();
        p.setSNIMatchers(List.<SNIMatcher>of(SNIHostName.createSNIMatcher("multi\\.tls\\.test")));
        ss.setSSLParameters(p);
    }

    private void start(String host, TestServer server) {
        servers.add(server);
        tlsPorts.put(host, server.port());
    }

    private void http(String host, String response) throws IOException {
        TestServer s = TestServer.http("127.0.0.1", 0, response);
        servers.add(s);
        httpPorts.put(host, s.port());
    }

    private PalisadeConfig config(List<DomainConfig> domains, List<String> extra) {
        return new PalisadeConfig(home, "Test", null, Map.of(), domains, new TlsConfig(extra, TIMEOUT_SECONDS), null, null, List.of());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Duration days(long d) {
        return Duration.ofDays(d);
    }

    private TlsEndpoint endpoint(String host) {
        return result.inventory().tls().endpoints().stream().filter(e -> e.host().equals(host)).findFirst().orElseThrow();
    }

    private TlsProbe probe(String host, String address) {
        return endpoint(host).addresses().stream().filter(p -> p.address().equals(address)).findFirst().orElseThrow();
    }

    private Finding finding(String check, String host, String address) {
        String suffix = address == null ? "" : " (" + address + ")";
        return findings.stream()
                .filter(f -> f.check().equals(check) && f.resource().id().startsWith(host + ":")
                        && (address == null ? !f.resource().name().contains("(") : f.resource().name().endsWith(suffix)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + check + " finding for " + host + suffix));
    }

    private void assertFail(String check, String host, String address, String text) {
        Finding f = finding(check, host, address);
        assertThat(f.status()).as(f.message()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains(text);
    }

    private void assertError(String check, String host, String address, String text) {
        Finding f = finding(check, host, address);
        assertThat(f.status()).as(check + " " + host + ": " + f.message()).isEqualTo(Status.ERROR);
        assertThat(f.message()).contains(text);
    }
}
