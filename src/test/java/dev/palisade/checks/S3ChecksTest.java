package dev.palisade.checks;

import static dev.palisade.checks.InventoryFixtures.PROD_ACCOUNT;
import static dev.palisade.checks.InventoryFixtures.bucket;
import static dev.palisade.checks.InventoryFixtures.context;
import static dev.palisade.checks.InventoryFixtures.env;
import static dev.palisade.checks.InventoryFixtures.inventory;
import static dev.palisade.checks.InventoryFixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.Fact;
import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.Status;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.BucketEncryption;
import dev.palisade.core.inventory.BucketLogging;
import dev.palisade.core.inventory.Inventory;
import dev.palisade.core.inventory.PublicAccessBlock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3ChecksTest {
    private static final String ARN = "arn:aws:s3:::acme-uploads";

    private static CheckContext one(InventoryFixtures.BucketBuilder b) {
        return context(env("prod", PROD_ACCOUNT).production().buckets(b));
    }

    // s3.bucket.encryption

    @ParameterizedTest
    @CsvSource({"SSE-S3", "SSE-KMS", "DSSE-KMS"})
    void encryptionPassesAndNamesTheAlgorithm(String algorithm) {
        Finding f = only(new BucketEncryptionCheck(), one(bucket("acme-uploads").encryption(algorithm)), ARN);
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.message()).isEqualTo("Bucket acme-uploads is encrypted by default with " + algorithm + ".");
        assertThat(f.env()).isEqualTo("prod");
        assertThat(f.resource().type()).isEqualTo("aws.s3.bucket");
    }

    @Test
    void encryptionFailsWithoutDefaultEncryption() {
        Finding f = only(new BucketEncryptionCheck(), one(bucket("acme-uploads").encryption(BucketEncryption.NONE)), ARN);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.message()).contains("acme-uploads").contains("no default encryption");
    }

    @Test
    void encryptionUnreadableIsErrorNamingTheCall() {
        Finding f = only(new BucketEncryptionCheck(),
                one(bucket("acme-uploads").encryption(Fact.unknown("s3:GetBucketEncryption denied for acme-uploads"))), ARN);
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.message()).contains("s3:GetBucketEncryption denied for acme-uploads");
    }

    // s3.bucket.encryption_kms

    @Test
    void kmsFailsForSseS3InProductionOnly() {
        var b = bucket("acme-uploads").encryption(BucketEncryption.SSE_S3);
        Finding f = only(new BucketEncryptionKmsCheck(), one(b), ARN);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        assertThat(f.message()).contains("SSE-S3");
        assertThat(new BucketEncryptionKmsCheck().evaluate(context(env("staging", PROD_ACCOUNT).buckets(b)))).isEmpty();
    }

    @Test
    void kmsPassesForKmsAndErrorsWhenUnreadable() {
        assertThat(only(new BucketEncryptionKmsCheck(), one(bucket("acme-uploads").encryption("DSSE-KMS")), ARN).status())
                .isEqualTo(Status.PASS);
        assertThat(only(new BucketEncryptionKmsCheck(), one(bucket("acme-uploads").encryption(Fact.unknown("timeout"))), ARN).status())
                .isEqualTo(Status.ERROR);
    }

    // s3.bucket.public_access_block

    @Test
    void bucketBlockPassesAtBucketLevel() {
        var ctx = context(env("prod", PROD_ACCOUNT).accountPab(Fact.known(null)).buckets(bucket("acme-uploads")));
        assertThat(only(new BucketPublicAccessBlockCheck(), ctx, ARN).status()).isEqualTo(Status.PASS);
    }

    @Test
    void bucketBlockPassesWhenAccountLevelCoversIt() {
        var ctx = context(env("prod", PROD_ACCOUNT).buckets(bucket("acme-uploads").publicAccessBlock(Fact.known(null))));
        Finding f = only(new BucketPublicAccessBlockCheck(), ctx, ARN);
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.message()).contains("account level");
    }

    @Test
    void bucketBlockCombinesSettingsAcrossLevelsAndNamesTheMissingOnes() {
        var ctx = context(env("prod", PROD_ACCOUNT).accountPab(Fact.known(new PublicAccessBlock(true, false, false, false)))
                .buckets(bucket("acme-uploads").publicAccessBlock(Fact.known(new PublicAccessBlock(false, true, false, false)))));
        Finding f = only(new BucketPublicAccessBlockCheck(), ctx, ARN);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("BlockPublicPolicy, RestrictPublicBuckets").doesNotContain("IgnorePublicAcls");
    }

    @Test
    void bucketBlockIsErrorWhenUnreadableAndAccountDoesNotCover() {
        var ctx = context(env("prod", PROD_ACCOUNT).accountPab(Fact.known(null))
                .buckets(bucket("acme-uploads").publicAccessBlock(Fact.unknown("s3:GetPublicAccessBlock denied"))));
        Finding f = only(new BucketPublicAccessBlockCheck(), ctx, ARN);
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.message()).contains("s3:GetPublicAccessBlock denied");
        var ctx2 = context(env("prod", PROD_ACCOUNT).accountPab(Fact.unknown("s3control denied"))
                .buckets(bucket("acme-uploads").publicAccessBlock(Fact.known(null))));
        assertThat(only(new BucketPublicAccessBlockCheck(), ctx2, ARN).message()).contains("s3control denied");
    }

    // s3.account.public_access_block

    @Test
    void accountBlockPassFailAndError() {
        String acct = "aws-account:" + PROD_ACCOUNT;
        assertThat(only(new AccountPublicAccessBlockCheck(), context(env("prod", PROD_ACCOUNT)), acct).status()).isEqualTo(Status.PASS);
        Finding none = only(new AccountPublicAccessBlockCheck(), context(env("prod", PROD_ACCOUNT).accountPab(Fact.known(null))), acct);
        assertThat(none.status()).isEqualTo(Status.FAIL);
        assertThat(none.message()).contains("AWS account " + PROD_ACCOUNT).contains("no account-level");
        Finding partial = only(new AccountPublicAccessBlockCheck(),
                context(env("prod", PROD_ACCOUNT).accountPab(Fact.known(new PublicAccessBlock(true, true, true, false)))), acct);
        assertThat(partial.status()).isEqualTo(Status.FAIL);
        assertThat(partial.message()).contains("RestrictPublicBuckets");
        Finding err = only(new AccountPublicAccessBlockCheck(),
                context(env("prod", PROD_ACCOUNT).accountPab(Fact.unknown("s3:GetAccountPublicAccessBlock denied"))), acct);
        assertThat(err.status()).isEqualTo(Status.ERROR);
        assertThat(err.message()).contains("s3:GetAccountPublicAccessBlock denied");
    }

    @Test
    void accountBlockReportedOncePerSharedAccount() {
        var ctx = context(env("prod", PROD_ACCOUNT).tag("env", "prod"), env("staging", PROD_ACCOUNT).tag("env", "staging"));
        List<Finding> fs = new AccountPublicAccessBlockCheck().evaluate(ctx);
        assertThat(fs).hasSize(1);
        assertThat(fs.get(0).env()).isEqualTo("prod");
    }

    // s3.bucket.tls_only

    @Test
    void tlsOnlyPassesWithCanonicalDeny() {
        assertThat(only(new BucketTlsOnlyCheck(), one(bucket("acme-uploads")), ARN).status()).isEqualTo(Status.PASS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // statement object (not array), Action list with "*", AWS principal "*", boolean false, resource wildcard
            "{\"Statement\":{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},\"Action\":[\"s3:GetObject\",\"*\"],\"Resource\":\"arn:aws:s3:::acme-uploads/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":false}}}}|PASS",
            "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:securetransport\":[\"false\"]}}}]}|PASS",
            "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::acme-*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}|PASS",
            // deny covers only the bucket, not its objects
            "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::acme-uploads\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}|FAIL",
            // only one action
            "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::acme-uploads/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}|FAIL",
            // NotAction deny does not count
            "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"NotAction\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::acme-uploads/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}|FAIL",
            // Allow instead of Deny
            "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::acme-uploads/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}]}|FAIL",
            // deny narrowed by a second condition
            "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::acme-uploads/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"},\"StringEquals\":{\"aws:PrincipalAccount\":\"1\"}}}]}|FAIL",
            // only for one principal
            "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"arn:aws:iam::111111111111:root\"},\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::acme-uploads/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}|FAIL",
            // another bucket's objects
            "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::other/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}|FAIL",
    })
    void tlsOnlyReadsPolicyVariants(String policy, Status expected) {
        assertThat(only(new BucketTlsOnlyCheck(), one(bucket("acme-uploads").policy(policy)), ARN).status()).isEqualTo(expected);
    }

    @Test
    void tlsOnlyFailsWithoutPolicyWithSpecMessage() {
        Finding f = only(new BucketTlsOnlyCheck(), one(bucket("acme-uploads").policy(Fact.known(null))), ARN);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.message()).contains("acme-uploads").contains("denies requests without TLS");
    }

    @Test
    void tlsOnlyErrorWhenPolicyUnreadableOrUnparseable() {
        Finding denied = only(new BucketTlsOnlyCheck(),
                one(bucket("acme-uploads").policy(Fact.unknown("s3:GetBucketPolicy denied for acme-uploads"))), ARN);
        assertThat(denied.status()).isEqualTo(Status.ERROR);
        assertThat(denied.message()).contains("s3:GetBucketPolicy denied for acme-uploads");
        assertThat(only(new BucketTlsOnlyCheck(), one(bucket("acme-uploads").policy("{not json")), ARN).status())
                .isEqualTo(Status.ERROR);
    }

    // s3.bucket.public_policy

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::acme-uploads/*\"}}|FAIL",
            "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::1:root\",\"*\"]},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::acme-uploads/*\"}]}|FAIL",
            "{\"Statement\":[{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::1:root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::acme-uploads/*\"}]}|FAIL",
            "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::acme-uploads/*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc\"}}}]}|PASS",
            "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::acme-uploads/*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":[\"203.0.113.0/24\"]}}}]}|PASS",
            "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::acme-uploads/*\",\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}}]}|PASS",
            // a condition that does not limit who
            "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::acme-uploads/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}]}|FAIL",
            "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111111111111:root\"},\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::acme-uploads/*\"}]}|PASS",
            "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}|PASS",
    })
    void publicPolicyReadsPrincipalsAndConditions(String policy, Status expected) {
        assertThat(only(new BucketPublicPolicyCheck(), one(bucket("acme-uploads").policy(policy)), ARN).status()).isEqualTo(expected);
    }

    @Test
    void publicPolicyPassesWithoutPolicyFailsOnAwsVerdictAndErrorsWhenUnreadable() {
        assertThat(only(new BucketPublicPolicyCheck(), one(bucket("acme-uploads").policy(Fact.known(null))), ARN).status())
                .isEqualTo(Status.PASS);
        Finding aws = only(new BucketPublicPolicyCheck(), one(bucket("acme-uploads").policyPublic(Fact.known(true))), ARN);
        assertThat(aws.status()).isEqualTo(Status.FAIL);
        assertThat(aws.severity()).isEqualTo(Severity.CRITICAL);
        Finding err = only(new BucketPublicPolicyCheck(), one(bucket("acme-uploads").policy(Fact.unknown("AccessDenied"))), ARN);
        assertThat(err.status()).isEqualTo(Status.ERROR);
        assertThat(err.message()).contains("AccessDenied").contains("acme-uploads");
    }

    // s3.bucket.versioning and s3.bucket.access_logging

    @ParameterizedTest
    @CsvSource({"Enabled,PASS", "Suspended,FAIL", "Disabled,FAIL"})
    void versioning(String state, Status expected) {
        Finding f = only(new BucketVersioningCheck(), one(bucket("acme-uploads").versioning(Fact.known(state))), ARN);
        assertThat(f.status()).isEqualTo(expected);
        assertThat(f.severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void versioningErrorWhenUnreadable() {
        assertThat(only(new BucketVersioningCheck(), one(bucket("acme-uploads").versioning(Fact.unknown("denied"))), ARN).status())
                .isEqualTo(Status.ERROR);
    }

    @Test
    void accessLoggingPassFailError() {
        assertThat(only(new BucketAccessLoggingCheck(), one(bucket("acme-uploads")), ARN).status()).isEqualTo(Status.PASS);
        Finding off = only(new BucketAccessLoggingCheck(),
                one(bucket("acme-uploads").logging(Fact.known(new BucketLogging(false, null, null)))), ARN);
        assertThat(off.status()).isEqualTo(Status.FAIL);
        assertThat(off.message()).isEqualTo("Bucket acme-uploads has server access logging off.");
        assertThat(only(new BucketAccessLoggingCheck(), one(bucket("acme-uploads").logging(Fact.unknown("denied"))), ARN).status())
                .isEqualTo(Status.ERROR);
    }

    // whole-source behaviour

    @Test
    void bucketListUnreadableGivesOneErrorPerEnvironmentNamingTheAccount() {
        var ctx = context(env("prod", PROD_ACCOUNT).bucketsFact(Fact.unknown("s3:ListBuckets denied")));
        List<Finding> fs = new BucketEncryptionCheck().evaluate(ctx);
        assertThat(fs).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.resource().id()).isEqualTo("aws-account:" + PROD_ACCOUNT);
            assertThat(f.message()).contains("s3:ListBuckets denied");
        });
    }

    @Test
    void absentSourceReportsNothing() {
        CheckContext ctx = context(Inventory.empty());
        for (var c : List.of(new BucketEncryptionCheck(), new BucketTlsOnlyCheck(), new AccountPublicAccessBlockCheck())) {
            assertThat(c.evaluate(ctx)).isEmpty();
        }
    }

    @Test
    void sharedAccountModeEvaluatesOnlyTheBucketsTheEnvironmentOwns() {
        var prod = env("prod", PROD_ACCOUNT).production().tag("env", "prod")
                .buckets(bucket("p").tags(java.util.Map.of("env", "prod")), bucket("s").tags(java.util.Map.of("env", "staging")),
                        bucket("untagged"));
        List<Finding> fs = new BucketEncryptionCheck().evaluate(context(inventory(prod)));
        assertThat(fs).extracting(f -> f.resource().name()).containsExactly("p", "untagged");
    }
}
