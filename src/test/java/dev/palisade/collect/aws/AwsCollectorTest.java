package dev.palisade.collect.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.collect.CollectorResult;
import dev.palisade.core.Fact;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.inventory.AccessKey;
import dev.palisade.core.inventory.AcmCertificate;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.Bucket;
import dev.palisade.core.inventory.BucketEncryption;
import dev.palisade.core.inventory.DbInstance;
import dev.palisade.core.inventory.IamRole;
import dev.palisade.core.inventory.IamUser;
import dev.palisade.core.inventory.LogGroup;
import dev.palisade.core.inventory.PublicAccessBlock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real SDK clients against {@link FakeAwsServer}: healthy account, denials, not-configured answers, paging, throttling, failures. */
class AwsCollectorTest {
    static final String TLS_ONLY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"TlsOnly\",\"Effect\":\"Deny\","
            + "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::acme-prod-uploads/*\"],"
            + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";
    static final String ADMIN = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::999988887777:root\"},\"Action\":\"sts:AssumeRole\"}]}";

    @TempDir
    Path dir;
    FakeAwsServer server;
    AwsTestSupport aws;

    @BeforeEach
    void start() throws Exception {
        server = FakeAwsServer.start();
        aws = new AwsTestSupport(dir, server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A small realistic account. */
    static void populate(FakeAwsServer s) {
        var uploads = s.bucket("acme-prod-uploads", "us-east-1");
        uploads.sseAlgorithm = "aws:kms";
        uploads.kmsKeyId = "arn:aws:kms:us-east-1:111122223333:key/1234";
        uploads.bucketKeyEnabled = true;
        uploads.policy = TLS_ONLY;
        uploads.loggingTarget = "acme-logs";
        uploads.tags.put("env", "prod");
        var bare = s.bucket("acme-bare", "us-east-1");
        bare.sseAlgorithm = null;
        bare.publicAccessBlock = null;
        bare.versioning = null;
        bare.tags = null;
        var eu = s.bucket("acme-eu-archive", "eu-west-1");
        eu.regionInListing = false;
        eu.sseAlgorithm = "aws:kms:dsse";
        eu.versioning = "Suspended";

        var alice = s.user("alice");
        alice.passwordCreated = Instant.parse("2024-02-01T10:00:00Z");
        alice.passwordLastUsed = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        alice.mfaDevices.add("arn:aws:iam::111122223333:mfa/alice");
        var ak = alice.key("AKIAALICE00000000001");
        ak.lastUsed = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        ak.lastUsedService = "s3";
        ak.lastUsedRegion = "us-east-1";
        alice.tags.put("email", "alice@acme.test");
        alice.groups.add("developers");
        alice.attachedPolicies.add("arn:aws:iam::aws:policy/ReadOnlyAccess");

        var bob = s.user("bob");
        var k1 = bob.key("AKIABOB0000000000001");
        k1.created = Instant.parse("2024-01-01T00:00:00Z");
        var k2 = bob.key("AKIABOB0000000000002");
        k2.status = "Inactive";
        bob.inlinePolicies.put("break-glass", ADMIN);
        s.policy("DeployPolicy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:PutObject\",\"Resource\":\"*\"}]}");
        bob.attachedPolicies.add("arn:aws:iam::111122223333:policy/DeployPolicy");
        bob.attachedPolicies.add("arn:aws:iam::aws:policy/AdministratorAccess");
        bob.sshKeys.add("APKABOBSSH");
        bob.signingCertificates.add("BOBCERT1");
        bob.serviceCredentials.add("ACCABOBCC");

        s.role("deploy", TRUST, Map.of("env", "prod"));
        s.database(new FakeAwsServer.FakeDb("orders", "instance", "us-east-1", "postgres", true, false, Map.of("env", "prod")));
        s.database(new FakeAwsServer.FakeDb("analytics", "cluster", "eu-west-1", "aurora-mysql", false, false, Map.of()));
        s.logGroup(new FakeAwsServer.FakeLogGroup("/app/api", "us-east-1", 30, null, Map.of("env", "prod")));
        s.logGroup(new FakeAwsServer.FakeLogGroup("/app/worker", "eu-west-1", null, "arn:aws:kms:eu-west-1:111122223333:key/9", Map.of()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        s.certificate(new FakeAwsServer.FakeCertificate("c-1", "us-east-1", "acme.test", List.of("acme.test", "www.acme.test"),
                "AMAZON_ISSUED", "ISSUED", now.minus(30, ChronoUnit.DAYS), now.plus(300, ChronoUnit.DAYS),
                List.of("arn:aws:cloudfront::111122223333:distribution/E1"), "ELIGIBLE", "SUCCESS", "RSA-2048"));
        s.certificate(new FakeAwsServer.FakeCertificate("c-2", "eu-west-1", "api.acme.test", List.of("api.acme.test"),
                "IMPORTED", "ISSUED", now.minus(80, ChronoUnit.DAYS), now.plus(10, ChronoUnit.DAYS),
                List.of("arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/x"), "INELIGIBLE", null, "EC-prime256v1"));
    }

    static <T> Map<String, T> byName(List<T> list, Function<T, String> name) {
        return list.stream().collect(Collectors.toMap(name, t -> t));
    }

    static <T> T known(Fact<T> f) {
        assertThat(f.isKnown()).as("fact should be known but: %s", f.error()).isTrue();
        return f.value();
    }

    @Test
    void healthyAccountIsReadCompletely() throws Exception {
        populate(server);
        CollectorResult r = aws.scanProd("us-east-1", "eu-west-1");

        SourceStatus status = r.sources().get(0);
        assertThat(status.name()).isEqualTo("aws:prod");
        assertThat(status.status()).as(status.error()).isEqualTo(SourceState.OK);
        assertThat(status.error()).isNull();
        assertThat(status.apiCalls()).isEqualTo(server.calls().size());
        AwsEnvironment env = r.inventory().aws().get(0);
        assertThat(env.env()).isEqualTo("prod");
        assertThat(env.production()).isTrue();
        assertThat(known(env.accountId())).isEqualTo(FakeAwsServer.ACCOUNT);
        assertThat(known(env.accountPublicAccessBlock())).isEqualTo(new PublicAccessBlock(true, true, true, true));

        Map<String, Bucket> buckets = byName(known(env.buckets()), Bucket::name);
        assertThat(buckets).containsOnlyKeys("acme-prod-uploads", "acme-bare", "acme-eu-archive");
        Bucket up = buckets.get("acme-prod-uploads");
        assertThat(up.arn()).isEqualTo("arn:aws:s3:::acme-prod-uploads");
        assertThat(up.region()).isEqualTo("us-east-1");
        assertThat(known(up.encryption())).isEqualTo(new BucketEncryption("SSE-KMS", "arn:aws:kms:us-east-1:111122223333:key/1234", true));
        assertThat(known(up.policy())).isEqualTo(TLS_ONLY);
        assertThat(known(up.policyPublic())).isFalse();
        assertThat(known(up.versioning())).isEqualTo("Enabled");
        assertThat(known(up.logging()).enabled()).isTrue();
        assertThat(known(up.logging()).targetBucket()).isEqualTo("acme-logs");
        assertThat(known(up.tags())).containsEntry("env", "prod");
        assertThat(known(up.publicAccessBlock()).allTrue()).isTrue();

        Bucket eu = buckets.get("acme-eu-archive");
        assertThat(eu.region()).isEqualTo("eu-west-1");
        assertThat(known(eu.encryption()).algorithm()).isEqualTo("DSSE-KMS");
        assertThat(known(eu.versioning())).isEqualTo("Suspended");
        // its per-bucket calls were signed for its own region (the fake answers 301 otherwise)
        assertThat(server.calls()).filteredOn(c -> "acme-eu-archive".equals(c.resource()) && c.operation().startsWith("GetBucket")
                && !c.operation().equals("GetBucketLocation")).isNotEmpty().allMatch(c -> c.region().equals("eu-west-1"));
        assertThat(server.count("s3:GetBucketLocation")).isEqualTo(1); // only for the bucket listed without a region

        Map<String, IamUser> users = byName(known(env.users()), IamUser::name);
        IamUser alice = users.get("alice");
        assertThat(alice.arn()).isEqualTo("arn:aws:iam::111122223333:user/alice");
        assertThat(known(alice.console()).passwordEnabled()).isTrue();
        assertThat(known(alice.console()).passwordLastUsed()).isEqualTo(server.user("alice").passwordLastUsed);
        assertThat(known(alice.mfaActive())).isTrue();
        assertThat(known(alice.mfaDevices())).containsExactly("arn:aws:iam::111122223333:mfa/alice");
        AccessKey aliceKey = known(alice.accessKeys()).get(0);
        assertThat(aliceKey.id()).isEqualTo("AKIAALICE00000000001");
        assertThat(aliceKey.active()).isTrue();
        assertThat(aliceKey.lastUsed()).isEqualTo(server.user("alice").keys.get(0).lastUsed);
        assertThat(aliceKey.lastUsedService()).isEqualTo("s3");
        assertThat(known(alice.tags())).containsEntry("email", "alice@acme.test");
        assertThat(known(alice.groups())).containsExactly("developers");
        assertThat(known(alice.attachedPolicies())).singleElement()
                .satisfies(p -> assertThat(p.document()).isNull());

        IamUser bob = users.get("bob");
        assertThat(known(bob.console()).passwordEnabled()).isFalse();
        assertThat(known(bob.mfaActive())).isFalse();
        assertThat(known(bob.accessKeys())).extracting(AccessKey::id, AccessKey::status, AccessKey::lastUsed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AKIABOB0000000000001", "Active", null),
                        org.assertj.core.groups.Tuple.tuple("AKIABOB0000000000002", "Inactive", null));
        assertThat(known(bob.inlinePolicies())).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("break-glass");
            assertThat(p.document()).isEqualTo(ADMIN);
        });
        assertThat(known(bob.attachedPolicies())).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("DeployPolicy");
            assertThat(p.document()).contains("s3:PutObject");
        }).anySatisfy(p -> assertThat(p.arn()).isEqualTo("arn:aws:iam::aws:policy/AdministratorAccess"));
        assertThat(known(bob.otherCredentials())).extracting(o -> o.kind() + "=" + o.id())
                .containsExactlyInAnyOrder("ssh-public-key=APKABOBSSH", "signing-certificate=BOBCERT1",
                        "service-specific-credential=ACCABOBCC");
        // the credential report answered last use of every key: no GetAccessKeyLastUsed, no GetLoginProfile
        assertThat(server.count("iam:GetAccessKeyLastUsed")).isZero();
        assertThat(server.count("iam:GetLoginProfile")).isZero();

        assertThat(known(env.root()).mfaEnabled()).isEqualTo(Fact.known(true));
        assertThat(known(env.root()).accessKeysPresent()).isEqualTo(Fact.known(false));
        assertThat(known(env.passwordPolicy()).minimumLength()).isEqualTo(14);
        assertThat(known(env.passwordPolicy()).reusePrevention()).isEqualTo(5);

        IamRole role = known(env.roles()).get(0);
        assertThat(role.name()).isEqualTo("deploy");
        assertThat(role.trustPolicy()).isEqualTo(TRUST);
        assertThat(role.tags()).containsEntry("env", "prod");

        Map<String, DbInstance> dbs = byName(known(env.databases()), DbInstance::id);
        assertThat(dbs.get("orders").kind()).isEqualTo("instance");
        assertThat(dbs.get("orders").storageEncrypted()).isTrue();
        assertThat(dbs.get("orders").tags()).containsEntry("env", "prod");
        assertThat(dbs.get("orders").arn()).isEqualTo("arn:aws:rds:us-east-1:111122223333:db:orders");
        assertThat(dbs.get("analytics").kind()).isEqualTo("cluster");
        assertThat(dbs.get("analytics").region()).isEqualTo("eu-west-1");
        assertThat(dbs.get("analytics").storageEncrypted()).isFalse();

        Map<String, LogGroup> groups = byName(known(env.logGroups()), LogGroup::name);
        assertThat(groups.get("/app/api").retentionDays()).isEqualTo(30);
        assertThat(groups.get("/app/api").arn()).isEqualTo("arn:aws:logs:us-east-1:111122223333:log-group:/app/api");
        assertThat(known(groups.get("/app/api").tags())).containsEntry("env", "prod");
        assertThat(groups.get("/app/worker").retentionDays()).isNull();
        assertThat(groups.get("/app/worker").region()).isEqualTo("eu-west-1");

        Map<String, AcmCertificate> certs = byName(known(env.certificates()), AcmCertificate::domain);
        AcmCertificate c1 = certs.get("acme.test");
        assertThat(c1.type()).isEqualTo("AMAZON_ISSUED");
        assertThat(c1.inUse()).isTrue();
        assertThat(c1.renewalStatus()).isEqualTo("SUCCESS");
        assertThat(c1.subjectAlternativeNames()).contains("www.acme.test");
        AcmCertificate c2 = certs.get("api.acme.test"); // an EC key: only listed because Includes.keyTypes names it
        assertThat(c2.region()).isEqualTo("eu-west-1");
        assertThat(c2.type()).isEqualTo("IMPORTED");
        assertThat(c2.renewalEligibility()).isEqualTo("INELIGIBLE");
        assertThat(c2.renewalStatus()).isNull();
        assertThat(c2.notAfter()).isAfter(Instant.now());

        // read-only: nothing but Get/List/Describe/Generate(report) calls
        assertThat(server.calls()).allMatch(c -> c.operation().matches("(Get|List|Describe|GenerateCredentialReport|AssumeRole).*"),
                "only read calls");
        assertThat(server.calls()).allMatch(c -> FakeAwsServer.ACCESS_KEY.equals(c.accessKeyId()));
    }

