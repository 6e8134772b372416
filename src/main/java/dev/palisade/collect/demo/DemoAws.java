package dev.palisade.collect.demo;

import dev.palisade.core.Fact;
import dev.palisade.core.inventory.AccessKey;
import dev.palisade.core.inventory.AcmCertificate;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.Bucket;
import dev.palisade.core.inventory.BucketEncryption;
import dev.palisade.core.inventory.BucketLogging;
import dev.palisade.core.inventory.ConsoleAccess;
import dev.palisade.core.inventory.DbInstance;
import dev.palisade.core.inventory.EnvTag;
import dev.palisade.core.inventory.IamRole;
import dev.palisade.core.inventory.IamUser;
import dev.palisade.core.inventory.InlinePolicy;
import dev.palisade.core.inventory.LogGroup;
import dev.palisade.core.inventory.PasswordPolicy;
import dev.palisade.core.inventory.PolicyRef;
import dev.palisade.core.inventory.PublicAccessBlock;
import dev.palisade.core.inventory.RootAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo company's AWS: a dedicated production account, a second, small production account for
 * card payments (kept apart to keep PCI scope small, set up carefully and run by two people), and
 * one account shared by staging and demo (resources told apart by the {@code env} tag), as an AWS
 * collector would return them.
 */
final class DemoAws {
    static final String PROD_ACCOUNT = "491820736154";
    static final String SHARED_ACCOUNT = "730415982267";
    static final String PAYMENTS_ACCOUNT = "582640117395";
    /** A monitoring vendor's account (a third party, not one of our environments). */
    static final String VENDOR_ACCOUNT = "464622532012";
    static final String TAG_KEY = "env";

    private static final PublicAccessBlock ALL_BLOCKED = new PublicAccessBlock(true, true, true, true);
    private static final PublicAccessBlock ACLS_ONLY = new PublicAccessBlock(true, true, false, false);
    private static final String ADMIN_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";

    private DemoAws() {
    }

    static List<AwsEnvironment> environments(Moment m) {
        return List.of(prod(m), payments(m), shared(m, "staging"), shared(m, "demo"));
    }

    // ---------------------------------------------------------------- payments production account

    /** Opened a year ago for card payments: everything a production account should be, two people with access. */
    private static AwsEnvironment payments(Moment m) {
        String a = PAYMENTS_ACCOUNT;
        RootAccount root = new RootAccount(Fact.known(true), Fact.known(false));
        PasswordPolicy pw = new PasswordPolicy(16, true, true, true, true, 90, 24);
        List<Bucket> buckets = List.of(
                new BucketSpec("acme-payments-vault", m.ago(380)).kms(a).policy(policy(tlsOnly("acme-payments-vault")))
                        .versioning("Enabled").logging("acme-payments-logs").tag("env", "payments").build(),
                new BucketSpec("acme-payments-logs", m.ago(380)).kms(a)
                        .policy(policy(tlsOnly("acme-payments-logs"), logDelivery("acme-payments-logs", a)))
                        .versioning("Enabled").logging("acme-payments-logs").tag("env", "payments").build());
        List<IamUser> users = List.of(
                new UserSpec(a, "maya", m.ago(380)).tag("email", "maya.chen@acme.example").console(m.ago(380), m.ago(6)).mfa().build(),
                new UserSpec(a, "dana.ops", m.ago(370)).console(m.ago(370), m.ago(2)).mfa().groups("ops").build());
        List<IamRole> roles = List.of(
                role(a, "payments-tokenizer-task", trust("{\"Service\":\"ecs-tasks.amazonaws.com\"}", null), tags("env", "payments")));
        List<DbInstance> dbs = List.of(db(a, "acme-payments-db", "postgres", "us-east-1", true, tags("env", "payments")));
        List<LogGroup> logs = List.of(logGroup(a, "/ecs/acme-payments-tokenizer", "us-east-1", 400, tags("env", "payments")));
        List<AcmCertificate> certs = List.of(acm(a, "us-east-1", "pay.acme.example", List.of("pay.acme.example"), "AMAZON_ISSUED",
                m.anchored(-40), m.anchored(355), List.of(elb(a, "acme-payments-api")), "ELIGIBLE", null, m.at()));
        return new AwsEnvironment("payments", true, "acme-payments", List.of("us-east-1"), null,
                Fact.known(a), Fact.known(ALL_BLOCKED), Fact.known(buckets), Fact.known(root), Fact.known(pw),
                Fact.known(users), Fact.known(roles), Fact.known(dbs), Fact.known(logs), Fact.known(certs));
    }

