package dev.palisade.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AtlantaFX's theme stylesheets are large (about 1,100 rules each); parsing one takes a few hundred
 * milliseconds of the console's start. JavaFX loads a binary stylesheet ({@code .bss}) that sits
 * next to a {@code .css} of the same name instead of parsing it, so the build ships the two themes
 * precompiled. This test keeps them equal to the CSS of the AtlantaFX version on the classpath;
 * after an AtlantaFX upgrade, regenerate them with
 * {@code mvn -o test -Dtest=BinaryStylesheetsTest -Dpalisade.writeBss=true}.
 */
class BinaryStylesheetsTest {
    static final List<String> THEMES = List.of("/atlantafx/base/theme/primer-light", "/atlantafx/base/theme/primer-dark");

    @TempDir
    Path tmp;

    @Test
    void theShippedBinaryThemesAreTheCompiledCssOfThisAtlantaFx() throws IOException {
        for (String theme : THEMES) {
            Path css = tmp.resolve(Path.of(theme).getFileName() + ".css");
            try (InputStream in = BinaryStylesheetsTest.class.getResourceAsStream(theme + ".css")) {
                assertThat(in).as(theme + ".css on the classpath").isNotNull();
                Files.copy(in, css, StandardCopyOption.REPLACE_EXISTING);
            }
            Path fresh = tmp.resolve(Path.of(theme).getFileName() + ".bss");
            Stylesheet.convertToBinary(css.toFile(), fresh.toFile());
            Path shipped = Path.of("src/main/resources" + theme + ".bss");
            if (Boolean.getBoolean("palisade.writeBss")) {
                Files.copy(fresh, shipped, StandardCopyOption.REPLACE_EXISTING);
            }
            assertThat(shipped).as("%s.bss is missing; run this test with -Dpalisade.writeBss=true", theme).exists();
            URL onClasspath = BinaryStylesheetsTest.class.getResource(theme + ".bss");
            assertThat(onClasspath).as(theme + ".bss next to its .css on the classpath").isNotNull();
            assertThat(rules(Stylesheet.loadBinary(shipped.toUri().toURL())))
                    .as("%s.bss is stale (AtlantaFX changed?); regenerate it with -Dpalisade.writeBss=true", theme)
                    .isEqualTo(rules(Stylesheet.loadBinary(fresh.toUri().toURL())))
                    .hasSizeGreaterThan(500);
        }
    }

    private static List<String> rules(Stylesheet s) {
        return s.getRules().stream().map(Rule::toString).toList();
    }
}
