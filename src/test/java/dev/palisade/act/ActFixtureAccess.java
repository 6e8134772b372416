package dev.palisade.act;

import dev.palisade.collect.Collector;
import dev.palisade.collect.CollectorResult;
import dev.palisade.core.Fact;
import dev.palisade.core.SourceState;
import dev.palisade.core.SourceStatus;
import dev.palisade.core.config.GitHubConfig;
import dev.palisade.core.config.GoogleConfig;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.core.inventory.AccessKey;
import dev.palisade.core.inventory.AwsEnvironment;
import dev.palisade.core.inventory.ConsoleAccess;
import dev.palisade.core.inventory.GitHubMember;
import dev.palisade.core.inventory.GitHubOrg;
import dev.palisade.core.inventory.IamUser;
import dev.palisade.core.inventory.Inventory;
import dev.palisade.core.inventory.WorkspaceDirectory;
import dev.palisade.core.inventory.WorkspaceUser;
import dev.palisade.scan.CollectorRegistry;
import dev.palisade.scan.LocalWorkspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Opens a real (non-demo) workspace on the act fixture's servers for tests outside this package:
 * config pointing at them, the pre-offboarding snapshot stored as the latest, and sources whose
 * rescan reads the servers' current state (so verification reflects what the actions did).
 */
public final class ActFixtureAccess {
    public static final String EMAIL = ActFixture.EMAIL;
    public static final String TOKEN = ActFixture.TOKEN;

    public record Setup(ActFixture fixture, LocalWorkspace workspace) implements AutoCloseable {
        public AwsActionClients clients() {
            return fixture.clients();
        }

        @Override
        public void close() {
            workspace.close();
            fixture.close();
        }
    }

    private ActFixtureAccess() {
    }

    public static Setup setUp(Path home) throws IOException {
        ActFixture fx = new ActFixture(home);
        LocalWorkspace ws = open(fx, home);
        ws.snapshots().save(ActFixture.snapshot(Instant.parse("2026-12-01T09:00:00Z")));
        return new Setup(fx, ws);
    }

    /** A fresh workspace on the fixture's servers (each CLI command opens and closes its own). */
    public static LocalWorkspace open(ActFixture fx, Path home) {
        PalisadeConfig config = new PalisadeConfig(home, "Acme",
                new GoogleConfig("acme.example", List.of("founder@acme.example"), null, null, fx.apis.directoryUrl(), null, null, 15),
                new java.util.LinkedHashMap<>(fx.environments()), List.of(), null,
                new GitHubConfig("acme", fx.apis.githubUrl(), null, null), null, List.of());
        CollectorRegistry registry = new CollectorRegistry()
                .register("aws", c -> true, c -> collector("aws", () -> awsFromServers(fx)))
                .register("google", c -> true, c -> collector("google", () -> new Inventory(List.of(), null, directory(fx), null, null)))
                .register("github", c -> true, c -> collector("github", () -> new Inventory(List.of(), null, null, List.of(org(fx)), null)));
        return LocalWorkspace.open(config, home, LocalWorkspace.Options.defaults().withRegistry(registry)
                .withActor("founder@acme.example"));
    }

    private static Collector collector(String kind, java.util.function.Supplier<Inventory> read) {
        return new Collector() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public CollectorResult collect(dev.palisade.collect.ScanProgress progress) {
                return new CollectorResult(read.get(), List.of(new SourceStatus(kind, SourceState.OK, null, 1, 1)));
            }
        };
    }

    private static Inventory awsFromServers(ActFixture fx) {
        return new Inventory(List.of(env(fx.prod, "prod"), env(fx.staging, "staging")), null, null, null, null);
    }

    private static AwsEnvironment env(FakeIamServer server, String name) {
        List<IamUser> users;
        synchronized (server.users) {
            users = server.users.values().stream().map(u -> new IamUser(u.name, "arn:aws:iam::x:user/" + u.name, "AID" + u.name,
                    Instant.EPOCH, Fact.known(Map.copyOf(u.tags)), Fact.known(new ConsoleAccess(u.loginProfile, null, null)),
                    Fact.known(!u.mfa.isEmpty()), Fact.known(List.copyOf(u.mfa)),
                    Fact.known(u.keys.entrySet().stream().map(k -> new AccessKey(k.getKey(), k.getValue(), Instant.EPOCH, null, null, null)).toList()),
                    Fact.known(List.of()), Fact.known(List.of()), Fact.known(List.copyOf(u.groups)), Fact.known(List.of()))).toList();
        }
        return new AwsEnvironment(name, name.equals("prod"), "p", List.of("us-east-1"), null, Fact.known("x"), Fact.known(null),
                Fact.known(List.of()), Fact.unknown("not read"), Fact.known(null), Fact.known(users), Fact.known(List.of()),
                Fact.known(List.of()), Fact.known(List.of()), Fact.known(List.of()));
    }

    private static WorkspaceDirectory directory(ActFixture fx) {
        List<WorkspaceUser> users = fx.apis.users.entrySet().stream().map(e -> new WorkspaceUser(e.getKey(), e.getKey(),
                e.getValue().suspended, false, e.getValue().admin, false, true, true, null, Instant.EPOCH, List.of())).toList();
        return new WorkspaceDirectory("acme.example", Fact.known(users));
    }

    private static GitHubOrg org(ActFixture fx) {
        List<GitHubMember> members = fx.apis.members.stream()
                .map(m -> new GitHubMember(m, m, "member", Fact.known(true), List.of())).toList();
        return new GitHubOrg("acme", Fact.known(true), Fact.known(members), Fact.known(List.of()), Fact.known(List.of()));
    }
}
