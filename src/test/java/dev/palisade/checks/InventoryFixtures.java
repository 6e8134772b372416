package dev.palisade.checks;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Status;
import dev.palisade.core.check.Check;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.config.AwsConfig;
import dev.palisade.core.config.EnvironmentConfig;
import dev.palisade.core.config.GoogleConfig;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.core.config.PersonLink;
import dev.palisade.core.config.Thresholds;
import dev.palisade.core.inventory.AccessKey;
import dev.palisade.core.inventory.AcmCertificate;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.Bucket;
import dev.palisade.core.inventory.BucketEncryption;
import dev.palisade.core.inventory.BucketLogging;
import dev.palisade.core.inventory.ConsoleAccess;
import dev.palisade.core.inventory.DbInstance;
import dev.palisade.core.inventory.EnvTag;
import dev.palisade.core.inventory.GitHubMember;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.IamRole;
import dev.palisade.core.inventory.IamUser;
import dev.palisade.core.inventory.InlinePolicy;
import dev.palisade.core.inventory.Inventory;
import dev.palisade.core.inventory.LogGroup;
import dev.palisade.core.inventory.OtherCredential;
import dev.palisade.core.inventory.PasswordPolicy;
import dev.palisade.core.inventory.PolicyRef;
import dev.palisade.core.inventory.PublicAccessBlock;
import dev.palisade.core.inventory.RootAccount;
import dev.palisade.core.inventory.WorkspaceDirectory;
import dev.palisade.core.inventory.WorkspaceUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-side builders of inventories. Every builder starts from a healthy resource (encrypted, TLS-only,
 * versioned bucket; root with MFA; a 14-character password policy…) so a test changes exactly the
 * one thing it is about. Reusable by other packages' tests.
 */
public final class InventoryFixtures {
    public static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    public static final String PROD_ACCOUNT = "111111111111";
    public static final String STAGING_ACCOUNT = "222222222222";
    public static final String DOMAIN = "acme.example";

    private InventoryFixtures() {
    }

    public static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    public static Instant inDays(long days) {
        return NOW.plus(Duration.ofDays(days));
    }

    public static PublicAccessBlock allBlocked() {
        return new PublicAccessBlock(true, true, true, true);
    }

    /** A policy with the canonical TLS-only deny for {@code bucket}. */
    public static String tlsOnlyPolicy(String bucket) {
        return """
                {"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*",
                "Action":"s3:*","Resource":["arn:aws:s3:::%1$s","arn:aws:s3:::%1$s/*"],
                "Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""".formatted(bucket);
    }

    public static AccessKey activeKey(String id, Instant created, Instant lastUsed) {
        return new AccessKey(id, "Active", created, lastUsed, lastUsed == null ? null : "s3", lastUsed == null ? null : "us-east-1");
    }

    public static AccessKey inactiveKey(String id, Instant created) {
        return new AccessKey(id, "Inactive", created, null, null, null);
    }

    public static AcmCertificate cert(String arnSuffix, String domain, Instant notBefore, Instant notAfter) {
        return new AcmCertificate("arn:aws:acm:us-east-1:" + PROD_ACCOUNT + ":certificate/" + arnSuffix, domain, List.of(domain),
                "us-east-1", "AMAZON_ISSUED", "ISSUED", notBefore, notAfter, true, List.of("arn:aws:elasticloadbalancing:lb"),
                "ELIGIBLE", null, "RSA_2048");
    }

    public static AcmCertificate cert(String arnSuffix, String domain, String type, boolean inUse, String eligibility,
                                      String renewalStatus) {
        return new AcmCertificate("arn:aws:acm:us-east-1:" + PROD_ACCOUNT + ":certificate/" + arnSuffix, domain, List.of(domain),
                "us-east-1", type, "ISSUED", daysAgo(30), inDays(365), inUse, inUse ? List.of("arn:aws:cloudfront::dist") : List.of(),
                eligibility, renewalStatus, "RSA_2048");
    }

    public static IamRole role(String accountId, String name, String trustPolicy) {
        return new IamRole(name, "arn:aws:iam::" + accountId + ":role/" + name, trustPolicy, Map.of());
    }

    public static String trustPolicy(String principal) {
        return """
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"%s"},"Action":"sts:AssumeRole"}}"""
                .formatted(principal);
    }

    public static DbInstance db(String accountId, String id, Map<String, String> tags) {
        return new DbInstance(id, "arn:aws:rds:us-east-1:" + accountId + ":db:" + id, "instance", "postgres", "us-east-1",
                true, false, tags);
    }

