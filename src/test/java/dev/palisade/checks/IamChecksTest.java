package dev.palisade.checks;

import static dev.palisade.checks.InventoryFixtures.PROD_ACCOUNT;
import static dev.palisade.checks.InventoryFixtures.activeKey;
import static dev.palisade.checks.InventoryFixtures.context;
import static dev.palisade.checks.InventoryFixtures.daysAgo;
import static dev.palisade.checks.InventoryFixtures.env;
import static dev.palisade.checks.InventoryFixtures.inactiveKey;
import static dev.palisade.checks.InventoryFixtures.inventory;
import static dev.palisade.checks.InventoryFixtures.only;
import static dev.palisade.checks.InventoryFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.Status;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.config.Thresholds;
import dev.palisade.core.inventory.InlinePolicy;
import dev.palisade.core.inventory.PasswordPolicy;
import dev.palisade.core.inventory.PolicyRef;
import dev.palisade.core.inventory.RootAccount;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IamChecksTest {
    private static final String ACCOUNT = "aws-account:" + PROD_ACCOUNT;
    private static final String DANA = "arn:aws:iam::" + PROD_ACCOUNT + ":user/dana";

    private static CheckContext users(InventoryFixtures.UserBuilder... us) {
        return context(env("prod", PROD_ACCOUNT).production().users(us));
    }

    private static CheckContext root(Fact<Boolean> mfa, Fact<Boolean> keys) {
        return context(env("prod", PROD_ACCOUNT).root(Fact.known(new RootAccount(mfa, keys))));
    }

    // iam.root.mfa / iam.root.access_keys

    @Test
    void rootMfa() {
        assertThat(only(new RootMfaCheck(), root(Fact.known(true), Fact.known(false)), ACCOUNT).status()).isEqualTo(Status.PASS);
        Finding f = only(new RootMfaCheck(), root(Fact.known(false), Fact.known(false)), ACCOUNT);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.message()).isEqualTo("The root user of AWS account " + PROD_ACCOUNT + " (environment prod) has no MFA.");
        Finding e = only(new RootMfaCheck(), root(Fact.unknown("iam:GetAccountSummary denied"), Fact.known(false)), ACCOUNT);
        assertThat(e.status()).isEqualTo(Status.ERROR);
        assertThat(e.message()).contains("iam:GetAccountSummary denied");
        assertThat(only(new RootMfaCheck(), context(env("prod", PROD_ACCOUNT).root(Fact.unknown("sts expired"))), ACCOUNT).status())
                .isEqualTo(Status.ERROR);
    }

    @Test
    void rootAccessKeys() {
        assertThat(only(new RootAccessKeysCheck(), root(Fact.known(true), Fact.known(false)), ACCOUNT).status()).isEqualTo(Status.PASS);
        assertThat(only(new RootAccessKeysCheck(), root(Fact.known(true), Fact.known(true)), ACCOUNT).status()).isEqualTo(Status.FAIL);
        Finding e = only(new RootAccessKeysCheck(), root(Fact.known(true), Fact.unknown("credential report not ready")), ACCOUNT);
        assertThat(e.status()).isEqualTo(Status.ERROR);
        assertThat(e.message()).contains("credential report not ready");
    }

    // iam.user.console_mfa

    @Test
    void consoleMfa() {
        assertThat(only(new ConsoleMfaCheck(), users(user("dana")), DANA).status()).isEqualTo(Status.PASS);
        assertThat(only(new ConsoleMfaCheck(), users(user("dana").console(daysAgo(10), daysAgo(1)).mfa(true)), DANA).status())
                .isEqualTo(Status.PASS);
        Finding f = only(new ConsoleMfaCheck(), users(user("dana").console(daysAgo(10), daysAgo(1))), DANA);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.message()).isEqualTo("IAM user dana has a console password and no MFA device.");
        assertThat(only(new ConsoleMfaCheck(), users(user("dana").console(Fact.unknown("iam:GetLoginProfile denied"))), DANA).message())
                .contains("iam:GetLoginProfile denied");
        assertThat(only(new ConsoleMfaCheck(), users(user("dana").console(daysAgo(10), null).mfa(Fact.unknown("x"))), DANA).status())
                .isEqualTo(Status.ERROR);
    }

    // iam.user.console_unused

    @ParameterizedTest
    @CsvSource({
            // created, lastUsed (-1 = never), expected — default credentialUnusedDays 45
            "100, 10, PASS",
            "100, 45, PASS",
            "100, 46, FAIL",
            "10, -1, PASS",
            "46, -1, FAIL",
    })
    void consoleUnusedCountsNeverUsedFromCreation(int createdDaysAgo, int lastUsedDaysAgo, Status expected) {
        var u = user("dana").console(daysAgo(createdDaysAgo), lastUsedDaysAgo < 0 ? null : daysAgo(lastUsedDaysAgo));
        Finding f = only(new ConsoleUnusedCheck(), users(u), DANA);
        assertThat(f.status()).isEqualTo(expected);
        assertThat(f.message()).contains("dana").contains("45-day");
    }

    @Test
    void consoleUnusedReadsThresholdFromConfig() {
        var inv = inventory(env("prod", PROD_ACCOUNT).users(user("dana").console(daysAgo(100), daysAgo(20))));
        Thresholds strict = new Thresholds(90, 15, 3, Thresholds.IssueSla.defaults(), 90);
        assertThat(only(new ConsoleUnusedCheck(), context(inv, strict), DANA).status()).isEqualTo(Status.FAIL);
        assertThat(only(new ConsoleUnusedCheck(), context(inv), DANA).status()).isEqualTo(Status.PASS);
    }

    @Test
    void consoleUnusedPassesWithoutPasswordAndErrorsWhenUnreadable() {
        assertThat(only(new ConsoleUnusedCheck(), users(user("dana")), DANA).status()).isEqualTo(Status.PASS);
        assertThat(only(new ConsoleUnusedCheck(), users(user("dana").console(Fact.unknown("denied"))), DANA).status())
                .isEqualTo(Status.ERROR);
    }

    // iam.key.rotation

    @Test
    void keyRotationPerActiveKey() {
        var u = user("dana").keys(activeKey("AKIAOLD", daysAgo(91), daysAgo(1)), activeKey("AKIANEW", daysAgo(90), null),
                inactiveKey("AKIADEAD", daysAgo(900)));
        List<Finding> fs = new KeyRotationCheck().evaluate(users(u));
        assertThat(fs).extracting(f -> f.resource().id(), Finding::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AKIAOLD", Status.FAIL),
                        org.assertj.core.groups.Tuple.tuple("AKIANEW", Status.PASS));
        assertThat(fs.get(0).message()).isEqualTo("Access key AKIAOLD (dana) is 91 days old, older than the 90-day limit.");
        assertThat(fs.get(0).resource().type()).isEqualTo("aws.iam.access_key");
    }

    @Test
    void keyRotationErrorWhenKeysUnreadable() {
        Finding f = only(new KeyRotationCheck(), users(user("dana").keys(Fact.unknown("iam:ListAccessKeys denied"))), DANA);
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.message()).contains("iam:ListAccessKeys denied").contains("dana");
    }

    // iam.key.unused

    @ParameterizedTest
    @CsvSource({
            "400, 10, PASS",
            "400, 45, PASS",
            "400, 46, FAIL",
            // never used: counted from creation
            "30, -1, PASS",
            "45, -1, PASS",
            "46, -1, FAIL",
    })
    void keyUnusedCountsNeverUsedKeysFromCreation(int createdDaysAgo, int lastUsedDaysAgo, Status expected) {
        var u = user("dana").keys(activeKey("AKIA1", daysAgo(createdDaysAgo), lastUsedDaysAgo < 0 ? null : daysAgo(lastUsedDaysAgo)));
        Finding f = only(new KeyUnusedCheck(), users(u), "AKIA1");
        assertThat(f.status()).isEqualTo(expected);
        if (lastUsedDaysAgo < 0) {
            assertThat(f.message()).contains("never used");
        }
    }

    @Test
    void keyUnusedSkipsInactiveKeysAndErrorsWhenUnreadable() {
        assertThat(new KeyUnusedCheck().evaluate(users(user("dana").keys(inactiveKey("AKIA1", daysAgo(900)))))).isEmpty();
        assertThat(only(new KeyUnusedCheck(), users(user("dana").keys(Fact.unknown("denied"))), DANA).status()).isEqualTo(Status.ERROR);
    }

    // iam.user.two_active_keys

    @Test
    void twoActiveKeys() {
        assertThat(only(new TwoActiveKeysCheck(), users(user("dana").keys(activeKey("A", daysAgo(1), null),
                inactiveKey("B", daysAgo(2)))), DANA).status()).isEqualTo(Status.PASS);
        Finding f = only(new TwoActiveKeysCheck(), users(user("dana").keys(activeKey("A", daysAgo(1), null),
                activeKey("B", daysAgo(2), null))), DANA);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("2 active access keys (A, B)");
        assertThat(only(new TwoActiveKeysCheck(), users(user("dana").keys(Fact.unknown("denied"))), DANA).status()).isEqualTo(Status.ERROR);
    }

    // iam.user.direct_admin

    @Test
    void directAdminFailsOnAdministratorAccess() {
        var u = user("dana").attached(new PolicyRef("AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess", null));
        Finding f = only(new DirectAdminCheck(), users(u), DANA);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.message()).contains("AdministratorAccess");
    }

    @Test
    void directAdminFailsOnStarStarInlineOrCustomerManaged() {
        String star = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}";
        assertThat(only(new DirectAdminCheck(), users(user("dana").inline(new InlinePolicy("god", star))), DANA).status())
                .isEqualTo(Status.FAIL);
        assertThat(only(new DirectAdminCheck(), users(user("dana").attached(
                new PolicyRef("Everything", "arn:aws:iam::" + PROD_ACCOUNT + ":policy/Everything", star))), DANA).message())
                .contains("managed policy Everything");
    }

    @Test
    void directAdminPassesForNarrowPolicies() {
        String narrow = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:*\"],\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::x\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
        var u = user("dana").inline(new InlinePolicy("s3", narrow))
                .attached(new PolicyRef("ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess", null));
        assertThat(only(new DirectAdminCheck(), users(u), DANA).status()).isEqualTo(Status.PASS);
    }

    @Test
    void directAdminErrorsWhenPoliciesUnreadableButFailsWhenAdminIsKnownAnyway() {
        Finding e = only(new DirectAdminCheck(), users(user("dana").inline(Fact.unknown("iam:ListUserPolicies denied"))), DANA);
        assertThat(e.status()).isEqualTo(Status.ERROR);
        assertThat(e.message()).contains("iam:ListUserPolicies denied");
        var both = user("dana").inline(Fact.unknown("denied"))
                .attached(new PolicyRef("AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess", null));
        assertThat(only(new DirectAdminCheck(), users(both), DANA).status()).isEqualTo(Status.FAIL);
        var noDoc = user("dana").attached(new PolicyRef("Custom", "arn:aws:iam::" + PROD_ACCOUNT + ":policy/Custom", null));
        assertThat(only(new DirectAdminCheck(), users(noDoc), DANA).status()).isEqualTo(Status.ERROR);
    }

    // iam.password_policy

    @Test
    void passwordPolicy() {
        assertThat(only(new PasswordPolicyCheck(), context(env("prod", PROD_ACCOUNT)), ACCOUNT).status()).isEqualTo(Status.PASS);
        Finding none = only(new PasswordPolicyCheck(), context(env("prod", PROD_ACCOUNT).passwordPolicy(Fact.known(null))), ACCOUNT);
        assertThat(none.status()).isEqualTo(Status.FAIL);
        assertThat(none.message()).isEqualTo("AWS account " + PROD_ACCOUNT + " (environment prod) has no IAM password policy.");
        Finding shortLen = only(new PasswordPolicyCheck(), context(env("prod", PROD_ACCOUNT)
                .passwordPolicy(Fact.known(new PasswordPolicy(13, true, true, true, true, null, null)))), ACCOUNT);
        assertThat(shortLen.status()).isEqualTo(Status.FAIL);
        assertThat(shortLen.message()).contains("13");
        Finding err = only(new PasswordPolicyCheck(), context(env("prod", PROD_ACCOUNT).passwordPolicy(Fact.unknown("denied"))), ACCOUNT);
        assertThat(err.status()).isEqualTo(Status.ERROR);
    }

    // whole source

    @Test
    void userListUnreadableIsOneErrorPerAccountForEveryUserCheck() {
        var ctx = context(env("prod", PROD_ACCOUNT).usersFact(Fact.unknown("iam:ListUsers denied")));
        for (var c : List.of(new ConsoleMfaCheck(), new ConsoleUnusedCheck(), new KeyRotationCheck(), new KeyUnusedCheck(),
                new TwoActiveKeysCheck(), new DirectAdminCheck())) {
            assertThat(c.evaluate(ctx)).singleElement().satisfies(f -> {
                assertThat(f.status()).isEqualTo(Status.ERROR);
                assertThat(f.resource().id()).isEqualTo(ACCOUNT);
                assertThat(f.message()).contains("iam:ListUsers denied");
            });
        }
    }

    @Test
    void sharedAccountUsersAreEvaluatedOnce() {
        var ctx = context(env("prod", PROD_ACCOUNT).tag("env", "prod").users(user("dana")),
                env("staging", PROD_ACCOUNT).tag("env", "staging").users(user("dana")));
        assertThat(new ConsoleMfaCheck().evaluate(ctx)).hasSize(1);
    }
}