    @Test
    void notConfiguredAnswersAreKnownNulls() throws Exception {
        populate(server);
        server.passwordPolicyConfigured = false;
        server.accountPublicAccessBlock = null;
        CollectorResult r = aws.scanProd();

        assertThat(r.sources().get(0).status()).as(r.sources().get(0).error()).isEqualTo(SourceState.OK);
        AwsEnvironment env = r.inventory().aws().get(0);
        assertThat(env.passwordPolicy()).isEqualTo(Fact.known(null));
        assertThat(env.accountPublicAccessBlock()).isEqualTo(Fact.known(null));
        Bucket bare = byName(known(env.buckets()), Bucket::name).get("acme-bare");
        assertThat(known(bare.encryption()).isNone()).isTrue();
        assertThat(bare.publicAccessBlock()).isEqualTo(Fact.known(null));
        assertThat(bare.policy()).isEqualTo(Fact.known(null));
        assertThat(bare.policyPublic()).isEqualTo(Fact.known(null));
        assertThat(bare.versioning()).isEqualTo(Fact.known("Disabled"));
        assertThat(known(bare.logging()).enabled()).isFalse();
        assertThat(bare.tags()).isEqualTo(Fact.known(Map.of()));
        // no policy → its status is not asked for
        assertThat(server.calls()).noneMatch(c -> c.operation().equals("GetBucketPolicyStatus") && "acme-bare".equals(c.resource()));
    }

