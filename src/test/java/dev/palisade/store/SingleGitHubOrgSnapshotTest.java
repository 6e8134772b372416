package dev.palisade.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.palisade.core.Fact;
import dev.palisade.core.PayloadCodec;
import dev.palisade.core.Snapshot;
import dev.palisade.core.SnapshotJson;
import dev.palisade.core.inventory.AlertCounts;
import dev.palisade.core.inventory.GitHubMember;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.GitHubRepo;
import dev.palisade.core.inventory.Inventory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots stored before several GitHub organizations were supported hold {@code "github": {…}} (one
 * object, or null) in their inventory; they must still load, as a list of one (or none).
 */
class SingleGitHubOrgSnapshotTest {
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    @TempDir
    Path dir;

    static GitHubOrg org(String name) {
        return new GitHubOrg(name, Fact.known(false),
                Fact.known(List.of(new GitHubMember("dana-gh", "Dana", "admin", Fact.known(true), List.of("dana@acme.example")))),
                Fact.known(List.of(new GitHubRepo(name + "/api", true, false, Fact.known(new AlertCounts(2, 0, 1, 1, 0)),
                        Fact.known(null)))),
                Fact.unknown("Security issues of " + name + " could not be listed: GitHub answered 403"),
                Fact.known(List.of()));
    }

    static Snapshot withOrgs(String id, List<GitHubOrg> orgs) {
        Snapshot base = StoreFixtures.snapshot(id, T0, 2);
        Inventory inv = base.inventory();
        return new Snapshot(base.id(), base.organization(), base.startedAt(), base.finishedAt(), base.sources(), base.findings(),
                new Inventory(inv.aws(), inv.tls(), inv.google(), orgs, inv.identities()));
    }

    /** The inventory JSON as an older build wrote it: {@code github} one object (or null) instead of a list. */
    static byte[] oldShape(Inventory inv) throws Exception {
        ObjectNode tree = (ObjectNode) SnapshotJson.mapper().readTree(SnapshotJson.toBytes(inv));
        assertThat(tree.get("github").isArray()).isTrue();
        if (tree.get("github").isEmpty()) {
            tree.putNull("github");
        } else {
            tree.set("github", tree.get("github").get(0));
        }
        return SnapshotJson.mapper().writeValueAsBytes(tree);
    }

    private SqliteStore open() {
        return SqliteStore.open(dir.resolve("palisade.db"), PayloadCodec.PLAIN, Clock.fixed(T0, ZoneOffset.UTC));
    }

    private void overwriteInventory(String id, byte[] payload) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("palisade.db"));
             PreparedStatement ps = c.prepareStatement("UPDATE inventory SET payload = ? WHERE snapshot_id = ?")) {
            ps.setBytes(1, payload);
            ps.setString(2, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void aStoredSnapshotWithOneGitHubObjectLoadsAsAListOfOneOrg() throws Exception {
        Snapshot current = withOrgs("old", List.of(org("acme")));
        try (SqliteStore s = open()) {
            s.save(current);
        }
        byte[] old = oldShape(current.inventory());
        assertThat(new String(old, StandardCharsets.UTF_8)).contains("\"github\":{\"organization\":\"acme\"");
        overwriteInventory("old", old);
        try (SqliteStore s = open()) {
            Snapshot back = s.load("old").orElseThrow();
            assertThat(back.inventory().github()).hasSize(1);
            GitHubOrg o = back.inventory().github().get(0);
            assertThat(o.organization()).isEqualTo("acme");
            assertThat(o.twoFactorRequired().value()).isFalse();
            assertThat(o.members().value()).extracting(GitHubMember::login).containsExactly("dana-gh");
            assertThat(o.issues().isKnown()).isFalse();
            assertThat(back).isEqualTo(current);
        }
    }

    @Test
    void aStoredSnapshotWithoutGitHubLoadsWithNoOrgs() throws Exception {
        Snapshot current = withOrgs("nogh", List.of());
        try (SqliteStore s = open()) {
            s.save(current);
        }
        overwriteInventory("nogh", oldShape(current.inventory()));
        try (SqliteStore s = open()) {
            Snapshot back = s.load("nogh").orElseThrow();
            assertThat(back.inventory().github()).isEmpty();
            assertThat(back.inventory().hasGitHub()).isFalse();
        }
    }

    @Test
    void severalOrgsRoundTripThroughTheStoreAndTheSnapshotJsonInOrder() throws Exception {
        Snapshot two = withOrgs("two", List.of(org("acme"), org("acme-oss")));
        try (SqliteStore s = open()) {
            s.save(two);
        }
        try (SqliteStore s = open()) {
            Snapshot back = s.load("two").orElseThrow();
            assertThat(back.inventory().github()).extracting(GitHubOrg::organization).containsExactly("acme", "acme-oss");
            assertThat(back).isEqualTo(two);
        }
        String json = SnapshotJson.toJson(two, false);
        assertThat(json).contains("\"github\":[{\"organization\":\"acme\"");
        assertThat(SnapshotJson.fromJson(json)).isEqualTo(two);
    }
}
