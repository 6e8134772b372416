package dev.palisade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.act.ActFixture;
import dev.palisade.act.ActFixtureAccess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code offboard}, {@code rotate-key} and {@code audit} in-process, against the IAM/Directory/GitHub wire servers. */
class ActCommandsTest {
    @TempDir
    Path home;
    ActFixtureAccess.Setup setup;
    StringWriter out;
    StringWriter err;
    String previousCredentials;

    @BeforeEach
    void setUp() throws Exception {
        setup = ActFixtureAccess.setUp(home);
        setup.workspace().close();
        previousCredentials = System.getProperty("aws.sharedCredentialsFile");
        System.setProperty("aws.sharedCredentialsFile", setup.fixture().profileFile().toString());
        System.setProperty("aws.configFile", home.resolve("no-config").toString());
    }

    @AfterEach
    void tearDown() {
        if (previousCredentials == null) {
            System.clearProperty("aws.sharedCredentialsFile");
        } else {
            System.setProperty("aws.sharedCredentialsFile", previousCredentials);
        }
        System.clearProperty("aws.configFile");
        setup.fixture().close();
    }

    private int run(Map<String, String> env, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        ActFixture fx = setup.fixture();
        CliContext ctx = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), env,
                Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC),
                (h, demo, clock, e) -> ActFixtureAccess.open(fx, h));
        String[] full = new String[args.length + 1];
        full[0] = args[0];
        full[1] = "--home=" + home;
        System.arraycopy(args, 1, full, 2, args.length - 1);
        return Cli.run(ctx, full);
    }

    @Test
    void offboardPrintsThePlanAndRunsOnlyWithTheRepeatedEmail() {
        Map<String, String> tokens = Map.of("PALISADE_GOOGLE_ACTION_TOKEN", ActFixtureAccess.TOKEN,
                "PALISADE_GITHUB_ADMIN_TOKEN", ActFixtureAccess.TOKEN);
        assertThat(run(tokens, "offboard", ActFixtureAccess.EMAIL)).isZero();
        assertThat(out.toString()).contains("Offboarding plan", "iam:DeleteLoginProfile", "directory:users.signOut",
                "github:DELETE /orgs/{org}/members/{user}", "dana.ops");
        assertThat(err.toString()).contains("--confirm dana@acme.example");
        assertThat(setup.fixture().prodMutations()).isEmpty();

        assertThat(run(tokens, "offboard", ActFixtureAccess.EMAIL, "--confirm", "dan@acme.example")).isEqualTo(2);
        assertThat(err.toString()).contains("Confirmation does not match");
        assertThat(setup.fixture().prodMutations()).isEmpty();

        Path record = home.resolve("record.json");
        assertThat(run(tokens, "offboard", ActFixtureAccess.EMAIL, "--confirm", ActFixtureAccess.EMAIL, "--json", record.toString())).isZero();
        assertThat(err.toString()).contains("verified that dana@acme.example holds no access");
        assertThat(record).content().contains("palisade.offboarding/1", "\"result\" : \"DONE\"");

        assertThat(run(Map.of(), "offboard", "--list")).isZero();
        assertThat(out.toString()).contains("dana@acme.example", "COMPLETED", "verified clean");
        assertThat(run(Map.of(), "audit", "--verify")).isZero();
        assertThat(run(Map.of(), "audit")).isZero();
        assertThat(out.toString()).contains("offboard.plan", "offboard.step", "offboard.verify", "offboard.export")
                .doesNotContain(ActFixtureAccess.TOKEN);
    }

    @Test
    void offboardWithoutTheWriteTokensStopsAtTheFirstWorkspaceStepAndResumes() {
        assertThat(run(Map.of(), "offboard", ActFixtureAccess.EMAIL, "--confirm", ActFixtureAccess.EMAIL)).isEqualTo(1);
        assertThat(err.toString()).contains("No credentials to act on google", "palisade offboard --resume offboard-");
        String runId = err.toString().replaceAll("(?s).*--resume (\\S+).*", "$1");
        Map<String, String> tokens = Map.of("PALISADE_GOOGLE_ACTION_TOKEN", ActFixtureAccess.TOKEN,
                "PALISADE_GITHUB_ADMIN_TOKEN", ActFixtureAccess.TOKEN);
        assertThat(run(tokens, "offboard", "--resume", runId)).isZero();
        assertThat(setup.fixture().apis().users.get(ActFixtureAccess.EMAIL).suspended).isTrue();
    }

    @Test
    void rotateKeyStepByStepPrintsTheSecretOnceAndTouchesOnlyThatKey() {
        assertThat(run(Map.of(), "rotate-key", "ci-bot", "AKIACIBOT00000000001", "--env", "prod", "--step", "deactivate")).isEqualTo(2);
        assertThat(err.toString()).contains("create the new key first");
        assertThat(run(Map.of(), "rotate-key", "ci-bot", "AKIACIBOT00000000001", "--env", "prod", "--step", "create")).isZero();
        assertThat(out.toString()).contains("AccessKeyId=AKIANEW", "SecretAccessKey=wJalrSECRET");
        String secret = out.toString().replaceAll("(?s).*SecretAccessKey=(\\S+).*", "$1");
        assertThat(run(Map.of(), "rotate-key", "ci-bot", "AKIACIBOT00000000001", "--env", "prod", "--step", "deactivate")).isZero();
        assertThat(run(Map.of(), "rotate-key", "ci-bot", "AKIACIBOT00000000001", "--env", "prod", "--step", "delete")).isZero();
        assertThat(setup.fixture().prodUser("ci-bot").keys).hasSize(1).doesNotContainKey("AKIACIBOT00000000001");
        assertThat(setup.fixture().prodUser("dana").keys).containsKey("AKIADANAPROD00000001");
        assertThat(run(Map.of(), "audit")).isZero();
        assertThat(out.toString()).contains("rotate-key.step").doesNotContain(secret);
        assertThat(run(Map.of(), "rotate-key", "dana", "AKIADANAPROD00000001", "--env", "prod", "--step", "create")).isEqualTo(2);
        assertThat(err.toString()).contains("already has two access keys");
    }
}