    @Test
    void accessDeniedMakesFactsUnknownAndSourcePartial() throws Exception {
        populate(server);
        server.deny("s3:GetBucketPolicy", "acme-prod-uploads")
                .deny("s3:GetBucketEncryption", "acme-bare")
                .deny("iam:ListAttachedUserPolicies", "bob")
                .deny("logs:ListTagsForResource", null)
                .deny("acm:DescribeCertificate", null)
                .deny("s3control:GetPublicAccessBlock", null);
        CollectorResult r = aws.scanProd("us-east-1", "eu-west-1");

        SourceStatus status = r.sources().get(0);
        assertThat(status.status()).isEqualTo(SourceState.PARTIAL);
        assertThat(status.error()).contains("s3:GetBucketPolicy denied for acme-prod-uploads",
                "s3:GetEncryptionConfiguration denied for acme-bare", "iam:ListAttachedUserPolicies denied for user bob",
                "logs:ListTagsForResource denied for /app/api", "acm:DescribeCertificate denied for",
                "s3:GetAccountPublicAccessBlock denied for account 111122223333", "assets/aws-scan-policy.json");
        AwsEnvironment env = r.inventory().aws().get(0);
        Map<String, Bucket> buckets = byName(known(env.buckets()), Bucket::name);
        Bucket up = buckets.get("acme-prod-uploads");
        assertThat(up.policy().isKnown()).isFalse();
        assertThat(up.policy().error()).isEqualTo("s3:GetBucketPolicy denied for acme-prod-uploads");
        // never "could not read" as "not configured": the policy status is still asked and known
        assertThat(known(up.policyPublic())).isFalse();
        assertThat(known(up.encryption()).algorithm()).isEqualTo("SSE-KMS");
        assertThat(buckets.get("acme-bare").encryption().error()).isEqualTo("s3:GetEncryptionConfiguration denied for acme-bare");
        assertThat(known(buckets.get("acme-bare").policy())).isNull();
        assertThat(env.accountPublicAccessBlock().isKnown()).isFalse();

        Map<String, IamUser> users = byName(known(env.users()), IamUser::name);
        assertThat(users.get("bob").attachedPolicies().error()).isEqualTo("iam:ListAttachedUserPolicies denied for user bob");
        assertThat(known(users.get("bob").inlinePolicies())).hasSize(1);
        assertThat(known(users.get("alice").attachedPolicies())).hasSize(1);

        assertThat(known(env.logGroups())).allSatisfy(g -> assertThat(g.tags().error()).startsWith("logs:ListTagsForResource denied for"));
        assertThat(env.certificates().isKnown()).isFalse();
        assertThat(env.certificates().error()).contains("acm:DescribeCertificate denied for arn:aws:acm:");
        assertThat(known(env.databases())).hasSize(2);
    }