    // ---------------------------------------------------------------- production account

    private static AwsEnvironment prod(Moment m) {
        // Until week 2 the account-level block left public policies possible.
        PublicAccessBlock accountBlock = m.from(2) ? ALL_BLOCKED : ACLS_ONLY;
        RootAccount root = new RootAccount(Fact.known(true), Fact.known(m.before(2)));
        PasswordPolicy pw = m.from(1) ? new PasswordPolicy(14, true, true, true, true, null, 24) : null;
        return new AwsEnvironment("prod", true, "acme-prod", List.of("us-east-1", "eu-west-1"), null,
                Fact.known(PROD_ACCOUNT), Fact.known(accountBlock), Fact.known(prodBuckets(m)), Fact.known(root),
                Fact.known(pw), Fact.known(prodUsers(m)), Fact.known(prodRoles()), Fact.known(prodDatabases()),
                Fact.known(prodLogGroups()), Fact.known(prodCertificates(m)));
    }

    private static List<Bucket> prodBuckets(Moment m) {
        List<Bucket> b = new ArrayList<>();
        b.add(new BucketSpec("acme-prod-uploads", m.ago(900)).kms(PROD_ACCOUNT)
                .policy(m.from(2) ? policy(tlsOnly("acme-prod-uploads")) : null).versioning("Enabled")
                .logging("acme-prod-logs").tag("env", "prod").tag("team", "platform").build());
        b.add(new BucketSpec("acme-prod-backups", m.ago(880)).kms(PROD_ACCOUNT).policy(policy(tlsOnly("acme-prod-backups")))
                .versioning(m.from(3) ? "Enabled" : "Suspended").logging(m.from(2), "acme-prod-logs").tag("env", "prod").build());
        b.add(new BucketSpec("acme-prod-logs", m.ago(900)).sseS3().policy(policy(tlsOnly("acme-prod-logs"), logDelivery("acme-prod-logs", PROD_ACCOUNT)))
                .versioning("Enabled").tag("env", "prod").build());
        // Shared with the staging account for "realistic test data": a cross-environment grant into production data.
        b.add(new BucketSpec("acme-prod-exports", m.ago(610)).sseS3()
                .policy(policy(crossAccountRead("acme-prod-exports", SHARED_ACCOUNT))).versioning("Suspended")
                .tag("env", "prod").build());
        // Lives in the production account but is tagged staging: mistagged.
        b.add(new BucketSpec("acme-prod-data-lake", m.ago(400)).kms(PROD_ACCOUNT).policy(policy(tlsOnly("acme-prod-data-lake")))
                .versioning("Enabled").logging(m.from(1), "acme-prod-logs").tag("env", "staging").tag("team", "data").build());
        b.add(new BucketSpec("acme-prod-cloudtrail", m.ago(950)).kms(PROD_ACCOUNT)
                .policy(policy(tlsOnly("acme-prod-cloudtrail"), cloudTrailWrite("acme-prod-cloudtrail", PROD_ACCOUNT)))
                .versioning("Enabled").logging(m.from(2), "acme-prod-logs").tag("env", "prod").build());
        b.add(new BucketSpec("acme-prod-invoices", m.ago(700)).dsseKms(PROD_ACCOUNT).policy(policy(tlsOnly("acme-prod-invoices")))
                .versioning(m.from(1) ? "Enabled" : "Disabled").tag("env", "prod").tag("data", "pii").build());
        // Served through a VPC endpoint only: Principal "*" but limited by a condition.
        b.add(new BucketSpec("acme-prod-static-site", m.ago(500)).sseS3()
                .policy(policy(tlsOnly("acme-prod-static-site"), vpceRead("acme-prod-static-site", "vpce-0a1b2c3d4e5f60718")))
                .versioning("Enabled").logging("acme-prod-logs").tag("env", "prod").build());
        if (m.before(6)) {
            // A scratch bucket nobody owned; deleted this week.
            b.add(new BucketSpec("acme-prod-tmp", m.ago(300)).sseS3().versioning("Disabled").build());
        }
        b.add(new BucketSpec("acme-eu-prod-uploads", m.ago(365)).region("eu-west-1").kms(PROD_ACCOUNT)
                .tlsOnly(m.from(1)).versioning("Enabled").logging(m.from(2), "acme-prod-logs")
                .tag("env", "prod").build());
        if (m.from(4)) {
            // Regression in week 4: a new bucket created by hand, without default encryption; brought up to
            // the production defaults (KMS, TLS only, versioning, access logs) this week.
            BucketSpec models = new BucketSpec("acme-prod-ml-models", m.ago(7.0 * (m.stage() - 4) + 2))
                    .tag("env", "prod").tag("team", "data");
            b.add((m.from(6)
                    ? models.kms(PROD_ACCOUNT).policy(policy(tlsOnly("acme-prod-ml-models"))).versioning("Enabled")
                            .logging("acme-prod-logs")
                    : models.noEncryption().versioning("Disabled")).build());
        }
        return b;
    }

