package dev.palisade.auth;

import java.io.IOException;
import java.net.URI;

/**
 * Shows the sign-in page to the person. The UI passes one backed by JavaFX {@code HostServices};
 * {@link #desktop()} uses {@link java.awt.Desktop} and, failing that, {@code xdg-open}/{@code open}.
 * Implementations return once the page has been handed over; they do not wait for the sign-in.
 */
@FunctionalInterface
public interface BrowserOpener {
    void open(URI uri) throws IOException;

    static BrowserOpener desktop() {
        return uri -> {
            try {
                if (java.awt.Desktop.isDesktopSupported()
                        && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                    java.awt.Desktop.getDesktop().browse(uri);
                    return;
                }
            } catch (UnsupportedOperationException e) {
                // fall through to the platform command
            }
            String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
            String[] cmd = os.contains("mac") ? new String[] {"open", uri.toString()}
                    : os.contains("win") ? new String[] {"rundll32", "url.dll,FileProtocolHandler", uri.toString()}
                    : new String[] {"xdg-open", uri.toString()};
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        };
    }
}