    @Test
    void deniedCredentialReportFallsBackToPerUserCalls() throws Exception {
        populate(server);
        server.deny("iam:GenerateCredentialReport", null);
        server.rootMfa = false;
        CollectorResult r = aws.scanProd();

        assertThat(r.sources().get(0).status()).isEqualTo(SourceState.PARTIAL);
        assertThat(r.sources().get(0).error()).contains("iam:GenerateCredentialReport denied for account 111122223333");
        AwsEnvironment env = r.inventory().aws().get(0);
        Map<String, IamUser> users = byName(known(env.users()), IamUser::name);
        assertThat(known(users.get("alice").console()).passwordEnabled()).isTrue();
        assertThat(known(users.get("alice").console()).passwordCreated()).isEqualTo(Instant.parse("2024-02-01T10:00:00Z"));
        assertThat(known(users.get("bob").console()).passwordEnabled()).isFalse(); // NoSuchEntity = no password
        assertThat(known(users.get("alice").mfaActive())).isTrue();
        assertThat(known(users.get("alice").accessKeys()).get(0).lastUsed()).isEqualTo(server.user("alice").keys.get(0).lastUsed);
        assertThat(server.count("iam:GetAccessKeyLastUsed")).isEqualTo(3);
        assertThat(known(env.root()).mfaEnabled()).isEqualTo(Fact.known(false)); // from GetAccountSummary
    }