    private static List<IamUser> prodUsers(Moment m) {
        String a = PROD_ACCOUNT;
        List<IamUser> u = new ArrayList<>();
        u.add(new UserSpec(a, "maya", m.ago(1100)).tag("email", "maya.chen@acme.example")
                .console(m.ago(1100), m.ago(0.3)).mfa()
                .key(rotated(m, -40, -250), m.ago(1), "s3").groups("admins").build());
        u.add(new UserSpec(a, "leo.park", m.ago(1000)).console(m.ago(1000), m.ago(2)).mfa()
                .attach("AdministratorAccess", ADMIN_ACCESS, null).build());
        u.add(new UserSpec(a, "dana", m.ago(800)).console(m.ago(800), m.ago(1)).mfa()
                .key(m.ago(210), m.ago(2), "ec2").key(m.ago(20), m.ago(0.5), "ecs").groups("ops").build());
        u.add(new UserSpec(a, "deploy-bot", m.ago(1200))
                .key(m.ago(430), m.ago(0.1), "ecs")
                .inline("deploy-everything", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""")
                .build());
        u.add(new UserSpec(a, "billing-export", m.ago(400)).tag("email", "dana.ortiz@acme.example")
                .key(m.ago(120), null, null)
                .attach("billing-export-read", "arn:aws:iam::" + a + ":policy/billing-export-read", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:PutObject"],"Resource":"arn:aws:s3:::acme-prod-exports/billing/*"}]}""")
                .build());
        if (m.before(3)) {
            u.add(new UserSpec(a, "ken", m.ago(600)).key(m.ago(150), m.ago(100), "athena").groups("data").build());
        }
        if (m.from(5)) {
            // Week 5: a contractor got a production console login (no MFA) to help with an incident.
            u.add(new UserSpec(a, "raj.contractor", m.ago(7.0 * (m.stage() - 5) + 3)).console(m.ago(7.0 * (m.stage() - 5) + 3), m.ago(1))
                    .groups("developers").build());
        }
        return u;
    }

    private static List<IamRole> prodRoles() {
        String a = PROD_ACCOUNT;
        return List.of(
                role(a, "OrganizationAdmin", trust("{\"AWS\":\"arn:aws:iam::" + a + ":root\"}", null), tags("env", "prod")),
                role(a, "deploy-from-staging",
                        trust("{\"AWS\":\"arn:aws:iam::" + SHARED_ACCOUNT + ":role/ci-runner\"}", null),
                        tags("env", "prod", "purpose", "promote builds")),
                role(a, "DatadogIntegration", trust("{\"AWS\":\"arn:aws:iam::" + VENDOR_ACCOUNT + ":root\"}",
                        "{\"StringEquals\":{\"sts:ExternalId\":\"4f1d2c9a7b6e4e3a8c0d\"}}"), tags("env", "prod")),
                role(a, "rds-monitoring-role", trust("{\"Service\":\"monitoring.rds.amazonaws.com\"}", null), tags()));
    }

    private static List<DbInstance> prodDatabases() {
        String a = PROD_ACCOUNT;
        return List.of(
                db(a, "acme-prod-main", "postgres", "us-east-1", true, tags("env", "prod")),
                db(a, "acme-prod-analytics", "mysql", "us-east-1", false, tags("env", "prod")),
                db(a, "acme-prod-eu", "postgres", "eu-west-1", true, tags("env", "prod")));
    }

