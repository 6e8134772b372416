package dev.palisade.auth;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event (all levels) of the JVM while open, for "no secret in logs" assertions.
 * The in-test identity provider's own loggers ({@code no.nav…}, okhttp's mock web server) are left out:
 * they are the test's stand-in for Google and log request bodies by design.
 */
final class LogCapture implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger palisade = (Logger) LoggerFactory.getLogger("dev.palisade");
    private final Level rootLevel = root.getLevel();
    private final Level palisadeLevel = palisade.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture() {
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.ALL);
        palisade.setLevel(Level.ALL);
    }

    /** Every formatted message and stack trace captured so far. */
    String text() {
        synchronized (appender.list) {
            return appender.list.stream()
                    .filter(e -> !e.getLoggerName().startsWith("no.nav") && !e.getLoggerName().startsWith("okhttp3")
                            && !e.getLoggerName().startsWith("mockwebserver"))
                    .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                            : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
                    .collect(Collectors.joining("\n"));
        }
    }

    int size() {
        return appender.list.size();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        root.setLevel(rootLevel);
        palisade.setLevel(palisadeLevel);
    }
}
