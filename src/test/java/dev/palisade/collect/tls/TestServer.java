package dev.palisade.collect.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * Real servers on loopback for the TLS tests: a TLS server presenting a chosen chain and answering
 * {@code GET} with chosen headers, a plain HTTP server, a tarpit (accepts, never sends) and a trickler
 * (accepts, sends one byte at a time, slowly).
 */
final class TestServer implements AutoCloseable {
    interface Handler {
        void handle(Socket s) throws IOException;
    }

    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-server");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private TestServer(ServerSocket server, Handler handler) {
        this.server = server;
        pool.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    open.add(s);
                    pool.execute(() -> {
                        try (s) {
                            s.setSoTimeout(15_000);
                            handler.handle(s);
                        } catch (IOException | RuntimeException ignored) {
                            // client went away or the test ended
                        } finally {
                            open.remove(s);
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    static ServerSocket bind(ServerSocket s, String address, int port) throws IOException {
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getByName(address), port), 200);
        return s;
    }

    /** A TLS server presenting {@code chain} and answering every request with {@code response}. */
    static TestServer tls(String address, int port, PrivateKey key, List<X509Certificate> chain, String response) throws Exception {
        return tls(address, port, key, chain, response, ss -> { });
    }

    /** As {@link #tls(String, int, PrivateKey, List, String)}, with the server socket adjusted first (SNI matchers, protocols). */
    static TestServer tls(String address, int port, PrivateKey key, List<X509Certificate> chain, String response,
                          java.util.function.Consumer<SSLServerSocket> adjust) throws Exception {
        SSLServerSocket ss = (SSLServerSocket) serverContext(key, chain).getServerSocketFactory().createServerSocket();
        adjust.accept(ss);
        return new TestServer(bind(ss, address, port), s -> respond(s, response));
    }

    private static SSLContext serverContext(PrivateKey key, List<X509Certificate> chain) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("k", key, "pw".toCharArray(), chain.toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "pw".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    /** A TLS server that completes the handshake, then trickles an endless response head a byte every 200 ms. */
    static TestServer tlsTrickler(String address, int port, PrivateKey key, List<X509Certificate> chain) throws Exception {
        SSLServerSocket ss = (SSLServerSocket) serverContext(key, chain).getServerSocketFactory().createServerSocket();
        return new TestServer(bind(ss, address, port), s -> {
            OutputStream out = s.getOutputStream();
            byte[] head = "HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; ; i++) {
                out.write(i < head.length ? head[i] : 'z');
                out.flush();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** A plain HTTP server answering every request with {@code response}. */
    static TestServer http(String address, int port, String response) throws IOException {
        return new TestServer(bind(new ServerSocket(), address, port), s -> respond(s, response));
    }

    /** Accepts and never sends a byte. */
    static TestServer tarpit(String address, int port) throws IOException {
        return new TestServer(bind(new ServerSocket(), address, port), s -> {
            InputStream in = s.getInputStream();
            s.setSoTimeout(0);
            while (in.read() >= 0) {
                // swallow whatever the client sends
            }
        });
    }

    /** Accepts and sends an endless TLS-looking record one byte every 200 ms. */
    static TestServer trickler(String address, int port) throws IOException {
        return new TestServer(bind(new ServerSocket(), address, port), s -> {
            OutputStream out = s.getOutputStream();
            byte[] header = {0x16, 0x03, 0x03, 0x40, 0x00}; // handshake record, 16 KiB long
            for (int i = 0; ; i++) {
                out.write(i < header.length ? header[i] : 0x02);
                out.flush();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    static String response(String status, String... headers) {
        StringBuilder b = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n");
        for (String h : headers) {
            b.append(h).append("\r\n");
        }
        return b.append("Content-Length: 2\r\nConnection: close\r\n\r\nok").toString();
    }

    private static void respond(Socket s, String response) throws IOException {
        InputStream in = s.getInputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        OutputStream out = s.getOutputStream();
        out.write(response.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        pool.shutdownNow();
    }
}
