package dev.palisade.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What a command run sees of the outside world, so tests run commands in-process.
 *
 * @param out    what the user asked for (tables, JSON)
 * @param err    progress, hints and errors
 * @param env    environment variables ({@code PALISADE_HOME}, {@code PALISADE_PASSPHRASE}…)
 * @param opener how a data directory becomes a workspace (the store key comes from here)
 */
public record CliContext(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock,
                         WorkspaceOpener opener) {
    public CliContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        env = Map.copyOf(env);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(opener, "opener");
    }

    /** The real process: System.out/err, the process environment, the system clock, plain stores. */
    public static CliContext system() {
        return new CliContext(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv(),
                Clock.systemUTC(), WorkspaceOpener.standard());
    }
}
