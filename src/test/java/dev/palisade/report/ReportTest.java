package dev.palisade.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Severity;
import dev.palisade.core.Snapshot;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.Status;
import dev.palisade.core.Triage;
import dev.palisade.core.check.Area;
import dev.palisade.core.check.Check;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.check.CheckMetadata;
import dev.palisade.core.inventory.Inventory;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static final Instant T = Instant.parse("2026-11-22T09:00:00Z");

    private static Finding f(String check, String id, Status st, Severity sev) {
        return new Finding(check, st, sev, "prod", new Resource("aws.s3.bucket", id, id), "Bucket " + id + " is " + st + ".",
                "Fix " + id + ".", null);
    }

    private static Snapshot snap(String id, Finding... fs) {
        return new Snapshot(id, "Acme <Inc>", T, T.plusSeconds(5), List.of(new SourceStatus("aws:prod", SourceState.OK, null, 3, 10),
                new SourceStatus("tls", SourceState.PARTIAL, "1 of 2 endpoints timed out", 2, 5000)), List.of(fs), Inventory.empty());
    }

    @Test
    void diffSortsFindingsIntoNewRegressedResolvedStillFailingAndUnchanged() {
        Snapshot older = snap("a",
                f("c1", "still", Status.FAIL, Severity.HIGH),
                f("c1", "fixed", Status.FAIL, Severity.HIGH),
                f("c1", "gone", Status.ERROR, Severity.LOW),
                f("c1", "regress", Status.PASS, Severity.MEDIUM),
                f("c1", "steady", Status.PASS, Severity.LOW),
                f("c1", "muted-now", Status.FAIL, Severity.LOW));
        Snapshot newer = snap("b",
                f("c1", "still", Status.ERROR, Severity.HIGH),
                f("c1", "fixed", Status.PASS, Severity.HIGH),
                f("c1", "regress", Status.FAIL, Severity.MEDIUM),
                f("c1", "steady", Status.PASS, Severity.LOW),
                f("c1", "muted-now", Status.MUTED, Severity.LOW),
                f("c1", "brand-new", Status.FAIL, Severity.CRITICAL));
        SnapshotDiff d = SnapshotDiff.of(older, newer);
        assertThat(d.newFailures()).extracting(x -> x.resource().id()).containsExactly("brand-new");
        assertThat(d.regressed()).extracting(x -> x.resource().id()).containsExactly("regress");
        assertThat(d.resolved()).extracting(x -> x.resource().id()).containsExactlyInAnyOrder("fixed", "gone", "muted-now");
        assertThat(d.stillFailing()).extracting(x -> x.resource().id()).containsExactly("still");
        assertThat(d.unchanged()).isEqualTo(1);
        assertThat(d.worse()).extracting(x -> x.resource().id()).containsExactly("brand-new", "regress");
        assertThat(SnapshotDiff.of(newer, newer).newFailures()).isEmpty();
    }

    @Test
    void diffTellsApartFindingsOfTheSameResourceInDifferentEnvironments() {
        Finding prod = f("c", "x", Status.FAIL, Severity.LOW);
        Finding staging = new Finding("c", Status.FAIL, Severity.LOW, "staging", prod.resource(), "m.", "r", null);
        SnapshotDiff d = SnapshotDiff.of(snap("a", prod), snap("b", prod, staging));
        assertThat(d.newFailures()).containsExactly(staging);
        assertThat(d.stillFailing()).containsExactly(prod);
    }

    @Test
    void csvQuotesEscapesAndDefusesFormulas() throws Exception {
        Finding tricky = new Finding("c", Status.MUTED, Severity.LOW, null, new Resource("t", "=HYPERLINK(\"x\")", "a,b"),
                "Line one\nline \"two\".", "-rm", new Triage("c", "=HYPERLINK(\"x\")", T, "ok, for now", "sam", "dana", T));
        StringWriter w = new StringWriter();
        CsvReport.write(snap("s1", tricky), w);
        String[] lines = w.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo(CsvReport.HEADER);
        assertThat(w.toString()).contains("s1,c,MUTED,LOW,,t,\"'=HYPERLINK(\"\"x\"\")\",\"a,b\",\"Line one\nline \"\"two\"\".\",'-rm,"
                + "2026-11-22T09:00:00Z,sam,\"ok, for now\"");
    }

    @Test
    void htmlIsSelfContainedEscapedAndGroupedByArea() throws Exception {
        CheckMetadata m = new CheckMetadata("s3.bucket.encryption", "Bucket default encryption", Area.BUCKETS, "aws",
                Severity.HIGH, "Why.", "Enable default encryption.");
        Check check = new Check() {
            @Override
            public CheckMetadata metadata() {
                return m;
            }

            @Override
            public List<Finding> evaluate(CheckContext context) {
                return List.of();
            }
        };
        Finding fail = new Finding("s3.bucket.encryption", Status.FAIL, Severity.HIGH, "prod",
                new Resource("aws.s3.bucket", "arn:aws:s3:::x", "<script>alert(1)</script>"),
                "Bucket <script>alert(1)</script> has no default encryption.", "Enable default encryption.", null);
        Finding other = f("unknown.check", "y", Status.ERROR, Severity.LOW);
        Finding pass = f("s3.bucket.encryption", "z", Status.PASS, Severity.HIGH);
        StringWriter w = new StringWriter();
        HtmlReport.write(snap("s1", fail, other, pass), List.of(check), w);
        String html = w.toString();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").doesNotContain("<script>")
                .doesNotContain("<link").doesNotContain("src=").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("Acme &lt;Inc&gt;");
        assertThat(html).contains("<h3>Buckets <span class=\"count\">1</span></h3>")
                .contains("<h3>Other <span class=\"count\">1</span></h3>")
                .contains("Bucket default encryption").contains("What to do:</b> Enable default encryption.")
                .contains("1 of 2 endpoints timed out").contains("Passing checks <span class=\"count\">1</span>")
                .contains("@media print");
        assertThat(html.indexOf("<h3>Buckets")).isLessThan(html.indexOf("<h3>Other"));
    }
}
