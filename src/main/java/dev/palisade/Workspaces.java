package dev.palisade;

import dev.palisade.auth.GoogleDirectoryAccess;
import dev.palisade.auth.KeyringSecretStore;
import dev.palisade.auth.PassphrasePrompt;
import dev.palisade.auth.SecretStore;
import dev.palisade.auth.StoreKeys;
import dev.palisade.core.config.ConfigException;
import dev.palisade.core.config.ConfigLoader;
import dev.palisade.core.config.PalisadeConfig;
import dev.palisade.scan.CollectorRegistry;
import dev.palisade.scan.LocalWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The composition root the CLI and the desktop app share: a real data directory opens with its
 * configuration, its secrets (OS keychain, else {@code PALISADE_PASSPHRASE}, else a prompt), the
 * store sealed with the AES-GCM key kept in those secrets, and every collector this build ships.
 */
public final class Workspaces {
    public static final String CONFIG_FILE = "palisade.yaml";

    private Workspaces() {
    }

    /**
     * Loads and initializes what opening a workspace will need but that does not need its key: the
     * SQLite driver (and its native library), the JSON readers of stored snapshots and the check
     * catalogue. The console runs this beside the key derivation, which would otherwise be followed
     * by all of it; it has no effect but time.
     */
    public static void warmUp() {
        try {
            Class.forName("org.sqlite.JDBC");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("sqlite-jdbc is missing from the classpath", e);
        }
        dev.palisade.checks.Catalogue.all();
        var json = dev.palisade.core.SnapshotJson.mapper();
        json.readerFor(dev.palisade.core.inventory.Inventory.class);
        json.readerFor(new com.fasterxml.jackson.core.type.TypeReference<java.util.List<dev.palisade.core.Finding>>() { });
    }

    /** True when {@code home} has a configuration; without one the app offers the demo. */
    public static boolean hasConfig(Path home) {
        return Files.isRegularFile(home.resolve(CONFIG_FILE));
    }

    /**
     * Opens {@code home}. The configuration is read first, so a broken file is reported (with its
     * line) before anyone is asked for a passphrase.
     *
     * @throws ConfigException                              the configuration is missing or invalid
     * @throws dev.palisade.auth.PassphraseUnavailableException no keychain, no passphrase and nobody to ask
     * @throws dev.palisade.store.StoreException             the store is refused (corrupt, foreign, newer)
     */
    public static LocalWorkspace openLocal(Path home, Clock clock, String actor, Map<String, String> env,
                                           PassphrasePrompt prompt) throws ConfigException {
        PalisadeConfig config = ConfigLoader.load(home);
        return openLocal(config, home, clock, actor, secrets(home, env, prompt));
    }

    /** The home's secrets: OS keychain, else the passphrase file unlocked by {@code PALISADE_PASSPHRASE} or {@code prompt}. */
    public static SecretStore secrets(Path home, Map<String, String> env, PassphrasePrompt prompt) {
        return StoreKeys.secrets(home, KeyringSecretStore::tryOpen, env, prompt);
    }

    /** Opens an already loaded configuration with already opened secrets (the app signs in with the same secrets). */
    public static LocalWorkspace openLocal(PalisadeConfig config, Path home, Clock clock, String actor, SecretStore secrets) {
        LocalWorkspace.Options options = LocalWorkspace.Options.defaults()
                .withClock(clock)
                .withActor(actor)
                .withCodec(StoreKeys.codec(secrets))
                .withAuditAnchor(auditAnchor(secrets, SecretStore.AUDIT_HEAD))
                .withRegistry(registry(secrets));
        return LocalWorkspace.open(config, home, options);
    }

