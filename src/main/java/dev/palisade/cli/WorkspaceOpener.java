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

    /**
     * The real one: the demo in {@code home/demo}, else {@code home} with its secrets (OS keychain, else
     * {@code PALISADE_PASSPHRASE} from {@code env}, else a terminal prompt) sealing the store.
     */
    static WorkspaceOpener standard() {
        return (home, demo, clock, env) -> {
            String actor = PalisadeCommand.actor();
            return demo ? dev.palisade.Workspaces.openDemo(home, clock, actor, env, dev.palisade.auth.PassphrasePrompt.console())
                    : dev.palisade.Workspaces.openLocal(home, clock, actor, env, dev.palisade.auth.PassphrasePrompt.console());
        };
    }
}
