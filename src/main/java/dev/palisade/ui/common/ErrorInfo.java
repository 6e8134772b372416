package dev.palisade.ui.common;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** An error to show the user: a short sentence and the expandable detail. */
public record ErrorInfo(String summary, String detail) {
    /** What the user reads for a failure of {@code action} ("Scan failed: …"). */
    public static ErrorInfo of(String action, Throwable t) {
        Throwable root = unwrap(t);
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        StringWriter sw = new StringWriter();
        root.printStackTrace(new PrintWriter(sw));
        return new ErrorInfo(action + ": " + msg, sw.toString());
    }

    public static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