    public static LogGroup logGroup(String accountId, String name, Fact<Map<String, String>> tags) {
        return new LogGroup(name, "arn:aws:logs:us-east-1:" + accountId + ":log-group:" + name, "us-east-1", 30, null, tags);
    }

    public static WorkspaceUser workspaceUser(String email, boolean suspended, boolean admin, String... aliases) {
        return new WorkspaceUser(email, email.substring(0, email.indexOf('@')), suspended, false, admin, false, true, true,
                daysAgo(1), daysAgo(500), List.of(aliases));
    }

    public static WorkspaceDirectory directory(WorkspaceUser... users) {
        return new WorkspaceDirectory(DOMAIN, Fact.known(List.of(users)));
    }

    public static GitHubMember member(String login, String... verifiedEmails) {
        return new GitHubMember(login, login, "member", Fact.known(true), List.of(verifiedEmails));
    }

    public static GitHubOrg github(GitHubMember... members) {
        return new GitHubOrg("acme", Fact.known(true), Fact.known(List.of(members)), Fact.known(List.of()), Fact.known(List.of()));
    }

    public static EnvBuilder env(String name, String accountId) {
        return new EnvBuilder(name, accountId);
    }

    public static BucketBuilder bucket(String name) {
        return new BucketBuilder(name);
    }

    public static UserBuilder user(String name) {
        return new UserBuilder(name);
    }

    public static Inventory inventory(EnvBuilder... envs) {
        return new Inventory(Arrays.stream(envs).map(EnvBuilder::build).toList(), null, null, null, null);
    }

    /** The configuration matching an inventory's environments, default thresholds, the given people links. */
    public static PalisadeConfig config(Inventory inv, Thresholds thresholds, PersonLink... people) {
        Map<String, EnvironmentConfig> envs = new LinkedHashMap<>();
        for (AwsEnvironment e : inv.aws()) {
            envs.put(e.env(), new EnvironmentConfig(e.env(), e.production(),
                    new AwsConfig(e.profile(), e.regions(), null, e.tag(), null)));
        }
        GoogleConfig google = new GoogleConfig(DOMAIN, List.of("founder@" + DOMAIN), null, null, null, null, null, 0);
        return new PalisadeConfig(null, "Acme", google, envs, null, null, null, thresholds, List.of(people));
    }

    public static CheckContext context(Inventory inv, PersonLink... people) {
        return new CheckContext(inv, config(inv, Thresholds.defaults(), people), NOW);
    }

    public static CheckContext context(Inventory inv, Thresholds thresholds) {
        return new CheckContext(inv, config(inv, thresholds), NOW);
    }

    public static CheckContext context(EnvBuilder... envs) {
        return context(inventory(envs));
    }

    /** Runs one check. */
    public static List<Finding> run(Check check, CheckContext ctx) {
        return check.evaluate(ctx);
    }

    /** Runs one check and returns the single finding about {@code resourceId}. */
    public static Finding only(Check check, CheckContext ctx, String resourceId) {
        List<Finding> hits = check.evaluate(ctx).stream().filter(f -> f.resource().id().equals(resourceId)).toList();
        if (hits.size() != 1) {
            throw new AssertionError("expected one finding for " + resourceId + " but got " + hits + " from "
                    + check.evaluate(ctx));
        }
        return hits.get(0);
    }

    public static List<Status> statuses(List<Finding> findings) {
        return findings.stream().map(Finding::status).toList();
    }

    /** An AWS environment as a collector would return it. */
    public static final class EnvBuilder {
        private final String name;
        private final String accountId;
        private boolean production;
        private EnvTag tag;
        private Fact<String> account;
        private Fact<PublicAccessBlock> accountPab = Fact.known(allBlocked());
        private final List<Bucket> buckets = new ArrayList<>();
        private Fact<List<Bucket>> bucketsFact;
        private Fact<RootAccount> root = Fact.known(new RootAccount(Fact.known(true), Fact.known(false)));
        private Fact<PasswordPolicy> passwordPolicy = Fact.known(new PasswordPolicy(14, true, true, true, true, null, 24));
        private final List<IamUser> users = new ArrayList<>();
        private Fact<List<IamUser>> usersFact;
        private final List<IamRole> roles = new ArrayList<>();
        private Fact<List<IamRole>> rolesFact;
        private final List<DbInstance> dbs = new ArrayList<>();
        private Fact<List<DbInstance>> dbsFact;
        private final List<LogGroup> logGroups = new ArrayList<>();
        private Fact<List<LogGroup>> logGroupsFact;
        private final List<AcmCertificate> certs = new ArrayList<>();
        private Fact<List<AcmCertificate>> certsFact;

