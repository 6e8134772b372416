package dev.palisade.ui.testkit;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Resources;
import dev.palisade.core.Severity;
import dev.palisade.core.Snapshot;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.Status;
import dev.palisade.core.config.AwsConfig;
import dev.palisade.core.config.DomainConfig;
import dev.palisade.core.config.EnvironmentConfig;
import dev.palisade.core.config.GitHubConfig;
import dev.palisade.core.config.GoogleConfig;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.core.inventory.AccessKey;
import dev.palisade.core.inventory.AccountRef;
import dev.palisade.core.inventory.AcmCertificate;
import dev.palisade.core.inventory.AlertCounts;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.Bucket;
import dev.palisade.core.inventory.BucketEncryption;
import dev.palisade.core.inventory.BucketLogging;
import dev.palisade.core.inventory.CertificateInfo;
import dev.palisade.core.inventory.ConsoleAccess;
import dev.palisade.core.inventory.EnvTag;
import dev.palisade.core.inventory.GitHubMember;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.GitHubRepo;
import dev.palisade.core.inventory.HttpRedirect;
import dev.palisade.core.inventory.IamUser;
import dev.palisade.core.inventory.Identities;
import dev.palisade.core.inventory.Inventory;
import dev.palisade.core.inventory.Person;
import dev.palisade.core.inventory.PolicyRef;
import dev.palisade.core.inventory.PublicAccessBlock;
import dev.palisade.core.inventory.SecurityIssue;
import dev.palisade.core.inventory.TlsEndpoint;
import dev.palisade.core.inventory.TlsInventory;
import dev.palisade.core.inventory.TlsProbe;
import dev.palisade.core.inventory.WorkspaceDirectory;
import dev.palisade.core.inventory.WorkspaceUser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test data for the screens: a small company ("Acme Test") built from the model records, with
 * hand-written findings that match the inventory. Not a collector and not the check engine: the
 * screens only need believable snapshots.
 */
public final class SampleCompany {
    public static final String ORG = "Acme Test";
    public static final String PROD = "111111111111";
    public static final String SHARED = "222222222222";

    private SampleCompany() {
    }

    public static PalisadeConfig config() {
        Map<String, EnvironmentConfig> envs = new LinkedHashMap<>();
        envs.put("prod", new EnvironmentConfig("prod", true, new AwsConfig("acme-prod", List.of("eu-west-1"), null, null, null)));
        envs.put("staging", new EnvironmentConfig("staging", false, new AwsConfig("acme-shared", List.of("eu-west-1"), null, new EnvTag("env", "staging"), null)));
        envs.put("demo", new EnvironmentConfig("demo", false, new AwsConfig("acme-shared", List.of("eu-west-1"), null, new EnvTag("env", "demo"), null)));
        return new PalisadeConfig(Path.of("/tmp/palisade-ui-test"), ORG,
                new GoogleConfig("acme.example", List.of("alice@acme.example"), "client_secret.json", null, null, null, null, 15),
                envs, List.of(new DomainConfig("acme.example", 443), new DomainConfig("app.acme.example", 443),
                new DomainConfig("old.acme.example", 443), new DomainConfig("down.acme.example", 443)),
                null, new GitHubConfig("acme", "https://api.github.com", "GITHUB_TOKEN", List.of("security")), null, List.of());
    }

    private static Instant days(Instant now, long d) {
        return now.plus(Duration.ofDays(d));
    }