    private static List<LogGroup> prodLogGroups() {
        String a = PROD_ACCOUNT;
        return List.of(
                logGroup(a, "/ecs/acme-prod-web", "us-east-1", 365, tags("env", "prod")),
                logGroup(a, "/aws/lambda/acme-prod-api", "us-east-1", 90, tags("env", "prod")),
                logGroup(a, "/aws/rds/instance/acme-prod-main/postgresql", "us-east-1", 30, tags("env", "prod")),
                logGroup(a, "/ecs/acme-eu-prod-web", "eu-west-1", 365, tags("env", "prod")));
    }

    private static List<AcmCertificate> prodCertificates(Moment m) {
        String a = PROD_ACCOUNT;
        List<AcmCertificate> c = new ArrayList<>();
        c.add(acm(a, "us-east-1", "*.acme.example", List.of("*.acme.example", "acme.example"), "AMAZON_ISSUED",
                m.anchored(-60), m.anchored(335), List.of(elb(a, "acme-prod-web")), "ELIGIBLE", null, m.at()));
        // Imported years ago for the CDN; ACM cannot renew it.
        c.add(acm(a, "us-east-1", "cdn.acme.example", List.of("cdn.acme.example"), "IMPORTED",
                m.anchored(-345), m.anchored(20), List.of("arn:aws:cloudfront::" + a + ":distribution/E2QWRUHAPOMQZL"),
                "INELIGIBLE", null, m.at()));
        // The DNS validation record was deleted: in use, but renewal has failed.
        c.add(acm(a, "us-east-1", "api.acme.example", List.of("api.acme.example"), "AMAZON_ISSUED",
                m.anchored(-345), m.anchored(50), List.of(elb(a, "acme-prod-api")), "INELIGIBLE", "FAILED", m.at()));
        c.add(acm(a, "eu-west-1", "eu.acme.example", List.of("eu.acme.example"), "AMAZON_ISSUED",
                m.anchored(-350), m.anchored(45), List.of(elb(a, "acme-eu-prod-web")), "ELIGIBLE", "PENDING_AUTO_RENEWAL", m.at()));
        return c;
    }

    // ---------------------------------------------------------------- shared staging + demo account

    private static AwsEnvironment shared(Moment m, String env) {
        RootAccount root = new RootAccount(Fact.known(false), Fact.known(true));
        PasswordPolicy weak = new PasswordPolicy(8, false, true, false, true, null, null);
        return new AwsEnvironment(env, false, "acme-" + env, List.of("us-east-1"), new EnvTag(TAG_KEY, env),
                Fact.known(SHARED_ACCOUNT), Fact.known(ACLS_ONLY), Fact.known(sharedBuckets(m)), Fact.known(root),
                Fact.known(weak), Fact.known(sharedUsers(m)), Fact.known(sharedRoles()), Fact.known(sharedDatabases()),
                Fact.known(sharedLogGroups()), Fact.known(sharedCertificates(m)));
    }