    @Test
    void listingsArePaginated() throws Exception {
        server.pageSize(2);
        for (int i = 0; i < 5; i++) {
            server.bucket("acme-b" + i, "us-east-1");
            server.user("user" + i).key("AKIAUSER" + i + "00000000000").created = Instant.parse("2025-01-0" + (i + 1) + "T00:00:00Z");
            server.role("role" + i, TRUST, Map.of("n", "" + i, "m", "x", "o", "y"));
            server.database(new FakeAwsServer.FakeDb("db" + i, "instance", "us-east-1", "mysql", true, false, Map.of()));
            server.logGroup(new FakeAwsServer.FakeLogGroup("/g/" + i, "us-east-1", 7, null, Map.of()));
            server.certificate(new FakeAwsServer.FakeCertificate("id" + i, "us-east-1", "d" + i + ".acme.test", List.of(),
                    "AMAZON_ISSUED", "ISSUED", Instant.now(), Instant.now().plusSeconds(9_000_000), List.of(), "ELIGIBLE", null, "RSA-2048"));
        }
        var u = server.user("user0");
        for (int i = 0; i < 5; i++) {
            u.tags.put("t" + i, "v" + i);
            u.groups.add("g" + i);
        }
        CollectorResult r = aws.scanProd();

        assertThat(r.sources().get(0).status()).as(r.sources().get(0).error()).isEqualTo(SourceState.OK);
        AwsEnvironment env = r.inventory().aws().get(0);
        assertThat(known(env.buckets())).hasSize(5);
        assertThat(known(env.users())).hasSize(5);
        assertThat(known(env.roles())).hasSize(5).allSatisfy(role -> assertThat(role.tags()).hasSize(3));
        assertThat(known(env.databases())).hasSize(5);
        assertThat(known(env.logGroups())).hasSize(5);
        assertThat(known(env.certificates())).hasSize(5);
        IamUser u0 = byName(known(env.users()), IamUser::name).get("user0");
        assertThat(known(u0.tags())).hasSize(5);
        assertThat(known(u0.groups())).hasSize(5);
        assertThat(server.count("s3:ListBuckets")).isEqualTo(3);
        assertThat(server.count("iam:ListUsers")).isEqualTo(3);
        assertThat(server.count("iam:ListRoles")).isEqualTo(3);
        assertThat(server.count("rds:DescribeDBInstances")).isEqualTo(3);
        assertThat(server.count("logs:DescribeLogGroups")).isEqualTo(3);
        assertThat(server.count("acm:ListCertificates")).isEqualTo(3);
        assertThat(server.calls()).filteredOn(c -> c.action().equals("iam:ListUserTags") && "user0".equals(c.resource())).hasSize(3);
    }

