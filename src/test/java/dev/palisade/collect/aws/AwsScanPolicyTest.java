package dev.palisade.collect.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped policy and docs name exactly the read actions the collector calls, and nothing that writes. */
class AwsScanPolicyTest {
    private static final Pattern ACTION = Pattern.compile("\"((?:s3|iam|rds|logs|acm):[A-Za-z]+)\"");

    static Set<String> policyActions() throws Exception {
        JsonNode policy = new ObjectMapper().readTree(Files.readString(Path.of("assets/aws-scan-policy.json")));
        Set<String> out = new TreeSet<>();
        for (JsonNode st : policy.get("Statement")) {
            assertThat(st.get("Effect").asText()).isEqualTo("Allow");
            st.get("Action").forEach(a -> out.add(a.asText()));
        }
        return out;
    }

    @Test
    void policyListsExactlyTheActionsTheCollectorUses() throws Exception {
        String code = Files.readString(Path.of("src/main/java/dev/palisade/collect/aws/EnvironmentScan.java"));
        Set<String> used = new TreeSet<>();
        Matcher m = ACTION.matcher(code);
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(used).hasSizeGreaterThan(30);
        assertThat(policyActions()).isEqualTo(used);
    }

    @Test
    void policyIsReadOnlyAndDocumented() throws Exception {
        String docs = Files.readString(Path.of("docs/aws-permissions.md"));
        for (String a : policyActions()) {
            assertThat(a.substring(a.indexOf(':') + 1)).matches("(Get|List|Describe|GenerateCredentialReport).*");
            assertThat(docs).contains(a);
        }
    }
}