    private static List<Bucket> sharedBuckets(Moment m) {
        List<Bucket> b = new ArrayList<>();
        // Server access logging was rolled out bucket by bucket, the last ones this week.
        BucketSpec stagingUploads = new BucketSpec("acme-staging-uploads", m.ago(700)).block(ALL_BLOCKED)
                .policy(policy(tlsOnly("acme-staging-uploads"))).versioning("Enabled").logging(m.from(1), "acme-staging-logs")
                .tag("env", "staging");
        b.add((m.from(4) ? stagingUploads.sseS3() : stagingUploads.noEncryption()).build());
        b.add(new BucketSpec("acme-staging-backups", m.ago(690)).kms(SHARED_ACCOUNT).block(m.from(2), ALL_BLOCKED)
                .tlsOnly(m.from(6)).versioning(m.from(3) ? "Enabled" : "Disabled").logging(m.from(1), "acme-staging-logs").tag("env", "staging").build());
        b.add(new BucketSpec("acme-staging-logs", m.ago(700)).sseS3().block(m.from(2), ALL_BLOCKED)
                .policy(policy(logDelivery("acme-staging-logs", SHARED_ACCOUNT))).versioning("Enabled").tag("env", "staging").build());
        b.add(new BucketSpec("acme-staging-db-dumps", m.ago(420)).noEncryption().block(new PublicAccessBlock(true, false, false, false))
                .versioning("Disabled").tag("env", "staging").build());
        // No env tag in a shared account: both staging and demo claim it.
        b.add(new BucketSpec("acme-staging-ci-artifacts", m.ago(500)).sseS3().block(ALL_BLOCKED)
                .tlsOnly(m.from(1)).versioning(m.from(6) ? "Enabled" : "Suspended").logging(m.from(6), "acme-staging-logs").build());
        b.add(new BucketSpec("acme-staging-feature-flags", m.ago(300)).kms(SHARED_ACCOUNT).block(ALL_BLOCKED)
                .policy(policy(tlsOnly("acme-staging-feature-flags"))).versioning("Enabled").logging(m.from(2), "acme-staging-logs")
                .tag("env", "staging").build());
        b.add(new BucketSpec("acme-staging-partner-drop", m.ago(250)).sseS3().block(m.from(6), ALL_BLOCKED)
                .policy(policy(tlsOnly("acme-staging-partner-drop"), partnerUpload("acme-staging-partner-drop", "198.51.100.0/24")))
                .versioning("Enabled").logging("acme-staging-logs").tag("env", "staging").build());
        b.add(new BucketSpec("acme-shared-terraform-state", m.ago(1000)).kms(SHARED_ACCOUNT).block(ALL_BLOCKED)
                .policy(policy(tlsOnly("acme-shared-terraform-state"))).versioning(m.from(1) ? "Enabled" : "Suspended")
                .logging(m.from(2), "acme-staging-logs")
                .tag("env", "staging").build());
        // Public website assets for the sales demo: a public-read policy.
        b.add(new BucketSpec("acme-demo-public-assets", m.ago(330)).sseS3()
                .policy(policy(publicRead("acme-demo-public-assets"))).policyPublic(true).versioning("Disabled")
                .tag("env", "demo").build());
        b.add(new BucketSpec("acme-demo-uploads", m.ago(330)).sseS3().block(m.from(1), ALL_BLOCKED).tlsOnly(m.from(1))
                .versioning("Enabled").logging(m.from(4), "acme-staging-logs").tag("env", "demo").build());
        b.add(new BucketSpec("acme-demo-seed-data", m.ago(320)).kms(SHARED_ACCOUNT).block(ALL_BLOCKED)
                .tlsOnly(m.from(1)).versioning(m.from(3) ? "Enabled" : "Disabled").logging("acme-staging-logs")
                .tag("env", "demo").build());
        b.add(new BucketSpec("acme-demo-screenshots", m.ago(200)).sseS3().block(m.from(6), ALL_BLOCKED).tlsOnly(m.from(6))
                .versioning(m.from(6) ? "Enabled" : "Disabled").logging(m.from(5), "acme-staging-logs")
                .tag("env", "demo").build());
        b.add(new BucketSpec("acme-demo-sandbox", m.ago(150)).noEncryption().block(ALL_BLOCKED).versioning("Disabled")
                .tag("env", "demo").build());
        b.add(new BucketSpec("acme-demo-exports", m.ago(100)).kms(SHARED_ACCOUNT).block(ALL_BLOCKED)
                .policy(policy(tlsOnly("acme-demo-exports"))).versioning("Enabled").logging(m.from(6), "acme-staging-logs")
                .tag("env", "demo").build());
        return b;
    }