    public static Inventory inventory(Instant now) {
        PublicAccessBlock all = new PublicAccessBlock(true, true, true, true);
        Bucket uploads = bucket("acme-prod-uploads", now, Fact.known(new BucketEncryption("SSE-KMS", "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab", true)),
                Fact.known(all), Fact.known("{tls-only policy}"), "Enabled", new BucketLogging(true, "acme-prod-logs", "uploads/"), Map.of("env", "prod"));
        Bucket logs = bucket("acme-prod-logs", now, Fact.known(new BucketEncryption("SSE-S3", null, null)),
                Fact.known(all), Fact.known(null), "Suspended", new BucketLogging(false, null, null), Map.of("env", "prod"));
        Bucket backups = new Bucket("acme-prod-backups", Bucket.arnOf("acme-prod-backups"), "eu-west-1", days(now, -400),
                Fact.unknown("s3:GetEncryptionConfiguration denied for acme-prod-backups"), Fact.known(all), Fact.known(null),
                Fact.known(null), Fact.known("Enabled"), Fact.known(new BucketLogging(true, "acme-prod-logs", "backups/")), Fact.known(Map.of("env", "prod")));
        Bucket assets = bucket("acme-staging-assets", now, Fact.known(new BucketEncryption("NONE", null, null)),
                Fact.known(null), Fact.known("{public read}"), "Disabled", new BucketLogging(false, null, null), Map.of("env", "staging"));
        Bucket demoData = bucket("acme-demo-data", now, Fact.known(new BucketEncryption("SSE-S3", null, null)),
                Fact.known(all), Fact.known(null), "Enabled", new BucketLogging(false, null, null), Map.of());

        IamUser alice = user("alice", PROD, now, true, true, List.of(new AccessKey("AKIAALICE000000001", "Active", days(now, -30), days(now, -1), "s3", "eu-west-1")), false);
        IamUser bob = user("bob", PROD, now, true, false, List.of(new AccessKey("AKIABOB00000000001", "Active", days(now, -200), days(now, -3), "iam", "us-east-1")), true);
        IamUser deploy = user("deploy-bot", PROD, now, false, false, List.of(new AccessKey("AKIADEPLOY00000001", "Active", days(now, -400), days(now, -100), "s3", "eu-west-1")), false);
        IamUser carol = user("carol", SHARED, now, true, true, List.of(), false);

        AcmCertificate acm = new AcmCertificate("arn:aws:acm:eu-west-1:111111111111:certificate/abc", "*.acme.example",
                List.of("acme.example"), "eu-west-1", "IMPORTED", "ISSUED", days(now, -345), days(now, 20), true,
                List.of("arn:aws:elasticloadbalancing:…/app/prod"), "INELIGIBLE", null, "RSA_2048");
        AcmCertificate acmOk = new AcmCertificate("arn:aws:acm:eu-west-1:111111111111:certificate/def", "api.acme.example",
                List.of(), "eu-west-1", "AMAZON_ISSUED", "ISSUED", days(now, -60), days(now, 335), true,
                List.of(), "ELIGIBLE", "SUCCESS", "RSA_2048");

        AwsEnvironment prod = new AwsEnvironment("prod", true, "acme-prod", List.of("eu-west-1"), null, Fact.known(PROD), Fact.known(all),
                Fact.known(List.of(uploads, logs, backups)), null, Fact.known(null), Fact.known(List.of(alice, bob, deploy)),
                Fact.known(List.of()), Fact.known(List.of()), Fact.known(List.of()), Fact.known(List.of(acm, acmOk)));
        AwsEnvironment staging = new AwsEnvironment("staging", false, "acme-shared", List.of("eu-west-1"), new EnvTag("env", "staging"),
                Fact.known(SHARED), Fact.known(null), Fact.known(List.of(assets, demoData)), null, Fact.known(null),
                Fact.known(List.of(carol)), Fact.known(List.of()), Fact.known(List.of()), Fact.known(List.of()), Fact.known(List.of()));
        AwsEnvironment demo = new AwsEnvironment("demo", false, "acme-shared", List.of("eu-west-1"), new EnvTag("env", "demo"),
                Fact.known(SHARED), Fact.known(null), Fact.known(List.of(assets, demoData)), null, Fact.known(null),
                Fact.known(List.of(carol)), Fact.known(List.of()), Fact.known(List.of()), Fact.known(List.of()), Fact.known(List.of()));

        CertificateInfo ca = new CertificateInfo("CN=Acme Test Root", "CN=Acme Test Root", "01", days(now, -3000), days(now, 3000), List.of(), "ca", "RSA", true);
        CertificateInfo inter = new CertificateInfo("CN=Acme Test Issuing CA", "CN=Acme Test Root", "02", days(now, -900), days(now, 900), List.of(), "int", "RSA", false);
        CertificateInfo leafMain = leaf("acme.example", now, -30, 60, "fp-main");
        CertificateInfo leafAppNew = leaf("app.acme.example", now, -10, 80, "fp-app-new");
        CertificateInfo leafAppOld = leaf("app.acme.example", now, -85, 5, "fp-app-old");
        CertificateInfo leafOld = new CertificateInfo("CN=old.acme.example", "CN=old.acme.example", "09", days(now, -400), days(now, -3),
                List.of("old.acme.example"), "fp-old", "RSA", true);
        Fact<String> hsts = Fact.known("max-age=31536000; includeSubDomains");
        TlsEndpoint main = new TlsEndpoint("acme.example", 443, null, List.of(
                probe("192.0.2.10", List.of(leafMain, inter, ca), true, null, true, hsts),
                probe("192.0.2.11", List.of(leafMain, inter, ca), true, null, true, hsts)), redirect(true, null));
        TlsEndpoint app = new TlsEndpoint("app.acme.example", 443, null, List.of(
                probe("192.0.2.20", List.of(leafAppNew, inter, ca), true, null, true, hsts),
                probe("192.0.2.21", List.of(leafAppOld, inter, ca), true, null, true, Fact.known(null))), redirect(true, null));
        TlsEndpoint old = new TlsEndpoint("old.acme.example", 443, null, List.of(
                probe("192.0.2.30", List.of(leafOld), false, "expired", true, Fact.known(null))), redirect(false, "served 200 without redirecting"));
        TlsEndpoint down = new TlsEndpoint("down.acme.example", 443, "DNS name not found", List.of(), Fact.unknown("DNS name not found"));

        WorkspaceDirectory dir = new WorkspaceDirectory("acme.example", Fact.known(List.of(
                wsUser("alice@acme.example", "Alice Founder", false, true, true, now),
                wsUser("bob@acme.example", "Bob Engineer", false, false, false, now),
                wsUser("carol@acme.example", "Carol Former", true, false, true, now),
                wsUser("dave@acme.example", "Dave Sales", false, false, true, now))));

        GitHubOrg gh = new GitHubOrg("acme", Fact.known(false), Fact.known(List.of(
                new GitHubMember("alice-a", "Alice", "admin", Fact.known(true), List.of("alice@acme.example")),
                new GitHubMember("bobdev", "Bob", "member", Fact.known(false), List.of("bob@acme.example")),
                new GitHubMember("carol-c", "Carol", "member", Fact.known(true), List.of()),
                new GitHubMember("ghost-contractor", null, "outside_collaborator", Fact.unknown("2FA filter needs an owner's token"), List.of()))),
                Fact.known(List.of(
                        new GitHubRepo("acme/api", true, false, Fact.known(new AlertCounts(3, 1, 1, 1, 0)), Fact.known(AlertCounts.none())),
                        new GitHubRepo("acme/web", true, false, Fact.known(AlertCounts.none()), Fact.known(new AlertCounts(1, 0, 0, 0, 0))),
                        new GitHubRepo("acme/infra", true, false, Fact.known(AlertCounts.none()), Fact.unknown("secret scanning alerts: 403 needs security_events scope")))),
                Fact.known(List.of(
                        new SecurityIssue("https://github.com/acme/api/issues/41", "acme/api", 41, "SSRF in webhook preview", List.of("security", "critical"), "critical", days(now, -12), "bobdev", "alice-a"),
                        new SecurityIssue("https://github.com/acme/web/issues/7", "acme/web", 7, "Session cookie missing SameSite", List.of("security", "medium"), "medium", days(now, -20), null, "carol-c"),
                        new SecurityIssue("https://github.com/acme/api/issues/52", "acme/api", 52, "Rate limit on password reset", List.of("security", "high"), "high", days(now, -3), "alice-a", "bobdev"))));

        Identities ids = new Identities(List.of(
                new Person("alice@acme.example", "Alice Founder", Person.PersonState.ACTIVE, true, List.of(
                        new AccountRef("google", null, "alice@acme.example", "alice@acme.example", "directory"),
                        new AccountRef("aws", "prod", alice.arn(), "alice", "name"),
                        new AccountRef("github", null, "alice-a", "alice-a", "email"))),
                new Person("bob@acme.example", "Bob Engineer", Person.PersonState.ACTIVE, false, List.of(
                        new AccountRef("aws", "prod", bob.arn(), "bob", "name"),
                        new AccountRef("github", null, "bobdev", "bobdev", "email"))),
                new Person("carol@acme.example", "Carol Former", Person.PersonState.SUSPENDED, false, List.of(
                        new AccountRef("aws", "staging", carol.arn(), "carol", "tag"),
                        new AccountRef("github", null, "carol-c", "carol-c", "config"))),
                new Person("dave@acme.example", "Dave Sales", Person.PersonState.ACTIVE, false, List.of())),
                List.of(new AccountRef("aws", "prod", deploy.arn(), "deploy-bot", null),
                        new AccountRef("github", null, "ghost-contractor", "ghost-contractor", null)));
        return new Inventory(List.of(prod, staging, demo), new TlsInventory(List.of(main, app, old, down)), dir, List.of(gh), ids);
    }

