package dev.palisade.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    private static final Path FILE = Path.of("/home/u/.palisade/palisade.yaml");
    private static final Path HOME = FILE.getParent();

    static final String SPEC_EXAMPLE = """
            organization: Acme Inc
            google:
              domain: acme.example
              admins: [founder@acme.example]
              clientSecretFile: client_secret.json
              issuer: https://accounts.google.com
              directoryUrl: https://admin.googleapis.com
            environments:
              prod:
                production: true
                aws:
                  profile: acme-prod
                  regions: [us-east-1, eu-west-1]
                  endpointUrl: http://127.0.0.1:4566
                  tag: {key: env, value: prod}
                  actionProfile: acme-prod-admin
              staging:
                aws: {profile: acme-staging, regions: [us-east-1]}
            domains:
              - acme.example
              - app.acme.example
              - {host: api.acme.example, port: 8443}
            tls:
              extraTrustedCertificates: [internal-ca.pem]
              connectTimeoutSeconds: 5
            github:
              organization: acme
              apiUrl: https://api.github.com
              tokenEnv: PALISADE_GITHUB_TOKEN
              securityLabels: [security]
            thresholds:
              accessKeyMaxAgeDays: 90
              credentialUnusedDays: 45
              maxProdPeople: 3
              issueSlaDays: {critical: 7, high: 30, medium: 90, low: 180}
            people:
              - email: dana@acme.example
                aws: [dana, dana.ops]
                github: [dana-gh]
            """;

    private static PalisadeConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse(yaml, FILE, HOME, Map.of("ACME_ORG", "Acme from env")::get);
    }

    private static ConfigException error(String yaml) {
        try {
            parse(yaml);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected a ConfigException for:\n" + yaml);
    }

    @Test
    void readsTheSpecExampleIntoTheRecords() throws Exception {
        PalisadeConfig c = parse(SPEC_EXAMPLE);
        assertThat(c.organization()).isEqualTo("Acme Inc");
        assertThat(c.home()).isEqualTo(HOME);
        assertThat(c.google().domain()).isEqualTo("acme.example");
        assertThat(c.google().admins()).containsExactly("founder@acme.example");
        assertThat(c.environments()).containsOnlyKeys("prod", "staging");
        assertThat(c.environments().keySet()).containsExactly("prod", "staging");
        EnvironmentConfig prod = c.environments().get("prod");
        assertThat(prod.production()).isTrue();
        assertThat(prod.aws().regions()).containsExactly("us-east-1", "eu-west-1");
        assertThat(prod.aws().tag().key()).isEqualTo("env");
        assertThat(prod.aws().tag().value()).isEqualTo("prod");
        assertThat(prod.aws().endpointUrl()).isEqualTo("http://127.0.0.1:4566");
        assertThat(prod.aws().actionProfile()).isEqualTo("acme-prod-admin");
        assertThat(c.environments().get("staging").production()).isFalse();
        assertThat(c.domains()).extracting(DomainConfig::id)
                .containsExactly("acme.example:443", "app.acme.example:443", "api.acme.example:8443");
        assertThat(c.tls().extraTrustedCertificates()).containsExactly("internal-ca.pem");
        assertThat(c.github().organizations()).containsExactly("acme");
        assertThat(c.thresholds().issueSlaDays().critical()).isEqualTo(7);
        assertThat(c.people().get(0).aws()).containsExactly("dana", "dana.ops");
        assertThat(c.resolve("client_secret.json")).isEqualTo(HOME.resolve("client_secret.json"));
    }

    @Test
    void appliesDefaultsForLeftOutSections() throws Exception {
        PalisadeConfig c = parse("organization: Solo\n");
        assertThat(c.google()).isNull();
        assertThat(c.github()).isNull();
        assertThat(c.environments()).isEmpty();
        assertThat(c.thresholds()).isEqualTo(Thresholds.defaults());
        assertThat(c.tls().connectTimeoutSeconds()).isEqualTo(5);
    }

    @Test
    void interpolatesEnvironmentVariables() throws Exception {
        assertThat(parse("organization: ${ACME_ORG}\n").organization()).isEqualTo("Acme from env");
    }

    @Test
    void valuesFromEnvironmentVariablesAreNeverEchoedInErrors() {
        ConfigException e;
        try {
            ConfigLoader.parse("organization: Acme\ngithub:\n  organization: acme\n  apiUrl: ${GH_URL}\n", FILE, HOME,
                    Map.of("GH_URL", "hunter2-secret")::get);
            throw new AssertionError("expected an error");
        } catch (ConfigException ex) {
            e = ex;
        }
        assertThat(e.getMessage()).contains("the value of ${GH_URL} is not a URL").doesNotContain("hunter2");
    }

    @Test
    void unsetEnvironmentVariableIsAnErrorNamingIt() {
        ConfigException e = error("organization: Acme\ngithub:\n  organization: ${GH_ORG}\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("GH_ORG").contains("not set").contains("github.organization");
    }

    @Test
    void unknownKeyNamesLineColumnAndSuggestsTheRightOne() {
        ConfigException e = error("""
                organization: Acme
                environments:
                  prod:
                    aws:
                      profile: p
                      regoins: [us-east-1]
                """);
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.column()).isEqualTo(7);
        assertThat(e.key()).isEqualTo("environments.prod.aws.regoins");
        assertThat(e.getMessage()).startsWith(FILE + ":6:7: environments.prod.aws.regoins: unknown key 'regoins'")
                .contains("Did you mean 'regions'?");
    }

    @Test
    void secretInTheFileIsRefusedWithWhereItBelongs() {
        ConfigException e = error("organization: Acme\ngithub:\n  organization: acme\n  token: ghp_abcdef\n");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("never reads secrets").contains("tokenEnv").doesNotContain("ghp_abcdef");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "organization: Acme\\nthresholds:\\n  accessKeyMaxAgeDays: ninety\\n|3|thresholds.accessKeyMaxAgeDays|whole number",
        "organization: Acme\\nthresholds:\\n  maxProdPeople: -1\\n|3|thresholds.maxProdPeople|between 0 and 10000",
        "organization: Acme\\nenvironments:\\n  prod:\\n    production: maybe\\n|4|environments.prod.production|true or false",
        "organization: Acme\\nenvironments:\\n  prod:\\n    aws:\\n      regions: us-east-1\\n|5|environments.prod.aws.regions|expected a list",
        "organization: Acme\\nenvironments:\\n  prod:\\n    aws:\\n      regions: [us-east-one]\\n|5|environments.prod.aws.regions|not an AWS region",
        "organization: Acme\\ndomains: acme.example\\n|2|domains|expected a list",
        "organization: Acme\\ndomains:\\n  - https://acme.example/\\n|3|domains[0]|not a host name",
        "organization: Acme\\ndomains:\\n  - {host: a.example, port: 70000}\\n|3|domains[0].port|between 1 and 65535",
        "organization: Acme\\ngithub:\\n  organization: acme\\n  apiUrl: api.github.com\\n|4|github.apiUrl|not a URL",
        "organization: [a, b]\\n|1|organization|expected a text value",
        "organization: Acme\\ngoogle: yes\\n|2|google|expected a mapping",
        "organization: Acme\\npeople:\\n  - email: not-an-email\\n|3|people[0].email|not an email address",
        "organization: Acme\\ngithub:\\n  organization: acme\\n  organizations: [acme, oss]\\n|4|github.organizations|cannot be used together with",
        "organization: Acme\\ngithub:\\n  organizations: []\\n|3|github.organizations|is empty; list at least one organization",
        "organization: Acme\\ngithub:\\n  organizations:\\n|3|github.organizations|is empty; list at least one organization",
        "organization: Acme\\ngithub:\\n  organizations: [acme, oss, Acme]\\n|3|github.organizations|twice; keep one",
        "organization: Acme\\ngithub:\\n  organizations: [acme, {name: oss}]\\n|3|github.organizations|expected an organization name (text), found a mapping",
        "organization: Acme\\ngithub:\\n  organizations:\\n    - acme\\n    - [oss]\\n|5|github.organizations|expected an organization name (text), found a list",
        "organization: Acme\\ngithub:\\n  organizations: acme\\n|3|github.organizations|expected a list of organization names such as [acme]",
        "organization: Acme\\ngithub:\\n  organizations: [acme, https://github.com/oss]\\n|3|github.organizations|not a GitHub organization name",
    })
    void wrongTypesAndValuesNameLineKeyAndExpectation(String yaml, int line, String key, String expected) {
        ConfigException e = error(yaml.replace("\\n", "\n"));
        assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.key()).isEqualTo(key);
        assertThat(e.getMessage()).contains(expected).contains(FILE.toString() + ":" + line);
    }

    @Test
    void severalGitHubOrganizationsAreReadInOrderAndOneStaysAListOfOne() throws Exception {
        PalisadeConfig several = parse("organization: Acme\ngithub:\n  organizations: [acme, acme-oss]\n  tokenEnv: GH\n");
        assertThat(several.github().organizations()).containsExactly("acme", "acme-oss");
        assertThat(several.github().tokenEnv()).isEqualTo("GH");
        PalisadeConfig block = parse("organization: Acme\ngithub:\n  organizations:\n    - acme-oss\n    - acme\n");
        assertThat(block.github().organizations()).containsExactly("acme-oss", "acme");
        assertThat(parse("organization: Acme\ngithub:\n  organization: acme\n").github().organizations()).containsExactly("acme");
    }

    @Test
    void missingRequiredValuesAreNamed() {
        ConfigException org = error("domains: [acme.example]\n");
        assertThat(org.key()).isEqualTo("organization");
        assertThat(org.getMessage()).contains("required but missing").contains("top of the file");
        ConfigException gh = error("organization: Acme\ngithub:\n  apiUrl: https://ghe.example\n");
        assertThat(gh.key()).isEqualTo("github.organization");
        assertThat(gh.line()).isEqualTo(3);
        ConfigException people = error("organization: Acme\npeople:\n  - aws: [x]\n");
        assertThat(people.key()).isEqualTo("people[0].email");
    }

    @Test
    void brokenYamlAndDuplicateKeysAndEmptyFileAreErrors() {
        ConfigException syntax = error("organization: Acme\nenvironments:\n  prod: {production: true\n");
        assertThat(syntax.getMessage()).contains("not valid YAML");
        assertThat(syntax.line()).isGreaterThan(0);
        ConfigException dup = error("organization: Acme\norganization: Other\n");
        assertThat(dup.line()).isEqualTo(2);
        assertThat(dup.getMessage()).contains("twice");
        assertThat(error("").getMessage()).contains("empty");
        assertThat(error("# only a comment\n").getMessage()).contains("empty");
    }

    @Test
    void missingFileSaysWhatToDo(@TempDir Path home) {
        assertThatThrownBy(() -> ConfigLoader.load(home)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("file not found").hasMessageContaining("--demo");
    }

    @Test
    void loadsFromTheHomeDirectory(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("palisade.yaml"), SPEC_EXAMPLE);
        PalisadeConfig c = ConfigLoader.load(home);
        assertThat(c.home()).isEqualTo(home);
        assertThat(c.domains()).hasSize(3);
    }
}