    private static List<IamUser> sharedUsers(Moment m) {
        String a = SHARED_ACCOUNT;
        List<IamUser> u = new ArrayList<>();
        u.add(new UserSpec(a, "dana.ops", m.ago(700)).tag("env", "staging").console(m.ago(700), m.ago(3)).mfa(m.from(2))
                .key(m.ago(30), m.ago(1), "s3").groups("ops").build());
        u.add(new UserSpec(a, "sam.rivera", m.ago(650)).console(m.ago(650), m.ago(1)).key(m.ago(60), m.ago(3), "lambda")
                .groups("developers").build());
        u.add(new UserSpec(a, "priya", m.ago(500)).tag("Email", "priya.nair@acme.example").console(m.ago(500), m.ago(100)).mfa()
                .groups("developers").build());
        u.add(new UserSpec(a, "ci-shared", m.ago(900)).key(m.ago(150), m.ago(0.2), "ecr").key(m.ago(35), m.ago(0.1), "s3")
                .groups("deployers").build());
        u.add(new UserSpec(a, "tom.becker", m.ago(950)).console(m.ago(950), m.ago(m.from(5) ? 9 : 2)).mfa()
                .key(m.ago(80), m.ago(m.from(5) ? 10 : 1), "s3").groups("developers").build());
        // Left the company; the IAM user was forgotten (never logged in, password still set).
        u.add(new UserSpec(a, "pat.kim", m.ago(200)).console(m.ago(200), null).groups("developers").build());
        if (m.from(3)) {
            u.add(new UserSpec(a, "ken", m.ago(7.0 * (m.stage() - 3) + 1)).console(m.ago(7.0 * (m.stage() - 3) + 1), m.ago(2)).mfa()
                    .key(m.ago(7.0 * (m.stage() - 3) + 1), m.ago(0.5), "athena").groups("data").build());
        }
        u.add(new UserSpec(a, "demo-seeder", m.ago(300)).tag("env", "demo").tag("email", "sam.rivera@acme.example")
                .key(m.ago(25), m.ago(1), "s3").build());
        return u;
    }

    private static List<IamRole> sharedRoles() {
        String a = SHARED_ACCOUNT;
        return List.of(
                role(a, "ci-runner", trust("{\"Federated\":\"arn:aws:iam::" + a + ":oidc-provider/token.actions.githubusercontent.com\"}",
                        "{\"StringLike\":{\"token.actions.githubusercontent.com:sub\":\"repo:acme-demo/*\"}}"), tags("env", "staging")),
                role(a, "staging-readonly", trust("{\"AWS\":\"arn:aws:iam::" + a + ":root\"}", null), tags("env", "staging")),
                role(a, "demo-reset", trust("{\"Service\":\"lambda.amazonaws.com\"}", null), tags("env", "demo")));
    }

    private static List<DbInstance> sharedDatabases() {
        String a = SHARED_ACCOUNT;
        return List.of(
                db(a, "acme-staging-main", "postgres", "us-east-1", true, tags("env", "staging")),
                db(a, "acme-demo-main", "postgres", "us-east-1", false, tags("env", "demo")),
                db(a, "acme-staging-scratch", "mysql", "us-east-1", false, tags()));
    }

    private static List<LogGroup> sharedLogGroups() {
        String a = SHARED_ACCOUNT;
        return List.of(
                logGroup(a, "/ecs/acme-staging-web", "us-east-1", 30, tags("env", "staging")),
                logGroup(a, "/ecs/acme-demo-web", "us-east-1", 14, tags("env", "demo")),
                logGroup(a, "/aws/lambda/demo-reset", "us-east-1", null, tags()));
    }

    private static List<AcmCertificate> sharedCertificates(Moment m) {
        String a = SHARED_ACCOUNT;
        return List.of(
                acm(a, "us-east-1", "staging.acme.example", List.of("staging.acme.example", "*.staging.acme.example"),
                        "AMAZON_ISSUED", m.anchored(-165), m.anchored(200), List.of(elb(a, "acme-staging-web")), "ELIGIBLE", null, m.at()),
                acm(a, "us-east-1", "old-demo.acme.example", List.of("old-demo.acme.example"), "IMPORTED",
                        m.anchored(-375), m.anchored(-10), List.of(), "INELIGIBLE", null, m.at()));
    }

    // ---------------------------------------------------------------- building blocks

    /** Creation time of a key rotated at {@code rotatedDays} (relative to the anchor): the new key once it exists, else the old one. */
    private static Instant rotated(Moment m, double rotatedDays, double oldCreatedDays) {
        Instant fresh = m.anchored(rotatedDays);
        return m.exists(fresh) ? fresh : m.anchored(oldCreatedDays);
    }

    /** Tags in a stable order (Map.of iterates in a per-JVM order, which would make the JSON differ between runs). */
    static Map<String, String> tags(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<String, String> ordered(Map<String, String> m) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    static String tlsOnly(String bucket) {
        return "{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                + "\"Resource\":[\"arn:aws:s3:::" + bucket + "\",\"arn:aws:s3:::" + bucket + "/*\"],"
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}";
    }

    private static String publicRead(String bucket) {
        return "{\"Sid\":\"PublicRead\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}";
    }