    @Test
    void throttledCallsAreRetriedToCompleteResults() throws Exception {
        populate(server);
        server.throttle("s3:GetBucketPolicy", 2).throttle("iam:ListUsers", 2).throttle("logs:DescribeLogGroups", 1)
                .throttle("acm:ListCertificates", 1).throttle("rds:DescribeDBInstances", 1).throttle("s3:ListBuckets", 1);
        CollectorResult r = aws.scanProd();

        assertThat(r.sources().get(0).status()).as(r.sources().get(0).error()).isEqualTo(SourceState.OK);
        AwsEnvironment env = r.inventory().aws().get(0);
        assertThat(known(env.buckets())).hasSize(3).allSatisfy(b -> assertThat(b.policy().isKnown()).isTrue());
        assertThat(known(env.users())).hasSize(2);
        assertThat(server.count("iam:ListUsers")).isEqualTo(3);
        assertThat(server.count("s3:ListBuckets")).isEqualTo(2);
    }

    @Test
    void tenPercentRandomThrottlingStillCompletes() throws Exception {
        populate(server);
        for (int i = 0; i < 30; i++) {
            server.bucket("acme-extra-" + i, "us-east-1");
        }
        server.throttleRandomly(0.10, 42);
        CollectorResult r = aws.scanProd("us-east-1", "eu-west-1");

        assertThat(r.sources().get(0).status()).as(r.sources().get(0).error()).isEqualTo(SourceState.OK);
        AwsEnvironment env = r.inventory().aws().get(0);
        assertThat(known(env.buckets())).hasSize(33);
        assertThat(known(env.certificates())).hasSize(2);
    }

