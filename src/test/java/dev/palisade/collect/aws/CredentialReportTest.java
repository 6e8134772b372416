package dev.palisade.collect.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CredentialReportTest {
    static final String CSV = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
            + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
            + "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active\r\n"
            + "<root_account>,arn:aws:iam::1:root,2020-01-01T00:00:00+00:00,not_supported,2026-01-02T03:04:05+00:00,"
            + "not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false\r\n"
            + "\"dana.ops\",arn:aws:iam::1:user/dana.ops,2021-05-06T07:08:09+00:00,TRUE,no_information,"
            + "2021-05-06T07:08:09+00:00,N/A,False,true,2024-02-03T04:05:06+00:00,2026-11-30T10:00:00+00:00,eu-west-1,s3,false\r\n";

    @Test
    void parsesRowsSentinelsAndBooleans() {
        CredentialReport r = CredentialReport.parse(CSV);
        assertThat(r.size()).isEqualTo(2);
        assertThat(r.root().flag("mfa_active")).isTrue();
        assertThat(r.root().flag("access_key_1_active")).isFalse();
        CredentialReport.Row dana = r.row("dana.ops");
        assertThat(dana.flag("password_enabled")).isTrue();
        assertThat(dana.time("password_last_used")).isNull();
        assertThat(dana.get("password_next_rotation")).isNull();
        assertThat(dana.flag("mfa_active")).isFalse();
        assertThat(dana.time("access_key_1_last_rotated")).isEqualTo(Instant.parse("2024-02-03T04:05:06Z"));
        assertThat(dana.get("access_key_1_last_used_service")).isEqualTo("s3");
        assertThat(dana.get("no_such_column")).isNull();
    }

    @Test
    void quotedFieldsWithCommasAndQuotes() {
        var records = CredentialReport.csvRecords("a,\"b,c\",\"d \"\"e\"\"\"\nx,y,z");
        assertThat(records).hasSize(2);
        assertThat(records.get(0)).containsExactly("a", "b,c", "d \"e\"");
        assertThat(records.get(1)).containsExactly("x", "y", "z");
    }
}