    private static String crossAccountRead(String bucket, String account) {
        return "{\"Sid\":\"StagingReadsExports\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + account + ":root\"},"
                + "\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],"
                + "\"Resource\":[\"arn:aws:s3:::" + bucket + "\",\"arn:aws:s3:::" + bucket + "/*\"]}";
    }

    private static String vpceRead(String bucket, String vpce) {
        return "{\"Sid\":\"ReadThroughVpce\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::" + bucket + "/*\",\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":\"" + vpce + "\"}}}";
    }

    private static String partnerUpload(String bucket, String cidr) {
        return "{\"Sid\":\"PartnerUploadFromOffice\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:PutObject\","
                + "\"Resource\":\"arn:aws:s3:::" + bucket + "/incoming/*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"" + cidr + "\"}}}";
    }

    private static String cloudTrailWrite(String bucket, String account) {
        return "{\"Sid\":\"CloudTrailWrite\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"cloudtrail.amazonaws.com\"},"
                + "\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::" + bucket + "/AWSLogs/" + account + "/*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"" + account + "\"}}}";
    }

    private static String logDelivery(String bucket, String account) {
        return "{\"Sid\":\"S3ServerAccessLogs\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"logging.s3.amazonaws.com\"},"
                + "\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::" + bucket + "/*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"" + account + "\"}}}";
    }

    private static String trust(String principal, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":" + principal + ","
                + "\"Action\":\"" + (principal.contains("Federated") ? "sts:AssumeRoleWithWebIdentity" : "sts:AssumeRole") + "\""
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
    }

    private static IamRole role(String account, String name, String trust, Map<String, String> tags) {
        return new IamRole(name, "arn:aws:iam::" + account + ":role/" + name, trust, tags);
    }

    private static DbInstance db(String account, String id, String engine, String region, boolean encrypted,
                                 Map<String, String> tags) {
        return new DbInstance(id, "arn:aws:rds:" + region + ":" + account + ":db:" + id, "instance", engine, region,
                encrypted, false, tags);
    }

    private static LogGroup logGroup(String account, String name, String region, Integer retention, Map<String, String> tags) {
        return new LogGroup(name, "arn:aws:logs:" + region + ":" + account + ":log-group:" + name, region, retention, null,
                Fact.known(tags));
    }

    private static String elb(String account, String name) {
        return "arn:aws:elasticloadbalancing:us-east-1:" + account + ":loadbalancer/app/" + name + "/"
                + Moment.stableHex(name, 8);
    }

    private static AcmCertificate acm(String account, String region, String domain, List<String> sans, String type,
                                      Instant notBefore, Instant notAfter, List<String> inUseBy, String eligibility,
                                      String renewalStatus, Instant at) {
        String id = Moment.stableHex(account + domain, 16);
        String uuid = id.substring(0, 8) + "-" + id.substring(8, 12) + "-" + id.substring(12, 16) + "-"
                + id.substring(16, 20) + "-" + id.substring(20, 32);
        return new AcmCertificate("arn:aws:acm:" + region + ":" + account + ":certificate/" + uuid, domain, sans, region,
                type, notAfter.isAfter(at) ? "ISSUED" : "EXPIRED", notBefore, notAfter, !inUseBy.isEmpty(), inUseBy, eligibility, renewalStatus, "RSA_2048");
    }

    /** Builds one bucket the way the S3 collector reports it. */
    private static final class BucketSpec {
        private final String name;
        private final Instant created;
        private String region = "us-east-1";
        private BucketEncryption encryption = new BucketEncryption(BucketEncryption.SSE_S3, null, null);
        private PublicAccessBlock block;
        private String policy;
        private Boolean policyPublic;
        private String versioning = "Disabled";
        private BucketLogging logging = new BucketLogging(false, null, null);
        private final Map<String, String> tags = new LinkedHashMap<>();

        BucketSpec(String name, Instant created) {
            this.name = name;
            this.created = created;
        }

        BucketSpec region(String r) {
            region = r;
            return this;
        }

        BucketSpec kms(String account) {
            encryption = new BucketEncryption(BucketEncryption.SSE_KMS,
                    "arn:aws:kms:" + region + ":" + account + ":key/" + Moment.stableHex(name, 16), true);
            return this;
        }