    @Test
    void credentialReportStillGeneratingIsPolled() throws Exception {
        populate(server);
        server.credentialReportPolls(3);
        CollectorResult r = aws.scanProd();

        assertThat(r.sources().get(0).status()).as(r.sources().get(0).error()).isEqualTo(SourceState.OK);
        assertThat(server.count("iam:GenerateCredentialReport")).isEqualTo(4);
        assertThat(known(byName(known(r.inventory().aws().get(0).users()), IamUser::name).get("alice").mfaActive())).isTrue();
        assertThat(server.count("iam:GetLoginProfile")).isZero();
    }

    @Test
    void badCredentialsGiveErrorWhileOtherEnvironmentsFinish() throws Exception {
        populate(server);
        aws.config("[profile acme-prod]\nregion = us-east-1\n[profile acme-bad]\nregion = us-east-1\n");
        aws.credentials("[acme-prod]\naws_access_key_id = " + FakeAwsServer.ACCESS_KEY + "\naws_secret_access_key = s\n"
                + "[acme-bad]\naws_access_key_id = AKIAUNKNOWN000000000\naws_secret_access_key = s\n");
        String ep = server.endpoint().toString();
        CollectorResult r = aws.scan(AwsTestSupport.env("prod", "acme-prod", ep),
                AwsTestSupport.env("staging", "acme-bad", ep),
                AwsTestSupport.env("dev", "acme-missing", ep),
                AwsTestSupport.env("qa", "acme-prod", "http://127.0.0.1:1"));

        Map<String, SourceStatus> st = byName(r.sources(), SourceStatus::name);
        assertThat(st.get("aws:prod").status()).isEqualTo(SourceState.OK);
        assertThat(st.get("aws:staging").status()).isEqualTo(SourceState.ERROR);
        assertThat(st.get("aws:staging").error()).contains("InvalidClientTokenId", "acme-bad");
        assertThat(st.get("aws:dev").status()).isEqualTo(SourceState.ERROR);
        assertThat(st.get("aws:dev").error()).contains("AWS profile 'acme-missing' is not defined");
        assertThat(st.get("aws:qa").status()).isEqualTo(SourceState.ERROR);
        assertThat(st.get("aws:qa").error()).contains("could not reach AWS STS at http://127.0.0.1:1");
        AwsEnvironment staging = byName(r.inventory().aws(), AwsEnvironment::env).get("staging");
        assertThat(staging.accountId().isKnown()).isFalse();
        assertThat(staging.buckets().isKnown()).isFalse();
        assertThat(staging.users().error()).contains("InvalidClientTokenId");
        assertThat(known(byName(r.inventory().aws(), AwsEnvironment::env).get("prod").buckets())).hasSize(3);
        assertThat(String.join(" ", st.get("aws:staging").error(), st.get("aws:prod").toString()))
                .doesNotContain(FakeAwsServer.SECRET_KEY);
    }

    @Test
    void expiredSessionTokenSaysHowToRenew() throws Exception {
        server.expireKey(FakeAwsServer.ACCESS_KEY);
        CollectorResult r = aws.scanProd();
        assertThat(r.sources().get(0).status()).isEqualTo(SourceState.ERROR);
        assertThat(r.sources().get(0).error()).contains("ExpiredToken", "aws sso login --profile acme-prod");
    }

    @Test
    void partialMessageGroupsByAction() {
        String m = EnvironmentScan.partialMessage(List.of(
                new EnvironmentScan.Failure("s3:GetBucketPolicy", "a", "s3:GetBucketPolicy denied for a", true),
                new EnvironmentScan.Failure("s3:GetBucketPolicy", "b", "s3:GetBucketPolicy denied for b", true),
                new EnvironmentScan.Failure("rds:DescribeDBInstances", "us-east-1", "rds:DescribeDBInstances failed for us-east-1: boom", false)));
        assertThat(m).isEqualTo("3 calls failed: s3:GetBucketPolicy denied for a, b; rds:DescribeDBInstances failed "
                + "for us-east-1: boom. Grant the read-only permissions in assets/aws-scan-policy.json (docs/aws-permissions.md).");
    }
}