    private static Bucket bucket(String name, Instant now, Fact<BucketEncryption> enc, Fact<PublicAccessBlock> pab, Fact<String> policy,
                                 String versioning, BucketLogging logging, Map<String, String> tags) {
        return new Bucket(name, Bucket.arnOf(name), "eu-west-1", days(now, -300), enc, pab, policy, Fact.known(policy.value() != null && policy.value().contains("public")),
                Fact.known(versioning), Fact.known(logging), Fact.known(tags));
    }

    private static IamUser user(String name, String account, Instant now, boolean console, boolean mfa, List<AccessKey> keys, boolean admin) {
        return new IamUser(name, "arn:aws:iam::" + account + ":user/" + name, "AID" + name.toUpperCase(), days(now, -500), Fact.known(Map.of()),
                Fact.known(console ? new ConsoleAccess(true, days(now, -400), days(now, -2)) : ConsoleAccess.none()),
                Fact.known(mfa), Fact.known(mfa ? List.of("arn:aws:iam::" + account + ":mfa/" + name) : List.of()),
                Fact.known(keys), Fact.known(admin ? List.of(new PolicyRef("AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess", null)) : List.of()),
                Fact.known(List.of()), Fact.known(List.of("developers")), Fact.known(List.of()));
    }

    private static CertificateInfo leaf(String host, Instant now, long from, long to, String fp) {
        return new CertificateInfo("CN=" + host, "CN=Acme Test Issuing CA", fp, days(now, from), days(now, to), List.of(host), fp, "EC", false);
    }

