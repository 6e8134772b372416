package dev.palisade.checks;

import static dev.palisade.checks.InventoryFixtures.PROD_ACCOUNT;
import static dev.palisade.checks.InventoryFixtures.STAGING_ACCOUNT;
import static dev.palisade.checks.InventoryFixtures.activeKey;
import static dev.palisade.checks.InventoryFixtures.bucket;
import static dev.palisade.checks.InventoryFixtures.context;
import static dev.palisade.checks.InventoryFixtures.daysAgo;
import static dev.palisade.checks.InventoryFixtures.db;
import static dev.palisade.checks.InventoryFixtures.env;
import static dev.palisade.checks.InventoryFixtures.inventory;
import static dev.palisade.checks.InventoryFixtures.logGroup;
import static dev.palisade.checks.InventoryFixtures.only;
import static dev.palisade.checks.InventoryFixtures.role;
import static dev.palisade.checks.InventoryFixtures.trustPolicy;
import static dev.palisade.checks.InventoryFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.Status;
import dev.palisade.core.config.PersonLink;
import dev.palisade.core.config.Thresholds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentChecksTest {

    // env.account.dedicated

    @Test
    void dedicatedPassesForSeparateAccounts() {
        Finding f = only(new AccountDedicatedCheck(), context(env("prod", PROD_ACCOUNT), env("staging", STAGING_ACCOUNT)),
                "environment:prod+staging");
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.message()).contains("prod and staging");
    }

    @Test
    void dedicatedFailsMediumWhenSharedWithTagsAndHighWithout() {
        Finding tagged = only(new AccountDedicatedCheck(), context(env("prod", PROD_ACCOUNT).tag("env", "prod"),
                env("staging", PROD_ACCOUNT).tag("env", "staging")), "environment:prod+staging");
        assertThat(tagged.status()).isEqualTo(Status.FAIL);
        assertThat(tagged.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(tagged.message()).contains("share AWS account " + PROD_ACCOUNT).contains("tags only");
        Finding untagged = only(new AccountDedicatedCheck(), context(env("prod", PROD_ACCOUNT), env("staging", PROD_ACCOUNT)),
                "environment:prod+staging");
        assertThat(untagged.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void dedicatedEvaluatesEveryPairAndErrorsWhenAnAccountIsUnknown() {
        var ctx = context(env("prod", PROD_ACCOUNT), env("staging", STAGING_ACCOUNT),
                env("demo", "333333333333").failedEntirely("SSO session expired for profile acme-demo"));
        List<Finding> fs = new AccountDedicatedCheck().evaluate(ctx);
        assertThat(fs).extracting(f -> f.resource().id())
                .containsExactly("environment:prod+staging", "environment:prod+demo", "environment:staging+demo");
        assertThat(fs.get(1).status()).isEqualTo(Status.ERROR);
        assertThat(fs.get(1).message()).contains("SSO session expired").contains("demo");
        assertThat(new AccountDedicatedCheck().evaluate(context(env("prod", PROD_ACCOUNT)))).isEmpty();
    }

    // env.resource.tagged

    @Test
    void taggedInDedicatedAccountFailsOnlyWhenTagNamesAnotherEnvironment() {
        var prod = env("prod", PROD_ACCOUNT).buckets(bucket("p-untagged"), bucket("p-right").tags(Map.of("env", "prod")),
                        bucket("p-wrong").tags(Map.of("Environment", "staging")))
                .databases(db(PROD_ACCOUNT, "main", Map.of("env", "prod")))
                .logGroups(logGroup(PROD_ACCOUNT, "/app", Fact.known(Map.of("env", "staging"))));
        var ctx = context(prod, env("staging", STAGING_ACCOUNT));
        List<Finding> fs = new ResourceTaggedCheck().evaluate(ctx);
        assertThat(fs).extracting(f -> f.resource().name(), Finding::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("p-untagged", Status.PASS),
                org.assertj.core.groups.Tuple.tuple("p-right", Status.PASS),
                org.assertj.core.groups.Tuple.tuple("p-wrong", Status.FAIL),
                org.assertj.core.groups.Tuple.tuple("main", Status.PASS),
                org.assertj.core.groups.Tuple.tuple("/app", Status.FAIL));
        assertThat(fs.get(2).message()).isEqualTo(
                "Bucket p-wrong is tagged Environment=staging, naming environment staging, but lives in environment prod.");
        assertThat(fs.get(3).resource().type()).isEqualTo("aws.rds.instance");
        assertThat(fs.get(4).resource().id()).isEqualTo("arn:aws:logs:us-east-1:" + PROD_ACCOUNT + ":log-group:/app");
    }

    @Test
    void taggedInSharedAccountModeEvaluatesEachResourceOnceAndFailsUntagged() {
        var prod = env("prod", PROD_ACCOUNT).production().tag("env", "prod")
                .buckets(bucket("a").tags(Map.of("env", "prod")), bucket("b").tags(Map.of("env", "staging")), bucket("c"),
                        bucket("d").tags(Map.of("env", "prd")));
        var staging = env("staging", PROD_ACCOUNT).tag("env", "staging")
                .buckets(bucket("a").tags(Map.of("env", "prod")), bucket("b").tags(Map.of("env", "staging")), bucket("c"),
                        bucket("d").tags(Map.of("env", "prd")));
        List<Finding> fs = new ResourceTaggedCheck().evaluate(context(prod, staging));
        assertThat(fs).extracting(f -> f.resource().name(), Finding::status, Finding::env).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", Status.PASS, "prod"),
                org.assertj.core.groups.Tuple.tuple("b", Status.PASS, "staging"),
                org.assertj.core.groups.Tuple.tuple("c", Status.FAIL, "prod"),
                org.assertj.core.groups.Tuple.tuple("d", Status.FAIL, "prod"));
        assertThat(fs.get(2).message()).contains("has no env tag").contains("AWS account " + PROD_ACCOUNT);
        assertThat(fs.get(3).message()).contains("env=prd").contains("names none of the environments");
    }

    @Test
    void taggedErrorsWhenTagsOrListsUnreadable() {
        var prod = env("prod", PROD_ACCOUNT).buckets(bucket("x").tags(Fact.unknown("s3:GetBucketTagging denied for x")))
                .databasesFact(Fact.unknown("rds:DescribeDBInstances denied"));
        List<Finding> fs = new ResourceTaggedCheck().evaluate(context(prod));
        assertThat(fs).hasSize(2).allMatch(f -> f.status() == Status.ERROR);
        assertThat(fs).anySatisfy(f -> assertThat(f.message()).contains("rds:DescribeDBInstances denied"));
        assertThat(fs).anySatisfy(f -> assertThat(f.message()).contains("s3:GetBucketTagging denied for x"));
    }

    // env.cross_access

    @Test
    void crossAccessFailsWhenProductionRoleTrustsStagingAccount() {
        var prod = env("prod", PROD_ACCOUNT).production()
                .roles(role(PROD_ACCOUNT, "deploy", trustPolicy("arn:aws:iam::" + STAGING_ACCOUNT + ":root")),
                        role(PROD_ACCOUNT, "ci", trustPolicy("arn:aws:iam::999999999999:role/vendor")),
                        role(PROD_ACCOUNT, "self", trustPolicy(PROD_ACCOUNT)));
        var ctx = context(prod, env("staging", STAGING_ACCOUNT));
        Finding deploy = only(new CrossAccessCheck(), ctx, "arn:aws:iam::" + PROD_ACCOUNT + ":role/deploy");
        assertThat(deploy.status()).isEqualTo(Status.FAIL);
        assertThat(deploy.severity()).isEqualTo(Severity.HIGH);
        assertThat(deploy.message()).contains("IAM role deploy").contains(STAGING_ACCOUNT).contains("staging");
        assertThat(only(new CrossAccessCheck(), ctx, "arn:aws:iam::" + PROD_ACCOUNT + ":role/ci").status()).isEqualTo(Status.PASS);
        assertThat(only(new CrossAccessCheck(), ctx, "arn:aws:iam::" + PROD_ACCOUNT + ":role/self").status()).isEqualTo(Status.PASS);
    }

    @Test
    void crossAccessFailsWhenStagingBucketGrantsProductionButNotBetweenNonProduction() {
        String grant = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"%s\"]},\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::shared/*\"}]}";
        var staging = env("staging", STAGING_ACCOUNT).buckets(bucket("shared").policy(grant.formatted(PROD_ACCOUNT)));
        assertThat(only(new CrossAccessCheck(), context(env("prod", PROD_ACCOUNT).production(), staging), "arn:aws:s3:::shared")
                .status()).isEqualTo(Status.FAIL);
        assertThat(only(new CrossAccessCheck(), context(env("demo", PROD_ACCOUNT), staging), "arn:aws:s3:::shared").status())
                .isEqualTo(Status.PASS);
    }

    @Test
    void crossAccessErrorsWhenPolicyUnreadableOrOtherAccountUnknown() {
        var prod = env("prod", PROD_ACCOUNT).production().buckets(bucket("x").policy(Fact.unknown("s3:GetBucketPolicy denied for x")))
                .roles(role(PROD_ACCOUNT, "deploy", trustPolicy("arn:aws:iam::444444444444:root")));
        var ctx = context(prod, env("demo", "444444444444").failedEntirely("no credentials for profile acme-demo"));
        assertThat(only(new CrossAccessCheck(), ctx, "arn:aws:s3:::x").message()).contains("s3:GetBucketPolicy denied for x");
        Finding role = only(new CrossAccessCheck(), ctx, "arn:aws:iam::" + PROD_ACCOUNT + ":role/deploy");
        assertThat(role.status()).isEqualTo(Status.ERROR);
        assertThat(role.message()).contains("444444444444").contains("demo");
    }

    // env.prod_access

    private static InventoryFixtures.EnvBuilder prodWith(int people) {
        var prod = env("prod", PROD_ACCOUNT).production();
        String[] names = {"ann", "bob", "cyd", "dee", "eve"};
        for (int i = 0; i < people; i++) {
            prod.users(user(names[i]).tags(Map.of("email", names[i] + "@acme.example")).console(daysAgo(10), daysAgo(1)).mfa(true));
        }
        return prod;
    }

    @Test
    void prodAccessPassesAtTheLimitAndFailsAboveListingPeople() {
        Finding ok = only(new ProdAccessCheck(), context(prodWith(3)), "environment:prod");
        assertThat(ok.status()).isEqualTo(Status.PASS);
        Finding over = only(new ProdAccessCheck(), context(prodWith(4)), "environment:prod");
        assertThat(over.status()).isEqualTo(Status.FAIL);
        assertThat(over.message()).isEqualTo("4 people hold credentials in production environment prod "
                + "(ann@acme.example, bob@acme.example, cyd@acme.example, dee@acme.example), more than the limit of 3.");
        var inv = inventory(prodWith(4));
        assertThat(only(new ProdAccessCheck(), context(inv, new Thresholds(90, 45, 4, Thresholds.IssueSla.defaults(), 90)),
                "environment:prod").status()).isEqualTo(Status.PASS);
    }

    @Test
    void prodAccessCountsKeysAndPeopleOnceAndIgnoresCredentialLessUsers() {
        var prod = env("prod", PROD_ACCOUNT).production().users(
                user("ann").keys(activeKey("AKIA1", daysAgo(1), null)),
                user("ann.ops").console(daysAgo(1), null),
                user("bob"),
                user("svc-deploy").keys(activeKey("AKIA2", daysAgo(1), null)));
        var ctx = context(inventory(prod), new PersonLink("ann@acme.example", List.of("ann", "ann.ops"), List.of()),
                new PersonLink("bob@acme.example", List.of("bob"), List.of()));
        Finding f = only(new ProdAccessCheck(), ctx, "environment:prod");
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.message()).contains("1 person holds").contains("ann@acme.example").doesNotContain("bob@")
                .contains("1 account linked to nobody (svc-deploy)");
    }

    @Test
    void prodAccessErrorsWhenUnknownCredentialsCouldTipTheCountAndIgnoresNonProduction() {
        var prod = prodWith(3).users(user("dee").tags(Map.of("email", "dee@acme.example")).keys(Fact.unknown("denied")));
        Finding f = only(new ProdAccessCheck(), context(prod), "environment:prod");
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.message()).contains("dee@acme.example");
        var users = env("prod", PROD_ACCOUNT).production().usersFact(Fact.unknown("iam:ListUsers denied"));
        assertThat(only(new ProdAccessCheck(), context(users), "environment:prod").message()).contains("iam:ListUsers denied");
        assertThat(new ProdAccessCheck().evaluate(context(env("staging", STAGING_ACCOUNT)))).isEmpty();
    }
}
