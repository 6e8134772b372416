package dev.palisade.cli;

import dev.palisade.core.config.ConfigException;
import dev.palisade.scan.LocalWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Opens the workspace a command works on. The seam where the store's key is chosen: the standard
 * opener uses {@link LocalWorkspace.Options#defaults()} (plain codec); an encrypting build passes an
 * opener whose options carry the AES codec.
 */
@FunctionalInterface
public interface WorkspaceOpener {
    /**
     * @param home the data directory; the demo lives in {@code home/demo}
     * @param env  the command's environment variables
     */
    LocalWorkspace open(Path home, boolean demo, Clock clock, Map<String, String> env) throws ConfigException;

    static WorkspaceOpener standard() {
        return (home, demo, clock, env) -> {
            LocalWorkspace.Options o = LocalWorkspace.Options.defaults().withClock(clock)
                    .withActor("cli:" + System.getProperty("user.name", "user"));
            return demo ? LocalWorkspace.openDemo(home.resolve("demo"), o) : LocalWorkspace.open(home, o);
        };
    }
}
