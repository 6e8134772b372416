package dev.palisade;

import dev.palisade.cli.Cli;
import dev.palisade.cli.CliContext;
import dev.palisade.cli.PalisadeCommand;
import java.nio.file.Path;
import java.util.Map;

/**
 * Entry point of {@code palisade.jar}: no arguments opens the desktop console; a subcommand runs
 * headless and exits with its code. Not an {@code Application} subclass, so JavaFX starts from a
 * plain (shaded) classpath; JavaFX classes are only loaded when the console opens.
 */
public final class Launcher {
    /** System property {@link FileLogConfigurator} reads for the log directory. */
    public static final String LOG_DIR_PROPERTY = "palisade.logdir";
    /** System property set to {@code true} when the console was started with {@code --demo}. */
    public static final String DEMO_PROPERTY = "palisade.demo";
    /** System property holding the resolved data directory, for the desktop app. */
    public static final String HOME_PROPERTY = "palisade.home";

    private Launcher() {
    }

    public static void main(String[] args) {
        Path home = homeOf(args, System.getenv());
        System.setProperty(HOME_PROPERTY, home.toString());
        configureLogging(home);
        if (opensConsole(args)) {
            boolean demo = java.util.Arrays.asList(args).contains("--demo");
            if (demo) {
                System.setProperty(DEMO_PROPERTY, "true");
            }
            Gui.launch(home, demo);
            return;
        }
        dev.palisade.store.SqliteNative.useCopyIn(nativeLibraryDir(home));
        int code = Cli.run(CliContext.system(), args);
        System.exit(code);
    }

    /** True when the arguments name no subcommand and ask for no help or version: {@code [--home DIR] [--demo]}. */
    static boolean opensConsole(String[] args) {
        if (plainConsoleArgs(args)) {
            return true; // the common launch: no need to build the whole command line (a few hundred ms)
        }
        try {
            picocli.CommandLine.ParseResult r = Cli.commandLine(CliContext.system()).parseArgs(args);
            return !r.hasSubcommand() && !r.isUsageHelpRequested() && !r.isVersionHelpRequested();
        } catch (picocli.CommandLine.ParameterException e) {
            return false; // let the CLI report it
        }
    }

    /** Only {@code --demo}, {@code --home DIR} or {@code --home=DIR}, each at most once. */
    static boolean plainConsoleArgs(String[] args) {
        boolean demo = false;
        boolean home = false;
        for (int i = 0; i < args.length; i++) {
            if ("--demo".equals(args[i]) && !demo) {
                demo = true;
            } else if ("--home".equals(args[i]) && !home && i + 1 < args.length && !args[i + 1].startsWith("-")) {
                home = true;
                i++;
            } else if (args[i].startsWith("--home=") && args[i].length() > "--home=".length() && !home) {
                home = true;
            } else {
                return false;
            }
        }
        return true;
    }

    /**
     * Points logback at {@code HOME/logs} before the first logger is created. When that directory
     * cannot be created (read-only home), logs go to the temp directory rather than failing noisily
     * on stdout; the command itself then reports the unusable home.
     */
    public static void configureLogging(Path home) {
        if (System.getProperty(LOG_DIR_PROPERTY) != null) {
            return;
        }
        Path logs = home.resolve("logs");
        try {
            java.nio.file.Files.createDirectories(logs);
            if (!java.nio.file.Files.isWritable(logs)) {
                throw new java.io.IOException("not writable");
            }
        } catch (java.io.IOException | SecurityException e) {
            logs = Path.of(System.getProperty("java.io.tmpdir"), "palisade-logs");
        }
        System.setProperty(LOG_DIR_PROPERTY, logs.toString());
    }

    /** Where SQLite's native library is kept between starts ({@link dev.palisade.store.SqliteNative}). */
    static Path nativeLibraryDir(Path home) {
        return home.resolve("cache");
    }

