package dev.palisade.ui;

import dev.palisade.ui.common.BackgroundTasks;
import dev.palisade.ui.shell.Screen;
import dev.palisade.ui.shell.ShellView;
import dev.palisade.ui.shell.ShellViewModel;
import dev.palisade.ui.testkit.InMemoryWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Renders every screen of the in-memory sample workspace to PNG, light and dark, into
 * {@code assets/screenshots/} (or the directory given as the first argument). Runs headless
 * (Monocle); {@code mvn -o test -Dtest=ScreenshotToolTest} runs it through surefire.
 */
public final class ScreenshotTool {
    private ScreenshotTool() {
    }

    public static void main(String[] args) throws Exception {
        headless();
        Path dir = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        List<Path> written = render(dir, Instant.now());
        written.forEach(p -> System.err.println("wrote " + p));
        Platform.exit();
        System.exit(0);
    }

    static void headless() {
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("prism.text", "t2k");
        setIfAbsent("java.awt.headless", "true");
    }

    private static void setIfAbsent(String k, String v) {
        if (System.getProperty(k) == null) {
            System.setProperty(k, v);
        }
    }

    /** Renders all screens; the FX toolkit is started if needed. */
    public static List<Path> render(Path dir, Instant now) throws Exception {
        return render(dir, new InMemoryWorkspace(now, 6));
    }

    /** Renders all screens of {@code ws}. */
    public static List<Path> render(Path dir, dev.palisade.scan.Workspace ws) throws Exception {
        Files.createDirectories(dir);
        // start the toolkit the way TestFX does, so robot tests in the same JVM keep working
        org.testfx.api.FxToolkit.registerPrimaryStage();
        BackgroundTasks tasks = new BackgroundTasks();
        List<Path> out = new ArrayList<>();
        try {
            CompletableFuture<Object[]> built = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    PalisadeApp.applyTheme(false);
                    ShellViewModel vm = new ShellViewModel(ws, tasks, Platform::runLater, Clock.systemDefaultZone(), SessionGate.NONE);
                    ShellView view = new ShellView(vm, ActionLauncher.NONE);
                    Scene scene = new Scene(view, 1440, 900);
                    scene.getStylesheets().add(PalisadeApp.STYLESHEET);
                    // not shown in a window: Scene.snapshot lays out and renders by itself, at any size
                    built.complete(new Object[] {vm, scene});
                } catch (Throwable t) {
                    built.completeExceptionally(t);
                }
            });
            Object[] o = built.get(20, TimeUnit.SECONDS);
            ShellViewModel vm = (ShellViewModel) o[0];
            Scene scene = (Scene) o[1];
            vm.refresh().get(20, TimeUnit.SECONDS);
            for (boolean dark : new boolean[] {false, true}) {
                onFx(() -> {
                    vm.darkProperty().set(dark);
                    PalisadeApp.applyTheme(dark);
                });
                for (Screen s : Screen.values()) {
                    onFx(() -> {
                        vm.screenProperty().set(s);
                        scene.getRoot().applyCss();
                        scene.getRoot().layout();
                    });
                    if (s == Screen.SNAPSHOTS) {
                        onFx(() -> {
                            var table = (javafx.scene.control.TableView<?>) scene.lookup("#snapshot-table");
                            table.getSelectionModel().clearSelection();
                            table.getSelectionModel().selectIndices(0, 1);
                            ((javafx.scene.control.Button) scene.lookup("#compare-snapshots")).fire();
                        });
                    }
                    if (s == Screen.CERTIFICATES) {
                        onFx(() -> ((javafx.scene.control.TableView<?>) scene.lookup("#cert-table")).getSelectionModel().select(0));
                    }
                    if (s == Screen.ACCESS) {
                        onFx(() -> ((javafx.scene.control.TableView<?>) scene.lookup("#people-table")).getSelectionModel().select(1));
                    }
                    if (s == Screen.BUCKETS || s == Screen.ISSUES) {
                        onFx(() -> {
                            var t = (javafx.scene.control.TableView<?>) scene.lookup(".findings-table");
                            if (t != null && !t.getItems().isEmpty()) {
                                t.getSelectionModel().select(0);
                            }
                        });
                    }
                    Thread.sleep(400);
                    Path file = dir.resolve(s.name().toLowerCase() + (dark ? "-dark" : "") + ".png");
                    snap(scene, file);
                    out.add(file);
                }
            }
            onFx(() -> {
                vm.darkProperty().set(false);
                PalisadeApp.applyTheme(false);
                vm.screenProperty().set(Screen.OVERVIEW);
                ((ShellView) scene.getRoot()).showHelp(true);
            });
            Path help = dir.resolve("help-overlay.png");
            snap(scene, help);
            out.add(help);
            onFx(() -> ((ShellView) scene.getRoot()).showHelp(false));
        } finally {
            tasks.close();
        }
        return out;
    }

    private static void onFx(Runnable r) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                f.complete(null);
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        f.get(20, TimeUnit.SECONDS);
        // let layout and pending runLater hops settle
        CompletableFuture<Void> g = new CompletableFuture<>();
        Platform.runLater(() -> g.complete(null));
        g.get(20, TimeUnit.SECONDS);
    }

    public static void snap(Scene scene, Path file) throws Exception {
        CompletableFuture<WritableImage> img = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                img.complete(scene.snapshot(null));
            } catch (Throwable t) {
                img.completeExceptionally(t);
            }
        });
        WritableImage w = img.get(20, TimeUnit.SECONDS);
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(w, null), "png", file.toFile());
        } catch (IOException e) {
            throw new IOException("Could not write " + file, e);
        }
    }
}
