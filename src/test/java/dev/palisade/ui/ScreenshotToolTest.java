package dev.palisade.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Renders every screen (light and dark) and checks the PNGs are real, non-blank images. Writes to assets/screenshots/. */
class ScreenshotToolTest {
    @Test
    void rendersEveryScreenToAPng() throws Exception {
        Path dir = Path.of(System.getProperty("palisade.screenshots", "target/screenshots"));
        List<Path> files = ScreenshotTool.render(dir, Instant.now());
        assertThat(files).hasSize(dev.palisade.ui.shell.Screen.values().length * 2 + 1);
        for (Path f : files) {
            var img = ImageIO.read(f.toFile());
            assertThat(img.getWidth()).isEqualTo(1440);
            // not a blank image: more than a handful of distinct colours
            java.util.Set<Integer> colours = new java.util.HashSet<>();
            for (int y = 0; y < img.getHeight(); y += 7) {
                for (int x = 0; x < img.getWidth(); x += 7) {
                    colours.add(img.getRGB(x, y));
                }
            }
            assertThat(colours).as(f.toString()).hasSizeGreaterThan(20);
            assertThat(Files.size(f)).isGreaterThan(10_000);
        }
    }
}
