package dev.palisade.checks;

import static dev.palisade.checks.InventoryFixtures.PROD_ACCOUNT;
import static dev.palisade.checks.InventoryFixtures.STAGING_ACCOUNT;
import static dev.palisade.checks.InventoryFixtures.activeKey;
import static dev.palisade.checks.InventoryFixtures.bucket;
import static dev.palisade.checks.InventoryFixtures.cert;
import static dev.palisade.checks.InventoryFixtures.context;
import static dev.palisade.checks.InventoryFixtures.daysAgo;
import static dev.palisade.checks.InventoryFixtures.db;
import static dev.palisade.checks.InventoryFixtures.directory;
import static dev.palisade.checks.InventoryFixtures.env;
import static dev.palisade.checks.InventoryFixtures.github;
import static dev.palisade.checks.InventoryFixtures.inDays;
import static dev.palisade.checks.InventoryFixtures.inventory;
import static dev.palisade.checks.InventoryFixtures.logGroup;
import static dev.palisade.checks.InventoryFixtures.member;
import static dev.palisade.checks.InventoryFixtures.role;
import static dev.palisade.checks.InventoryFixtures.trustPolicy;
import static dev.palisade.checks.InventoryFixtures.user;
import static dev.palisade.checks.InventoryFixtures.workspaceUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Status;
import dev.palisade.core.check.Check;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.check.CheckEngine;
import dev.palisade.core.check.CheckMetadata;
import dev.palisade.core.inventory.BucketEncryption;
import dev.palisade.core.inventory.InlinePolicy;
import dev.palisade.core.inventory.Inventory;
import dev.palisade.core.inventory.PolicyRef;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Walks {@link AwsChecks#all()}: metadata complete and unique, messages well formed, never a PASS without data. */
class AwsChecksCatalogueShapeTest {
    static final List<String> CATALOGUE = List.of(
            "s3.bucket.encryption", "s3.bucket.encryption_kms", "s3.bucket.public_access_block", "s3.account.public_access_block",
            "s3.bucket.tls_only", "s3.bucket.public_policy", "s3.bucket.versioning", "s3.bucket.access_logging",
            "iam.root.mfa", "iam.root.access_keys", "iam.user.console_mfa", "iam.user.console_unused", "iam.key.rotation",
            "iam.key.unused", "iam.user.two_active_keys", "iam.user.direct_admin", "iam.password_policy",
            "env.account.dedicated", "env.resource.tagged", "env.cross_access", "env.prod_access",
            "acm.cert.expiry", "acm.cert.renewal",
            "access.account.unowned", "access.departed.active");

    private static final String STAR = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}";

    /** A company with a bit of everything: passes, fails and unreadable data in every family. */
    static CheckContext richContext() {
        var prod = env("prod", PROD_ACCOUNT).production()
                .accountPab(Fact.known(null))
                .passwordPolicy(Fact.known(null))
                .buckets(bucket("acme-prod-uploads").encryption(BucketEncryption.SSE_S3).policy(Fact.known(null))
                                .publicAccessBlock(Fact.known(null)).versioning(Fact.known("Suspended")),
                        bucket("acme-prod-assets").policy("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\","
                                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::acme-prod-assets/*\"}}")
                                .tags(Map.of("env", "staging")),
                        bucket("acme-prod-secure"),
                        bucket("acme-prod-locked").policy(Fact.unknown("s3:GetBucketPolicy denied for acme-prod-locked"))
                                .encryption(Fact.unknown("s3:GetBucketEncryption denied for acme-prod-locked"))
                                .versioning(Fact.unknown("timeout")).logging(Fact.unknown("timeout"))
                                .publicAccessBlock(Fact.unknown("denied")).tags(Fact.unknown("denied")))
                .users(user("dana").console(daysAgo(300), daysAgo(100)).keys(activeKey("AKIADANA1", daysAgo(200), null),
                                activeKey("AKIADANA2", daysAgo(5), daysAgo(1))),
                        user("eli").tags(Map.of("email", "eli@acme.example")).console(daysAgo(30), daysAgo(1)).mfa(true)
                                .attached(new PolicyRef("AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess", null)),
                        user("svc-ci").keys(activeKey("AKIASVC", daysAgo(10), daysAgo(1))).inline(new InlinePolicy("god", STAR)),
                        user("sue").keys(Fact.unknown("iam:ListAccessKeys denied")).console(Fact.unknown("denied"))
                                .attached(Fact.unknown("denied")).mfa(Fact.unknown("denied")))
                .roles(role(PROD_ACCOUNT, "deploy", trustPolicy(STAGING_ACCOUNT)), role(PROD_ACCOUNT, "app", trustPolicy("*")),
                        role(PROD_ACCOUNT, "broken", "{oops"))
                .databases(db(PROD_ACCOUNT, "main", Map.of("env", "prod")))
                .logGroups(logGroup(PROD_ACCOUNT, "/app", Fact.unknown("logs:ListTagsForResource denied")))
                .certificates(cert("c1", "api.acme.example", daysAgo(40), inDays(5)),
                        cert("c2", "www.acme.example", "IMPORTED", true, "INELIGIBLE", null),
                        cert("c3", "old.acme.example", null, null));
        var staging = env("staging", STAGING_ACCOUNT)
                .root(Fact.known(new dev.palisade.core.inventory.RootAccount(Fact.known(false), Fact.known(true))))
                .users(user("dana"))
                .bucketsFact(Fact.unknown("s3:ListBuckets denied"));
        var demo = env("demo", STAGING_ACCOUNT).tag("env", "demo").failedEntirely("SSO session for profile acme-demo expired");
        Inventory base = inventory(prod, staging, demo);
        Inventory inv = new Inventory(base.aws(), null,
                directory(workspaceUser("dana@acme.example", false, true), workspaceUser("sue@acme.example", true, false),
                        workspaceUser("eli@acme.example", true, false)),
                List.of(github(member("dana-gh", "dana@acme.example"), member("ghost"))), null);
        return context(inv);
    }

    @Test
    void catalogueHasTheSpecIdsInOrderWithCompleteMetadata() {
        List<Check> all = AwsChecks.all();
        assertThat(all).extracting(c -> c.metadata().id()).containsExactlyElementsOf(CATALOGUE);
        Set<String> ids = new HashSet<>();
        for (Check c : all) {
            CheckMetadata m = c.metadata();
            assertThat(ids.add(m.id())).as("unique id %s", m.id()).isTrue();
            assertThat(m.title()).as(m.id()).isNotBlank();
            assertThat(m.rationale()).as(m.id()).isNotBlank().endsWith(".");
            assertThat(m.remediation()).as(m.id()).isNotBlank();
            assertThat(m.area()).as(m.id()).isNotNull();
            assertThat(m.severity()).as(m.id()).isNotNull();
            assertThat(m.source()).as(m.id()).isIn("aws", "people");
        }
    }

    @Test
    void everyFindingIsAWellFormedSentenceAboutItsResource() {
        CheckContext ctx = richContext();
        for (Check c : AwsChecks.all()) {
            List<Finding> fs = c.evaluate(ctx);
            assertThat(fs).as("%s reports something on the rich inventory", c.metadata().id()).isNotEmpty();
            for (Finding f : fs) {
                assertThat(f.check()).isEqualTo(c.metadata().id());
                assertThat(f.message()).as("%s: %s", f.check(), f.message()).endsWith(".").contains(f.resource().name());
                assertThat(f.message()).as(f.check()).doesNotContain("null");
                assertThat(f.remediation()).isEqualTo(c.metadata().remediation());
                assertThat(f.status()).isIn(Status.PASS, Status.FAIL, Status.ERROR);
                if (c.metadata().source().equals("aws")) {
                    assertThat(f.env()).as("%s: %s", f.check(), f.message()).isNotNull();
                }
            }
        }
    }

    @Test
    void richInventoryShowsPassFailAndErrorAcrossTheCatalogue() {
        List<Finding> fs = new CheckEngine(AwsChecks.all()).evaluate(richContext());
        Map<String, Set<Status>> byCheck = fs.stream().collect(Collectors.groupingBy(Finding::check,
                Collectors.mapping(Finding::status, Collectors.toSet())));
        assertThat(byCheck.keySet()).containsExactlyInAnyOrderElementsOf(CATALOGUE);
        assertThat(fs).noneMatch(f -> f.resource().type().equals("check")); // no check threw
        for (String id : CATALOGUE) {
            assertThat(byCheck.get(id)).as("%s evaluated something", id).containsAnyOf(Status.PASS, Status.FAIL);
        }
        assertThat(fs.stream().map(Finding::status).collect(Collectors.toSet())).contains(Status.PASS, Status.FAIL, Status.ERROR);
    }

    @Test
    void absentSourcesReportNothing() {
        CheckContext empty = context(Inventory.empty());
        for (Check c : AwsChecks.all()) {
            assertThat(c.evaluate(empty)).as(c.metadata().id()).isEmpty();
        }
    }

    @Test
    void anEnvironmentWhoseSourceFailedEntirelyGetsErrorsNeverPassOrFail() {
        var prod = env("prod", PROD_ACCOUNT).production().failedEntirely("The SSO session for profile acme-prod has expired.");
        var staging = env("staging", STAGING_ACCOUNT);
        Inventory base = inventory(prod, staging);
        Inventory inv = new Inventory(base.aws(), null, directory(workspaceUser("sue@acme.example", true, false)), null, null);
        CheckContext ctx = context(inv);
        for (Check c : AwsChecks.all()) {
            List<Finding> aboutProd = c.evaluate(ctx).stream()
                    .filter(f -> "prod".equals(f.env()) || f.env() == null).toList();
            assertThat(aboutProd).as(c.metadata().id()).isNotEmpty();
            assertThat(aboutProd).as(c.metadata().id()).allSatisfy(f -> {
                assertThat(f.status()).isEqualTo(Status.ERROR);
                assertThat(f.message()).endsWith(".").contains(f.resource().name());
            });
            if (!c.metadata().source().equals("people")) {
                assertThat(aboutProd).as(c.metadata().id())
                        .anySatisfy(f -> assertThat(f.message()).contains("SSO session for profile acme-prod has expired"));
            }
        }
    }
}