    private static TlsProbe probe(String addr, List<CertificateInfo> chain, boolean trusted, String problem, boolean host, Fact<String> hsts) {
        return new TlsProbe(addr, null, null, "TLSv1.3", "TLS_AES_128_GCM_SHA256", chain, trusted, problem, host, hsts);
    }

    private static Fact<HttpRedirect> redirect(boolean ok, String problem) {
        return Fact.known(new HttpRedirect(List.of(new HttpRedirect.HttpHop("http://x/", ok ? 301 : 200, ok ? "https://x/" : null)), ok, problem));
    }

    private static WorkspaceUser wsUser(String email, String name, boolean suspended, boolean admin, boolean twoSv, Instant now) {
        return new WorkspaceUser(email, name, suspended, false, admin, false, twoSv, false, days(now, -1), days(now, -700), List.of());
    }

    /** Findings matching {@link #inventory}; {@code fixedBobMfa} flips one FAIL to PASS (what a new scan "fixes"). */
    public static List<Finding> findings(boolean fixedBobMfa, int extraOldFailures) {
        List<Finding> out = new ArrayList<>();
        Resource uploads = Resources.bucket("acme-prod-uploads");
        Resource logs = Resources.bucket("acme-prod-logs");
        Resource backups = Resources.bucket("acme-prod-backups");
        Resource assets = Resources.bucket("acme-staging-assets");
        Resource demoData = Resources.bucket("acme-demo-data");
        String fix = "Set default encryption to SSE-KMS with a customer managed key: aws s3api put-bucket-encryption.";
        out.add(f("s3.bucket.encryption", Status.PASS, Severity.HIGH, "prod", uploads, "Bucket acme-prod-uploads is encrypted with SSE-KMS.", fix));
        out.add(f("s3.bucket.encryption", Status.PASS, Severity.HIGH, "prod", logs, "Bucket acme-prod-logs is encrypted with SSE-S3.", fix));
        out.add(f("s3.bucket.encryption_kms", Status.FAIL, Severity.LOW, "prod", logs, "Bucket acme-prod-logs in production uses SSE-S3, not SSE-KMS.", fix));
        out.add(f("s3.bucket.encryption", Status.ERROR, Severity.HIGH, "prod", backups, "s3:GetEncryptionConfiguration denied for acme-prod-backups.", "Grant s3:GetEncryptionConfiguration to the scanning role."));
        out.add(f("s3.bucket.encryption", Status.FAIL, Severity.HIGH, "staging", assets, "Bucket acme-staging-assets has no default encryption.", fix));
        out.add(f("s3.bucket.encryption", Status.PASS, Severity.HIGH, "demo", demoData, "Bucket acme-demo-data is encrypted with SSE-S3.", fix));
        out.add(f("s3.bucket.public_access_block", Status.FAIL, Severity.HIGH, "staging", assets, "Bucket acme-staging-assets has no public access block at bucket or account level.", "Turn on all four Block Public Access settings."));
        out.add(f("s3.bucket.public_access_block", Status.PASS, Severity.HIGH, "prod", uploads, "Bucket acme-prod-uploads blocks public access.", "—"));
        out.add(f("s3.bucket.public_policy", Status.FAIL, Severity.CRITICAL, "staging", assets, "Bucket acme-staging-assets policy allows Principal \"*\" without a limiting condition.", "Remove the public statement or add aws:SourceVpce."));
        out.add(f("s3.bucket.public_policy", Status.PASS, Severity.CRITICAL, "prod", uploads, "Bucket acme-prod-uploads policy grants nothing to everyone.", "—"));
        out.add(f("s3.bucket.tls_only", Status.PASS, Severity.MEDIUM, "prod", uploads, "Bucket acme-prod-uploads denies requests without TLS.", "—"));
        out.add(f("s3.bucket.tls_only", Status.FAIL, Severity.MEDIUM, "prod", logs, "Bucket acme-prod-logs has no policy that denies requests without TLS.", "Add a Deny on s3:* with Bool aws:SecureTransport=false."));
        out.add(f("s3.bucket.versioning", Status.FAIL, Severity.LOW, "prod", logs, "Bucket acme-prod-logs has versioning Suspended.", "Enable versioning."));
        out.add(f("s3.bucket.versioning", Status.PASS, Severity.LOW, "prod", uploads, "Bucket acme-prod-uploads has versioning enabled.", "—"));
        out.add(f("s3.bucket.access_logging", Status.FAIL, Severity.LOW, "staging", assets, "Bucket acme-staging-assets has no server access logging.", "Enable server access logging to a log bucket."));
        out.add(f("s3.bucket.access_logging", Status.PASS, Severity.LOW, "prod", uploads, "Bucket acme-prod-uploads logs to acme-prod-logs.", "—"));
        out.add(f("env.account.dedicated", Status.FAIL, Severity.MEDIUM, "staging", Resources.account(SHARED), "Environments staging and demo share AWS account 222222222222; they are separated by tags only.", "Move each environment into its own AWS account (AWS Organizations)."));
        out.add(f("env.account.dedicated", Status.PASS, Severity.MEDIUM, "prod", Resources.account(PROD), "Environment prod has AWS account 111111111111 to itself.", "—"));
        out.add(f("env.resource.tagged", Status.FAIL, Severity.MEDIUM, "demo", demoData, "Bucket acme-demo-data has no env tag in shared account 222222222222.", "Tag it env=demo or env=staging."));
        out.add(f("env.prod_access", Status.PASS, Severity.HIGH, "prod", Resources.environment("prod"), "2 people hold production credentials (limit 3): alice, bob.", "—"));
        out.add(f("tls.cert.expiry", Status.FAIL, Severity.CRITICAL, null, Resources.tlsEndpoint("app.acme.example", 443, "192.0.2.21"), "app.acme.example:443 at 192.0.2.21 serves a certificate that expires in 5 days.", "Check the renewal job, the web server reload, and every address behind the name."));
        out.add(f("tls.cert.expiry", Status.PASS, Severity.HIGH, null, Resources.tlsEndpoint("acme.example", 443, null), "acme.example:443 certificate has 60 days left.", "—"));
        out.add(f("tls.cert.expiry", Status.FAIL, Severity.CRITICAL, null, Resources.tlsEndpoint("old.acme.example", 443, "192.0.2.30"), "old.acme.example:443 certificate expired 3 days ago.", "Renew the certificate."));
        out.add(f("tls.cert.chain", Status.FAIL, Severity.HIGH, null, Resources.tlsEndpoint("old.acme.example", 443, "192.0.2.30"), "old.acme.example:443 presents a self-signed certificate.", "Use a certificate from a public CA."));
        out.add(f("tls.cert.expiry", Status.ERROR, Severity.HIGH, null, Resources.tlsEndpoint("down.acme.example", 443, null), "down.acme.example:443 could not be checked: DNS name not found.", "Fix DNS or remove the domain from palisade.yaml."));
        out.add(f("tls.https_redirect", Status.FAIL, Severity.MEDIUM, null, Resources.tlsEndpoint("old.acme.example", 443, null), "http://old.acme.example/ served 200 without redirecting.", "Redirect port 80 to https."));
        out.add(f("tls.hsts", Status.FAIL, Severity.LOW, null, Resources.tlsEndpoint("app.acme.example", 443, "192.0.2.21"), "app.acme.example:443 at 192.0.2.21 sends no Strict-Transport-Security header.", "Send max-age=31536000."));
        out.add(f("acm.cert.expiry", Status.FAIL, Severity.HIGH, "prod", Resources.acmCertificate("arn:aws:acm:eu-west-1:111111111111:certificate/abc", "*.acme.example"), "ACM certificate *.acme.example expires in 20 days.", "Re-import a renewed certificate."));
        out.add(f("acm.cert.renewal", Status.FAIL, Severity.HIGH, "prod", Resources.acmCertificate("arn:aws:acm:eu-west-1:111111111111:certificate/abc", "*.acme.example"), "ACM certificate *.acme.example is imported and in use; it will not renew by itself.", "Request an ACM-issued certificate."));
        out.add(f("iam.user.console_mfa", fixedBobMfa ? Status.PASS : Status.FAIL, Severity.HIGH, "prod", Resources.iamUser("arn:aws:iam::111111111111:user/bob", "bob"), "IAM user bob has a console password and no MFA device.", "Assign an MFA device or remove the console password."));
        out.add(f("iam.user.direct_admin", Status.FAIL, Severity.HIGH, "prod", Resources.iamUser("arn:aws:iam::111111111111:user/bob", "bob"), "IAM user bob has AdministratorAccess attached directly.", "Grant admin through a role."));
        out.add(f("iam.key.rotation", Status.FAIL, Severity.MEDIUM, "prod", Resources.accessKey("AKIABOB00000000001", "bob"), "Access key AKIABOB00000000001 of bob is 200 days old (limit 90).", "Rotate the key."));
        out.add(f("iam.key.unused", Status.FAIL, Severity.MEDIUM, "prod", Resources.accessKey("AKIADEPLOY00000001", "deploy-bot"), "Access key AKIADEPLOY00000001 of deploy-bot has been idle 100 days.", "Deactivate it."));
        out.add(f("access.account.unowned", Status.FAIL, Severity.HIGH, "prod", Resources.iamUser("arn:aws:iam::111111111111:user/deploy-bot", "deploy-bot"), "IAM user deploy-bot is linked to no person.", "Link it in people: or delete it."));
        out.add(f("access.departed.active", Status.FAIL, Severity.CRITICAL, null, Resources.person("carol@acme.example"), "carol@acme.example is suspended in Workspace but still has console access in staging and GitHub membership.", "Offboard carol@acme.example."));
        out.add(f("gws.user.2sv", Status.FAIL, Severity.HIGH, null, Resources.workspaceUser("bob@acme.example"), "Workspace user bob@acme.example is not enrolled in 2-step verification.", "Enforce 2SV."));
        out.add(f("github.org.2fa_required", Status.FAIL, Severity.HIGH, null, Resources.githubOrg("acme"), "GitHub organization acme does not require 2FA.", "Require 2FA in the org settings."));
        out.add(f("github.member.2fa", Status.FAIL, Severity.HIGH, null, Resources.githubMember("bobdev"), "GitHub member bobdev has 2FA disabled.", "Ask bobdev to enable 2FA."));
        out.add(f("github.member.2fa", Status.ERROR, Severity.HIGH, null, Resources.githubMember("ghost-contractor"), "2FA of ghost-contractor could not be read: the 2FA filter needs an owner's token.", "Use an org owner's token."));
        out.add(f("issue.security.open", Status.FAIL, Severity.CRITICAL, null, Resources.issue("https://github.com/acme/api/issues/41", "SSRF in webhook preview"), "Security issue acme/api#41 \"SSRF in webhook preview\" has been open 12 days.", "Fix or triage it."));
        out.add(f("issue.security.overdue", Status.FAIL, Severity.CRITICAL, null, Resources.issue("https://github.com/acme/api/issues/41", "SSRF in webhook preview"), "Security issue acme/api#41 is 12 days old, over its 7-day SLA.", "Fix it now."));
        out.add(f("issue.security.open", Status.FAIL, Severity.MEDIUM, null, Resources.issue("https://github.com/acme/web/issues/7", "Session cookie missing SameSite"), "Security issue acme/web#7 \"Session cookie missing SameSite\" has been open 20 days.", "Fix or triage it."));
        out.add(f("issue.security.open", Status.FAIL, Severity.HIGH, null, Resources.issue("https://github.com/acme/api/issues/52", "Rate limit on password reset"), "Security issue acme/api#52 \"Rate limit on password reset\" has been open 3 days.", "Fix or triage it."));
        out.add(f("github.dependabot.alerts", Status.FAIL, Severity.CRITICAL, null, Resources.githubRepo("acme/api"), "Repository acme/api has 3 open Dependabot alerts (1 critical).", "Merge the Dependabot updates."));
        out.add(f("github.secret_scanning.alerts", Status.FAIL, Severity.HIGH, null, Resources.githubRepo("acme/web"), "Repository acme/web has 1 open secret-scanning alert.", "Revoke the leaked secret, then close the alert."));
        out.add(f("github.secret_scanning.alerts", Status.ERROR, Severity.HIGH, null, Resources.githubRepo("acme/infra"), "Secret-scanning alerts of acme/infra could not be read: 403 needs security_events scope.", "Give the token security_events."));
        for (int i = 0; i < extraOldFailures; i++) {
            Resource r = Resources.bucket("acme-old-bucket-" + i);
            out.add(f("s3.bucket.encryption", Status.FAIL, Severity.HIGH, "prod", r, "Bucket acme-old-bucket-" + i + " has no default encryption.", fix));
        }
        return out;
    }

