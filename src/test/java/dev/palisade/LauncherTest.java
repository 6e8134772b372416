package dev.palisade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherTest {
    @Test
    void noSubcommandOpensTheConsoleAnySubcommandOrHelpRunsHeadless() {
        assertThat(Launcher.opensConsole(new String[0])).isTrue();
        assertThat(Launcher.opensConsole(new String[] {"--home", "/tmp/x"})).isTrue();
        assertThat(Launcher.opensConsole(new String[] {"--demo"})).isTrue();
        assertThat(Launcher.opensConsole(new String[] {"scan", "--demo"})).isFalse();
        assertThat(Launcher.opensConsole(new String[] {"--home", "/tmp/x", "snapshots"})).isFalse();
        assertThat(Launcher.opensConsole(new String[] {"--help"})).isFalse();
        assertThat(Launcher.opensConsole(new String[] {"--version"})).isFalse();
        assertThat(Launcher.opensConsole(new String[] {"--bogus"})).isFalse();
        assertThat(Launcher.opensConsole(new String[] {"--home=/tmp/x", "--demo"})).isTrue();
        assertThat(Launcher.plainConsoleArgs(new String[] {"--demo", "--home", "/tmp/x"})).isTrue();
        assertThat(Launcher.plainConsoleArgs(new String[] {"--home"})).isFalse();
        assertThat(Launcher.plainConsoleArgs(new String[] {"--home", "--demo"})).isFalse();
        assertThat(Launcher.plainConsoleArgs(new String[] {"--demo", "--demo"})).isFalse();
        assertThat(Launcher.plainConsoleArgs(new String[] {"--demo", "snapshots"})).isFalse();
    }

    @Test
    void homeComesFromTheFlagThenTheEnvironmentThenTheUserDirectory() {
        assertThat(Launcher.homeOf(new String[] {"--home", "/a"}, Map.of("PALISADE_HOME", "/b"))).isEqualTo(Path.of("/a"));
        assertThat(Launcher.homeOf(new String[] {"scan", "--home=/c"}, Map.of())).isEqualTo(Path.of("/c"));
        assertThat(Launcher.homeOf(new String[] {"scan"}, Map.of("PALISADE_HOME", "/b"))).isEqualTo(Path.of("/b"));
        assertThat(Launcher.homeOf(new String[0], Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".palisade"));
    }
}
