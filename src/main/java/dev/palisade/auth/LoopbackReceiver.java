package dev.palisade.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Receives the one OAuth redirect of one sign-in attempt on {@code http://127.0.0.1:<random port>/}.
 * Unlike google-oauth-client's {@code LocalServerReceiver} it binds only the loopback address,
 * checks {@code state}, accepts one redirect and then closes.
 */
final class LoopbackReceiver implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final String expectedState;
    private final CompletableFuture<String> code = new CompletableFuture<>();

    private LoopbackReceiver(String expectedState) throws IOException {
        this.expectedState = expectedState;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 4);
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "palisade-oauth-loopback");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static LoopbackReceiver start(String expectedState) throws SignInException {
        try {
            return new LoopbackReceiver(expectedState);
        } catch (IOException e) {
            throw new SignInException(SignInException.Reason.BROWSER,
                    "Cannot listen on 127.0.0.1 for the sign-in response: " + e.getMessage(), e);
        }
    }

    URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Waits for the redirect; returns the authorization code. */
    String await(Duration timeout) throws SignInException {
        try {
            return code.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new SignInException(SignInException.Reason.TIMEOUT, "Nobody finished signing in within "
                    + (timeout.toMinutes() >= 1 ? timeout.toMinutes() + " minutes" : timeout.toSeconds() + " seconds") + ", so the attempt was abandoned. Click Sign in to try again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInException(SignInException.Reason.CANCELLED, "Sign-in was cancelled.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SignInException s) {
                throw s;
            }
            throw new SignInException(SignInException.Reason.CANCELLED, "Sign-in failed.", e.getCause());
        } finally {
            close();
        }
    }

    /** Ends the attempt from outside (the person clicked Cancel). */
    void cancel() {
        code.completeExceptionally(new SignInException(SignInException.Reason.CANCELLED, "Sign-in was cancelled."));
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod()) || !"/".equals(ex.getRequestURI().getPath()) || code.isDone()) {
                respond(ex, 404, "Not found.");
                return;
            }
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            String state = q.get("state");
            if (state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                    expectedState.getBytes(StandardCharsets.UTF_8))) {
                code.completeExceptionally(new SignInException(SignInException.Reason.STATE_MISMATCH,
                        "The sign-in response did not belong to this sign-in attempt (state mismatch), so it was "
                                + "refused. Click Sign in to start again; if it repeats, another program may be "
                                + "interfering with the browser."));
                respond(ex, 400, "This sign-in response does not match the attempt Palisade started. Return to Palisade.");
                return;
            }
            if (q.containsKey("error")) {
                String err = q.get("error");
                code.completeExceptionally(new SignInException(SignInException.Reason.CANCELLED,
                        "access_denied".equals(err) ? "Sign-in was cancelled in the browser."
                                : "The sign-in provider returned an error (" + err + ")."));
                respond(ex, 200, "Sign-in was cancelled. You can close this tab and return to Palisade.");
                return;
            }
            String c = q.get("code");
            if (c == null || c.isBlank()) {
                code.completeExceptionally(new SignInException(SignInException.Reason.MALFORMED_TOKEN,
                        "The sign-in response carried no authorization code."));
                respond(ex, 400, "The sign-in response was incomplete. Return to Palisade.");
                return;
            }
            respond(ex, 200, "Signed in. You can close this tab and return to Palisade.");
            code.complete(c);
        }
    }

    private static void respond(HttpExchange ex, int status, String text) throws IOException {
        byte[] body = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>Palisade</title></head><body><p>"
                + text + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    static Map<String, String> query(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null) {
            return m;
        }
        for (String part : raw.split("&")) {
            int i = part.indexOf('=');
            String k = URLDecoder.decode(i < 0 ? part : part.substring(0, i), StandardCharsets.UTF_8);
            String v = i < 0 ? "" : URLDecoder.decode(part.substring(i + 1), StandardCharsets.UTF_8);
            m.putIfAbsent(k, v);
        }
        return m;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