    /**
     * The built-in demo company, kept in {@code home/demo}. Sealed with the home's key like a real store:
     * it looks like a company's map, and a lost laptop should not tell anyone which one is real.
     */
    public static LocalWorkspace openDemo(Path home, Clock clock, String actor, Map<String, String> env,
                                          PassphrasePrompt prompt) {
        SecretStore secrets = StoreKeys.secrets(home, KeyringSecretStore::tryOpen, env, prompt);
        return LocalWorkspace.openDemo(home.resolve("demo"), LocalWorkspace.Options.defaults().withClock(clock).withActor(actor)
                .withCodec(StoreKeys.codec(secrets)).withAuditAnchor(auditAnchor(secrets, SecretStore.AUDIT_HEAD + ".demo")));
    }

    /**
     * What the desktop console opens: the workspace and, for a real workspace with {@code google:},
     * the verified sign-in (whose email is the actor of everything audited) and the idle lock.
     */
    public record Console(LocalWorkspace workspace, java.util.Optional<dev.palisade.auth.GoogleSignIn> signIn,
                          java.util.Optional<dev.palisade.auth.IdleLock> idleLock, String actor,
                          java.util.Optional<SecretStore> secrets) {
    }

    /**
     * Opens what the console shows. Without palisade.yaml (or with {@code demo}): the demo, no sign-in.
     * Otherwise the configuration, the secrets, the store and, when {@code google:} is configured, a
     * Google sign-in that must succeed before the workspace is handed out (a refusal closes it again
     * and throws with the reason; the sign-in and its refusal are in the audit log either way).
     */
    public static Console openConsole(Path home, boolean demo, Clock clock, String localActor, Map<String, String> env,
                                      PassphrasePrompt prompt, dev.palisade.auth.BrowserOpener browser) throws ConfigException {
        if (demo || !hasConfig(home)) {
            return new Console(openDemo(home, clock, "demo", env, prompt), java.util.Optional.empty(), java.util.Optional.empty(), "demo",
                    java.util.Optional.empty());
        }
        PalisadeConfig config = ConfigLoader.load(home);
        SecretStore secrets = secrets(home, env, prompt);
        LocalWorkspace ws = openLocal(config, home, clock, localActor, secrets);
        if (config.google() == null) {
            return new Console(ws, java.util.Optional.empty(), java.util.Optional.empty(), localActor, java.util.Optional.of(secrets));
        }
        try {
            var events = dev.palisade.auth.AuthEventSink.audit(ws.audit());
            var auth = new dev.palisade.auth.GoogleSignIn(dev.palisade.auth.SignInSettings.from(config), secrets, browser, events, clock);
            String email = auth.signIn().email();
            var lock = new dev.palisade.auth.IdleLock(java.time.Duration.ofMinutes(config.google().idleLockMinutes()), clock, events);
            lock.setActor(email);
            return new Console(ws, java.util.Optional.of(auth), java.util.Optional.of(lock), email, java.util.Optional.of(secrets));
        } catch (dev.palisade.auth.SignInException e) {
            ws.close();
            throw new IllegalStateException("Sign-in refused: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            ws.close();
            throw e;
        }
    }

    /**
     * The audit log's head kept with the home's secrets (OS keychain or passphrase file), outside the
     * database it checks: see {@link dev.palisade.store.AuditAnchor}.
     */
    static dev.palisade.store.AuditAnchor auditAnchor(SecretStore secrets, String name) {
        return new dev.palisade.store.AuditAnchor() {
            @Override
            public java.util.Optional<String> read() {
                return secrets.get(name);
            }

            @Override
            public void write(String head) {
                secrets.put(name, head);
            }
        };
    }

    /** Every collector: AWS, TLS and GitHub from {@link CollectorRegistry#standard()}, plus the Workspace directory. */
    public static CollectorRegistry registry(SecretStore secrets) {
        return CollectorRegistry.standard()
                .register("google", cfg -> GoogleDirectoryAccess.collector(cfg, secrets)
                        .orElseThrow(() -> new IllegalStateException("google: is not configured in " + CONFIG_FILE)))
                // the token from the environment variable, else the one stored (keychain / secrets.enc) from the app
                .register("github", cfg -> dev.palisade.collect.github.GitHubCollector.fromConfig(cfg, System::getenv,
                        () -> secrets.get(SecretStore.GITHUB_TOKEN)));
    }
}