        /** Dual-layer SSE-KMS, as compliance asked for the invoices. */
        BucketSpec dsseKms(String account) {
            encryption = new BucketEncryption(BucketEncryption.DSSE_KMS,
                    "arn:aws:kms:" + region + ":" + account + ":key/" + Moment.stableHex(name, 16), null);
            return this;
        }

        BucketSpec sseS3() {
            encryption = new BucketEncryption(BucketEncryption.SSE_S3, null, null);
            return this;
        }

        BucketSpec noEncryption() {
            encryption = new BucketEncryption(BucketEncryption.NONE, null, null);
            return this;
        }

        BucketSpec block(PublicAccessBlock b) {
            block = b;
            return this;
        }

        BucketSpec policy(String p) {
            policy = p;
            return this;
        }

        BucketSpec policyPublic(boolean p) {
            policyPublic = p;
            return this;
        }

        BucketSpec versioning(String v) {
            versioning = v;
            return this;
        }

        BucketSpec logging(String target) {
            logging = new BucketLogging(true, target, name + "/");
            return this;
        }

        /** Server access logging switched on when {@code on} (the week it was fixed), else off. */
        BucketSpec logging(boolean on, String target) {
            return on ? logging(target) : this;
        }

        BucketSpec tlsOnly(boolean on) {
            return on ? policy(DemoAws.policy(DemoAws.tlsOnly(name))) : this;
        }

        BucketSpec block(boolean on, PublicAccessBlock b) {
            return on ? block(b) : this;
        }

        BucketSpec tag(String k, String v) {
            tags.put(k, v);
            return this;
        }

        Bucket build() {
            Boolean isPublic = policy == null ? null : (policyPublic != null ? policyPublic : Boolean.FALSE);
            return new Bucket(name, Bucket.arnOf(name), region, created, Fact.known(encryption), Fact.known(block),
                    Fact.known(policy), Fact.known(isPublic), Fact.known(versioning), Fact.known(logging),
                    Fact.known(ordered(tags)));
        }
    }

    /** Builds one IAM user the way the IAM collector reports it. */
    private static final class UserSpec {
        private final String account;
        private final String name;
        private final Instant created;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private ConsoleAccess console = ConsoleAccess.none();
        private boolean mfa;
        private final List<AccessKey> keys = new ArrayList<>();
        private final List<PolicyRef> attached = new ArrayList<>();
        private final List<InlinePolicy> inline = new ArrayList<>();
        private final List<String> groups = new ArrayList<>();

        UserSpec(String account, String name, Instant created) {
            this.account = account;
            this.name = name;
            this.created = created;
        }

        UserSpec tag(String k, String v) {
            tags.put(k, v);
            return this;
        }

        UserSpec console(Instant passwordCreated, Instant lastUsed) {
            console = new ConsoleAccess(true, passwordCreated, lastUsed);
            return this;
        }

        UserSpec mfa() {
            return mfa(true);
        }

        UserSpec mfa(boolean on) {
            mfa = on;
            return this;
        }

        UserSpec key(Instant created, Instant lastUsed, String service) {
            String id = Moment.stableId("AKIA", account + "/" + name + "/" + keys.size(), 16);
            keys.add(new AccessKey(id, "Active", created, lastUsed, service, lastUsed == null ? null : "us-east-1"));
            return this;
        }

        UserSpec attach(String policyName, String arn, String document) {
            attached.add(new PolicyRef(policyName, arn, document));
            return this;
        }

        UserSpec inline(String policyName, String document) {
            inline.add(new InlinePolicy(policyName, document));
            return this;
        }

        UserSpec groups(String... g) {
            groups.addAll(List.of(g));
            return this;
        }

        IamUser build() {
            List<String> devices = mfa ? List.of("arn:aws:iam::" + account + ":mfa/" + name) : List.of();
            return new IamUser(name, "arn:aws:iam::" + account + ":user/" + name,
                    Moment.stableId("AIDA", account + "/" + name, 17), created, Fact.known(ordered(tags)),
                    Fact.known(console), Fact.known(mfa), Fact.known(devices), Fact.known(List.copyOf(keys)),
                    Fact.known(List.copyOf(attached)), Fact.known(List.copyOf(inline)), Fact.known(List.copyOf(groups)),
                    Fact.known(List.of()));
        }
    }
}