        EnvBuilder(String name, String accountId) {
            this.name = name;
            this.accountId = accountId;
            this.account = Fact.known(accountId);
        }

        public String accountId() {
            return accountId;
        }

        public EnvBuilder production() {
            production = true;
            return this;
        }

        public EnvBuilder tag(String key, String value) {
            tag = new EnvTag(key, value);
            return this;
        }

        public EnvBuilder accountIdFact(Fact<String> f) {
            account = f;
            return this;
        }

        public EnvBuilder accountPab(Fact<PublicAccessBlock> f) {
            accountPab = f;
            return this;
        }

        public EnvBuilder buckets(BucketBuilder... bs) {
            Arrays.stream(bs).forEach(b -> buckets.add(b.build()));
            return this;
        }

        public EnvBuilder bucketsFact(Fact<List<Bucket>> f) {
            bucketsFact = f;
            return this;
        }

        public EnvBuilder root(Fact<RootAccount> f) {
            root = f;
            return this;
        }

        public EnvBuilder passwordPolicy(Fact<PasswordPolicy> f) {
            passwordPolicy = f;
            return this;
        }

        public EnvBuilder users(UserBuilder... us) {
            Arrays.stream(us).forEach(u -> users.add(u.build(accountId)));
            return this;
        }

        public EnvBuilder usersFact(Fact<List<IamUser>> f) {
            usersFact = f;
            return this;
        }

        public EnvBuilder roles(IamRole... rs) {
            roles.addAll(List.of(rs));
            return this;
        }

        public EnvBuilder rolesFact(Fact<List<IamRole>> f) {
            rolesFact = f;
            return this;
        }

        public EnvBuilder databases(DbInstance... ds) {
            dbs.addAll(List.of(ds));
            return this;
        }

        public EnvBuilder databasesFact(Fact<List<DbInstance>> f) {
            dbsFact = f;
            return this;
        }

        public EnvBuilder logGroups(LogGroup... gs) {
            logGroups.addAll(List.of(gs));
            return this;
        }

        public EnvBuilder logGroupsFact(Fact<List<LogGroup>> f) {
            logGroupsFact = f;
            return this;
        }

        public EnvBuilder certificates(AcmCertificate... cs) {
            certs.addAll(List.of(cs));
            return this;
        }

        public EnvBuilder certificatesFact(Fact<List<AcmCertificate>> f) {
            certsFact = f;
            return this;
        }

        /** The whole AWS source failed (e.g. expired SSO session): every fact unknown with {@code error}. */
        public EnvBuilder failedEntirely(String error) {
            account = Fact.unknown(error);
            accountPab = Fact.unknown(error);
            bucketsFact = Fact.unknown(error);
            root = Fact.unknown(error);
            passwordPolicy = Fact.unknown(error);
            usersFact = Fact.unknown(error);
            rolesFact = Fact.unknown(error);
            dbsFact = Fact.unknown(error);
            logGroupsFact = Fact.unknown(error);
            certsFact = Fact.unknown(error);
            return this;
        }

        public AwsEnvironment build() {
            return new AwsEnvironment(name, production, "acme-" + name, List.of("us-east-1"), tag, account, accountPab,
                    bucketsFact != null ? bucketsFact : Fact.known(List.copyOf(buckets)), root, passwordPolicy,
                    usersFact != null ? usersFact : Fact.known(List.copyOf(users)),
                    rolesFact != null ? rolesFact : Fact.known(List.copyOf(roles)),
                    dbsFact != null ? dbsFact : Fact.known(List.copyOf(dbs)),
                    logGroupsFact != null ? logGroupsFact : Fact.known(List.copyOf(logGroups)),
                    certsFact != null ? certsFact : Fact.known(List.copyOf(certs)));
        }
    }

    /** An S3 bucket, healthy unless told otherwise. */
    public static final class BucketBuilder {
        private final String name;
        private Fact<BucketEncryption> encryption = Fact.known(new BucketEncryption(BucketEncryption.SSE_KMS, "alias/s3", true));
        private Fact<PublicAccessBlock> pab = Fact.known(allBlocked());
        private Fact<String> policy;
        private Fact<Boolean> policyPublic = Fact.known(false);
        private Fact<String> versioning = Fact.known("Enabled");
        private Fact<BucketLogging> logging = Fact.known(new BucketLogging(true, "acme-access-logs", "s3/"));
        private Fact<Map<String, String>> tags = Fact.known(Map.of());

