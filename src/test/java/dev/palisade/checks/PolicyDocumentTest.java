package dev.palisade.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyDocumentTest {

    @Test
    void readsStatementObjectAndStringValues() throws Exception {
        PolicyDocument d = PolicyDocument.parse("""
                {"Version":"2012-10-17","Statement":{"Sid":"one","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:root"},
                 "Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}""");
        assertThat(d.statements()).singleElement().satisfies(s -> {
            assertThat(s.sid()).isEqualTo("one");
            assertThat(s.effect()).isEqualTo(PolicyDocument.Effect.ALLOW);
            assertThat(s.actions()).containsExactly("s3:GetObject");
            assertThat(s.resources()).containsExactly("arn:aws:s3:::b/*");
            assertThat(s.awsPrincipals()).containsExactly("arn:aws:iam::1:root");
            assertThat(s.appliesToEveryone()).isFalse();
        });
    }

    @Test
    void readsArraysListsAndNonStringConditionValues() throws Exception {
        PolicyDocument d = PolicyDocument.parse("""
                {"Statement":[
                  {"Effect":"deny","Principal":"*","Action":["s3:Put*","s3:*"],"Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"],
                   "Condition":{"Bool":{"aws:SecureTransport":false},"NumericLessThan":{"s3:TlsVersion":[1.2]}}},
                  {"Effect":"Allow","Principal":{"AWS":["1","*"],"Service":"cloudfront.amazonaws.com"},"NotAction":"iam:*","Resource":"*"}
                ]}""");
        var deny = d.statements().get(0);
        assertThat(deny.effect()).isEqualTo(PolicyDocument.Effect.DENY);
        assertThat(deny.appliesToEveryone()).isTrue();
        assertThat(deny.conditions().get("Bool").get("aws:SecureTransport")).containsExactly("false");
        assertThat(deny.conditions().get("NumericLessThan").get("s3:TlsVersion")).containsExactly("1.2");
        assertThat(deny.coversAllActionsOf("s3")).isTrue();
        assertThat(deny.coversResourcesUnder("arn:aws:s3:::b/")).isTrue();
        var allow = d.statements().get(1);
        assertThat(allow.notAction()).isTrue();
        assertThat(allow.actions()).containsExactly("iam:*");
        assertThat(allow.coversAllActions()).isFalse();
        assertThat(allow.coversAllResources()).isTrue();
        assertThat(allow.appliesToEveryone()).isTrue();
        assertThat(allow.principals().get("Service")).containsExactly("cloudfront.amazonaws.com");
    }

    @Test
    void emptyStatementIsAnEmptyPolicy() throws Exception {
        assertThat(PolicyDocument.parse("{\"Version\":\"2012-10-17\"}").statements()).isEmpty();
        assertThat(PolicyDocument.parse("{\"Statement\":[]}").statements()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "\"x\"", "{\"Statement\":5}", "{\"Statement\":[1]}",
            "{\"Statement\":{\"Action\":\"*\"}}", "{\"Statement\":{\"Effect\":\"Maybe\"}}"})
    void rejectsWhatIsNotAPolicy(String json) {
        assertThatThrownBy(() -> PolicyDocument.parse(json)).isInstanceOf(PolicyDocument.InvalidPolicyException.class);
        assertThat(PolicyDocument.parseOrNull(json)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "*, s3:, true",
            "s3:*, s3:, true",
            "S3:*, s3:, true",
            "s3*, s3:, true",
            "s3:Get*, s3:, false",
            "s3:GetObject, s3:, false",
            "ec2:*, s3:, false",
    })
    void actionPatternsCoveringAService(String pattern, String prefix, boolean expected) {
        assertThat(PolicyDocument.coversPrefix(pattern, prefix, false)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "arn:aws:s3:::b/*, true",
            "arn:aws:s3:::b*, true",
            "arn:aws:s3:::*, true",
            "*, true",
            "arn:aws:s3:::?/*, true",
            "arn:aws:s3:::b, false",
            "arn:aws:s3:::b/private/*, false",
            "arn:aws:s3:::B/*, false",
    })
    void resourcePatternsCoveringAllObjects(String pattern, boolean expected) {
        assertThat(PolicyDocument.coversPrefix(pattern, "arn:aws:s3:::b/", true)).isEqualTo(expected);
    }

    @Test
    void conditionKeysMatchCaseInsensitively() throws Exception {
        var s = PolicyDocument.parse("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"AWS:PrincipalOrgId\":\"o-1\"}}}}").statements().get(0);
        assertThat(s.hasConditionKey(Set.of("aws:principalorgid"))).isTrue();
        assertThat(s.hasConditionKey(Set.of("aws:sourceip"))).isFalse();
    }

    @Test
    void regexCharactersInPatternsAreLiteral() {
        assertThat(PolicyDocument.matches("arn:aws:s3:::a.b/*", "arn:aws:s3:::axb/k", true)).isFalse();
        assertThat(PolicyDocument.matches("arn:aws:s3:::a.b/*", "arn:aws:s3:::a.b/k", true)).isTrue();
    }
}
