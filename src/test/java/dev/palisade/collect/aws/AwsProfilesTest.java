package dev.palisade.collect.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.collect.CollectorResult;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles resolved like the AWS CLI, from the given files only, against the fake STS / SSO portal. */
class AwsProfilesTest {
    @TempDir
    Path dir;
    FakeAwsServer server;
    AwsTestSupport aws;

    @BeforeEach
    void start() throws Exception {
        server = FakeAwsServer.start();
        aws = new AwsTestSupport(dir, server);
        server.bucket("acme-prod-uploads", "us-east-1");
        server.user("alice");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SourceStatus scan(String profile) throws InterruptedException {
        CollectorResult r = aws.scan(AwsTestSupport.env("prod", profile, server.endpoint().toString()));
        return r.sources().get(0);
    }

    @Test
    void staticKeysFromCredentialsFile() throws Exception {
        SourceStatus s = scan("acme-prod");
        assertThat(s.status()).as(s.error()).isEqualTo(SourceState.OK);
        assertThat(server.calls()).isNotEmpty().allMatch(c -> FakeAwsServer.ACCESS_KEY.equals(c.accessKeyId()));
    }

    @Test
    void roleArnWithSourceProfileAssumesTheRoleThroughTheConfiguredEndpoint() throws Exception {
        aws.config("""
                [profile base]
                region = us-east-1
                [profile acme-role]
                role_arn = arn:aws:iam::111122223333:role/PalisadeScan
                source_profile = base
                role_session_name = palisade-test
                external_id = ext-123
                region = us-east-1
                """);
        aws.credentials("[base]\naws_access_key_id = " + FakeAwsServer.ACCESS_KEY + "\naws_secret_access_key = "
                + FakeAwsServer.SECRET_KEY + "\n");
        SourceStatus s = scan("acme-role");

        assertThat(s.status()).as(s.error()).isEqualTo(SourceState.OK);
        FakeAwsServer.Call assume = server.calls().stream().filter(c -> c.action().equals("sts:AssumeRole")).findFirst().orElseThrow();
        assertThat(assume.accessKeyId()).isEqualTo(FakeAwsServer.ACCESS_KEY);
        assertThat(assume.params()).containsEntry("RoleArn", "arn:aws:iam::111122223333:role/PalisadeScan")
                .containsEntry("RoleSessionName", "palisade-test").containsEntry("ExternalId", "ext-123");
        assertThat(server.calls()).filteredOn(c -> !c.action().equals("sts:AssumeRole"))
                .isNotEmpty().allMatch(c -> c.accessKeyId().startsWith("ASIAFAKESESSION"));
    }

    @Test
    void credentialProcessIsRun() throws Exception {
        Path script = dir.resolve("creds.sh");
        Files.writeString(script, "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKIAPROCESS000000001\", "
                + "\"SecretAccessKey\": \"processsecret\", \"SessionToken\": \"processtoken\"}'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        aws.config("[profile acme-proc]\nregion = us-east-1\ncredential_process = " + script + "\n");
        aws.credentials("");
        server.allowKey("AKIAPROCESS000000001");
        SourceStatus s = scan("acme-proc");

        assertThat(s.status()).as(s.error()).isEqualTo(SourceState.OK);
        assertThat(server.calls()).isNotEmpty().allMatch(c -> "AKIAPROCESS000000001".equals(c.accessKeyId()));
    }

    private void ssoProfile(Instant expiresAt) throws Exception {
        aws.config("""
                [profile acme-sso]
                sso_session = corp
                sso_account_id = 111122223333
                sso_role_name = SecurityAudit
                region = us-east-1
                [sso-session corp]
                sso_start_url = https://acme.awsapps.com/start
                sso_region = us-east-1
                sso_registration_scopes = sso:account:access
                """);
        aws.credentials("");
        Files.writeString(aws.ssoCache.resolve(AwsCredentialResolver.sha1("corp") + ".json"),
                "{\"startUrl\": \"https://acme.awsapps.com/start\", \"region\": \"us-east-1\", \"accessToken\": \"sso-token-1\","
                        + " \"expiresAt\": \"" + expiresAt + "\"}");
        server.ssoToken("sso-token-1");
    }

    @Test
    void ssoSessionProfileUsesTheCachedToken() throws Exception {
        ssoProfile(Instant.now().plus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
        SourceStatus s = scan("acme-sso");

        assertThat(s.status()).as(s.error()).isEqualTo(SourceState.OK);
        FakeAwsServer.Call sso = server.calls().stream().filter(c -> c.service().equals("sso")).findFirst().orElseThrow();
        assertThat(sso.params()).containsEntry("role_name", "SecurityAudit").containsEntry("account_id", "111122223333");
        assertThat(server.calls()).filteredOn(c -> !c.service().equals("sso"))
                .isNotEmpty().allMatch(c -> c.accessKeyId().startsWith("ASIAFAKESSO"));
    }

    @Test
    void expiredSsoTokenIsAnErrorThatSaysHowToLogIn() throws Exception {
        ssoProfile(Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
        SourceStatus s = scan("acme-sso");

        assertThat(s.status()).isEqualTo(SourceState.ERROR);
        assertThat(s.error()).contains("expired", "run aws sso login --profile acme-sso");
        assertThat(server.calls()).isEmpty();
    }

    @Test
    void ssoTokenRejectedByThePortalSaysHowToLogIn() throws Exception {
        ssoProfile(Instant.now().plus(1, ChronoUnit.HOURS));
        server.ssoToken("another");
        Files.writeString(aws.ssoCache.resolve(AwsCredentialResolver.sha1("corp") + ".json"),
                "{\"accessToken\": \"revoked\", \"expiresAt\": \"" + Instant.now().plus(1, ChronoUnit.HOURS) + "\"}");
        SourceStatus s = scan("acme-sso");

        assertThat(s.status()).isEqualTo(SourceState.ERROR);
        assertThat(s.error()).contains("aws sso login --profile acme-sso");
    }

    @Test
    void roleWithoutSourceProfileIsRefusedRatherThanReadingTheEnvironment() throws Exception {
        aws.config("[profile ec2role]\nrole_arn = arn:aws:iam::111122223333:role/X\ncredential_source = Environment\n");
        SourceStatus s = scan("ec2role");

        assertThat(s.status()).isEqualTo(SourceState.ERROR);
        assertThat(s.error()).contains("source_profile", "never reads environment variables");
        assertThat(server.calls()).isEmpty();
    }

    @Test
    void profileWithoutCredentialsIsAnError() throws Exception {
        aws.config("[profile empty]\nregion = us-east-1\n");
        SourceStatus s = scan("empty");
        assertThat(s.status()).isEqualTo(SourceState.ERROR);
        assertThat(s.error()).contains("AWS profile 'empty' has no credentials");
    }
}