    private static Finding f(String check, Status st, Severity sev, String env, Resource r, String msg, String rem) {
        return new Finding(check, st, sev, env, r, msg, rem, null);
    }

    public static List<SourceStatus> sources() {
        return List.of(new SourceStatus("aws:prod", SourceState.PARTIAL, "s3:GetEncryptionConfiguration denied for acme-prod-backups", 120, 2300),
                new SourceStatus("aws:staging", SourceState.OK, null, 40, 900),
                new SourceStatus("aws:demo", SourceState.OK, null, 40, 880),
                new SourceStatus("tls", SourceState.PARTIAL, "down.acme.example: DNS name not found", 12, 1500),
                new SourceStatus("google", SourceState.OK, null, 3, 400),
                new SourceStatus("github", SourceState.PARTIAL, "acme/infra: secret scanning alerts need the security_events scope", 30, 1100));
    }

    /** The same snapshot with one more GitHub organization beside the sample's own. */
    public static Snapshot withOrganization(Snapshot s, GitHubOrg org) {
        var orgs = new java.util.ArrayList<>(s.inventory().github());
        orgs.add(org);
        Inventory inv = new Inventory(s.inventory().aws(), s.inventory().tls(), s.inventory().google(), orgs,
                s.inventory().identities());
        return new Snapshot(s.id(), s.organization(), s.startedAt(), s.finishedAt(), s.sources(), s.findings(), inv);
    }

    public static Snapshot snapshot(String id, Instant at, boolean fixedBobMfa, int extraOldFailures) {
        return new Snapshot(id, ORG, at, at.plusSeconds(7), sources(), findings(fixedBobMfa, extraOldFailures), inventory(at));
    }
}
