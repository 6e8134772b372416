package dev.palisade.collect.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The status line and headers of an HTTP/1.1 response to {@code GET}, read over a socket the caller
 * opened (plain or TLS) under a {@link Deadline}. Only the head is read: the body is never needed, and
 * the read stops at a size cap so a hostile server cannot make us buffer without bound.
 */
record HttpHead(int status, List<String[]> headers) {
    static final int MAX_HEAD_BYTES = 32 * 1024;

    String header(String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    static HttpHead get(Socket socket, String hostHeader, String path, Deadline deadline) throws IOException {
        OutputStream out = socket.getOutputStream();
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + hostHeader
                + "\r\nUser-Agent: Palisade-TLS-check\r\nAccept: */*\r\nConnection: close\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int matched = 0; // progress through "\r\n\r\n"
        while (true) {
            deadline.applyTo(socket);
            int b = in.read();
            if (b < 0) {
                throw new IOException(buf.size() == 0 ? "the server closed the connection without answering"
                        : "the server closed the connection in the middle of the response headers");
            }
            buf.write(b);
            if (buf.size() > MAX_HEAD_BYTES) {
                throw new IOException("response headers exceed " + MAX_HEAD_BYTES + " bytes");
            }
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                break;
            }
        }
        return parse(buf.toString(StandardCharsets.ISO_8859_1));
    }

    static HttpHead parse(String head) throws IOException {
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].toUpperCase(Locale.ROOT).startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + abbreviate(lines[0]));
        }
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status line: " + abbreviate(lines[0]));
        }
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && !headers.isEmpty()) {
                String[] last = headers.get(headers.size() - 1); // obsolete line folding
                last[1] = last[1] + " " + line.strip();
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(new String[] {line.substring(0, colon).strip(), line.substring(colon + 1).strip()});
            }
        }
        return new HttpHead(status, headers);
    }

    private static String abbreviate(String s) {
        String printable = s.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }
}