        BucketBuilder(String name) {
            this.name = name;
            this.policy = Fact.known(tlsOnlyPolicy(name));
        }

        public BucketBuilder encryption(String algorithm) {
            encryption = Fact.known(new BucketEncryption(algorithm, algorithm.contains("KMS") ? "alias/s3" : null, null));
            return this;
        }

        public BucketBuilder encryption(Fact<BucketEncryption> f) {
            encryption = f;
            return this;
        }

        public BucketBuilder publicAccessBlock(Fact<PublicAccessBlock> f) {
            pab = f;
            return this;
        }

        public BucketBuilder policy(String json) {
            policy = Fact.known(json);
            return this;
        }

        public BucketBuilder policy(Fact<String> f) {
            policy = f;
            return this;
        }

        public BucketBuilder policyPublic(Fact<Boolean> f) {
            policyPublic = f;
            return this;
        }

        public BucketBuilder versioning(Fact<String> f) {
            versioning = f;
            return this;
        }

        public BucketBuilder logging(Fact<BucketLogging> f) {
            logging = f;
            return this;
        }

        public BucketBuilder tags(Map<String, String> t) {
            tags = Fact.known(t);
            return this;
        }

        public BucketBuilder tags(Fact<Map<String, String>> f) {
            tags = f;
            return this;
        }

        public Bucket build() {
            return new Bucket(name, Bucket.arnOf(name), "us-east-1", daysAgo(400), encryption, pab, policy, policyPublic,
                    versioning, logging, tags);
        }
    }

    /** An IAM user with no console password, no keys and no policies unless told otherwise. */
    public static final class UserBuilder {
        private final String name;
        private Instant created = daysAgo(400);
        private Fact<Map<String, String>> tags = Fact.known(Map.of());
        private Fact<ConsoleAccess> console = Fact.known(ConsoleAccess.none());
        private Fact<Boolean> mfa = Fact.known(false);
        private Fact<List<AccessKey>> keys = Fact.known(List.of());
        private Fact<List<PolicyRef>> attached = Fact.known(List.of());
        private Fact<List<InlinePolicy>> inline = Fact.known(List.of());

        UserBuilder(String name) {
            this.name = name;
        }

        public UserBuilder created(Instant t) {
            created = t;
            return this;
        }

        public UserBuilder tags(Map<String, String> t) {
            tags = Fact.known(t);
            return this;
        }

        public UserBuilder tags(Fact<Map<String, String>> f) {
            tags = f;
            return this;
        }

        /** A console password created {@code created}, last used {@code lastUsed} (null = never). */
        public UserBuilder console(Instant passwordCreated, Instant lastUsed) {
            console = Fact.known(new ConsoleAccess(true, passwordCreated, lastUsed));
            return this;
        }

        public UserBuilder console(Fact<ConsoleAccess> f) {
            console = f;
            return this;
        }

        public UserBuilder mfa(boolean on) {
            mfa = Fact.known(on);
            return this;
        }

        public UserBuilder mfa(Fact<Boolean> f) {
            mfa = f;
            return this;
        }

        public UserBuilder keys(AccessKey... ks) {
            keys = Fact.known(List.of(ks));
            return this;
        }

        public UserBuilder keys(Fact<List<AccessKey>> f) {
            keys = f;
            return this;
        }

        public UserBuilder attached(PolicyRef... ps) {
            attached = Fact.known(List.of(ps));
            return this;
        }

        public UserBuilder attached(Fact<List<PolicyRef>> f) {
            attached = f;
            return this;
        }

        public UserBuilder inline(InlinePolicy... ps) {
            inline = Fact.known(List.of(ps));
            return this;
        }

        public UserBuilder inline(Fact<List<InlinePolicy>> f) {
            inline = f;
            return this;
        }

        public static String arn(String accountId, String name) {
            return "arn:aws:iam::" + accountId + ":user/" + name;
        }

        public IamUser build(String accountId) {
            List<String> devices = Boolean.TRUE.equals(mfa.value()) ? List.of("arn:aws:iam::" + accountId + ":mfa/" + name) : List.of();
            return new IamUser(name, arn(accountId, name), "AIDA" + name.toUpperCase().replaceAll("[^A-Z0-9]", ""), created, tags,
                    console, mfa, Fact.known(devices), keys, attached, inline, Fact.known(List.<String>of()),
                    Fact.known(List.<OtherCredential>of()));
        }
    }
}