    /** The data directory the arguments select ({@code --home DIR} or {@code --home=DIR}), else the environment's. */
    static Path homeOf(String[] args, Map<String, String> env) {
        Path flag = null;
        for (int i = 0; i < args.length; i++) {
            if ("--home".equals(args[i]) && i + 1 < args.length) {
                flag = Path.of(args[i + 1]);
            } else if (args[i].startsWith("--home=")) {
                flag = Path.of(args[i].substring("--home=".length()));
            }
        }
        return PalisadeCommand.resolveHome(flag, env);
    }

    /** Kept apart so that headless commands never load JavaFX. */
    private static final class Gui {
        static void launch(Path home, boolean demo) {
            // Set up logging on its own thread while JavaFX starts (the first logger would otherwise do it here).
            daemon("palisade-logging", org.slf4j.LoggerFactory::getILoggerFactory);
            // Long before the store opens (after the key derivation), so sqlite-jdbc finds its library unpacked.
            daemon("palisade-sqlite", () -> dev.palisade.store.SqliteNative.useCopyIn(nativeLibraryDir(home)));
            // Open the workspace (key derivation, store) and load the store's driver, JSON readers and checks
            // once JavaFX is up: started beside it they compete for the cores, and on two cores everything
            // finishes later (measured A/B: the first paint ~0.2 s later).
            java.util.concurrent.CompletableFuture<Void> javafxUp = new java.util.concurrent.CompletableFuture<>();
            dev.palisade.ui.PalisadeApp.onStart = () -> {
                javafxUp.complete(null);
                daemon("palisade-warm-up", Workspaces::warmUp);
            };
            java.time.Clock clock = java.time.Clock.systemUTC();
            java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "palisade-actions");
                t.setDaemon(true);
                return t;
            });
            java.util.concurrent.atomic.AtomicReference<String> actor =
                    new java.util.concurrent.atomic.AtomicReference<>("local:" + System.getProperty("user.name", "user"));
            java.util.concurrent.CompletableFuture<dev.palisade.scan.Workspace> opening =
                    javafxUp.thenApplyAsync(v -> open(home, demo, clock, actor, background), background);
            dev.palisade.ui.PalisadeApp.workspaceFactory = () -> {
                try {
                    return opening.join();
                } catch (java.util.concurrent.CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
            };
            dev.palisade.ui.PalisadeApp.actionLauncher = new dev.palisade.ui.act.ActionDialogs(
                    dev.palisade.act.AwsActionClients.standard(), actor::get, background, clock,
                    () -> dev.palisade.ui.PalisadeApp.sessionGate);
            dev.palisade.ui.PalisadeApp.trimHeap = true;
            if (demo || !Workspaces.hasConfig(home)) {
                dev.palisade.ui.PalisadeApp.earlyDemo = dev.palisade.collect.demo.DemoWorkspace.ORGANIZATION;
            }
            javafx.application.Application.launch(dev.palisade.ui.PalisadeApp.class);
        }

        private static void daemon(String name, Runnable work) {
            Thread t = new Thread(work, name);
            t.setDaemon(true);
            t.start();
        }

        /** Runs on a worker thread; see {@link Workspaces#openConsole}. Hands the sign-in and the idle lock to the console. */
        private static dev.palisade.scan.Workspace open(Path home, boolean demo, java.time.Clock clock,
                                                        java.util.concurrent.atomic.AtomicReference<String> actor,
                                                        java.util.concurrent.Executor background) {
            try {
                Workspaces.Console c = Workspaces.openConsole(home, demo, clock, actor.get(), System.getenv(),
                        new dev.palisade.ui.FxPassphrasePrompt(), dev.palisade.auth.BrowserOpener.desktop());
                actor.set(c.actor());
                c.signIn().ifPresent(a -> dev.palisade.ui.PalisadeApp.sessionGate = new dev.palisade.ui.AuthenticatorGate(a, background));
                c.idleLock().ifPresent(l -> dev.palisade.ui.PalisadeApp.idleLock = l);
                c.secrets().ifPresent(s -> dev.palisade.ui.PalisadeApp.tokenVault = dev.palisade.ui.TokenVault.of(s));
                return c.workspace();
            } catch (dev.palisade.core.config.ConfigException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }
}
