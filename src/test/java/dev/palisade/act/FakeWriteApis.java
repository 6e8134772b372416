package dev.palisade.act;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Admin SDK Directory API and the GitHub org-membership API on 127.0.0.1, speaking their real
 * paths and JSON, for the write calls offboarding makes; state in memory, every mutation logged.
 */
public final class FakeWriteApis implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    public static final class DirUser {
        public boolean suspended;
        boolean admin;
        final List<String> asps = new ArrayList<>();
        final List<String> tokens = new ArrayList<>();
        final List<String> groups = new ArrayList<>();
        boolean backupCodesValid = true;
        int passwordResets;
        int signOuts;
    }

    private final HttpServer directory;
    private final HttpServer github;
    private final String token;
    public final Map<String, DirUser> users = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Members and outside collaborators of the org {@code acme}. */
    final Set<String> members = Collections.synchronizedSet(new LinkedHashSet<>());
    final Set<String> outside = Collections.synchronizedSet(new LinkedHashSet<>());
    /** Further organizations: login sets by org, members and outside collaborators apart. */
    final Map<String, Set<String>> otherOrgMembers = Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, Set<String>> otherOrgOutside = Collections.synchronizedMap(new LinkedHashMap<>());
    final List<String> mutations = Collections.synchronizedList(new ArrayList<>());
    volatile int failDirectoryWithStatus;

    FakeWriteApis(String token) throws IOException {
        this.token = token;
        directory = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        directory.createContext("/admin/directory/v1/", this::directory);
        directory.start();
        github = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        github.createContext("/orgs/", this::github);
        github.start();
    }

    String directoryUrl() {
        return "http://127.0.0.1:" + directory.getAddress().getPort();
    }

    String githubUrl() {
        return "http://127.0.0.1:" + github.getAddress().getPort();
    }

    /** Adds a further organization with its members and outside collaborators. */
    void addOrg(String org, Set<String> orgMembers, Set<String> orgOutside) {
        otherOrgMembers.put(org, Collections.synchronizedSet(new LinkedHashSet<>(orgMembers)));
        otherOrgOutside.put(org, Collections.synchronizedSet(new LinkedHashSet<>(orgOutside)));
    }

    DirUser user(String email) {
        return users.computeIfAbsent(email, e -> new DirUser());
    }

    @Override
    public void close() {
        directory.stop(0);
        github.stop(0);
    }

    private boolean authorized(HttpExchange ex) throws IOException {
        if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            send(ex, 401, "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\"}}");
            return false;
        }
        return true;
    }

    private void directory(HttpExchange ex) throws IOException {
        if (!authorized(ex)) {
            return;
        }
        if (failDirectoryWithStatus != 0) {
            int s = failDirectoryWithStatus;
            send(ex, s, "{\"error\":{\"code\":" + s + ",\"message\":\"Not Authorized to access this resource/api\"}}");
            return;
        }
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath().substring("/admin/directory/v1/".length());
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length; i++) {
            parts[i] = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
        }
        byte[] body = ex.getRequestBody().readAllBytes();
        if (parts[0].equals("groups") && parts.length == 1) {
            String q = ex.getRequestURI().getRawQuery();
            String userKey = URLDecoder.decode(q.replaceAll(".*userKey=([^&]*).*", "$1"), StandardCharsets.UTF_8);
            DirUser u = users.get(userKey);
            StringBuilder sb = new StringBuilder("{\"kind\":\"admin#directory#groups\",\"groups\":[");
            if (u != null) {
                for (int i = 0; i < u.groups.size(); i++) {
                    sb.append(i == 0 ? "" : ",").append("{\"id\":\"g").append(i).append("\",\"email\":\"").append(u.groups.get(i)).append("\"}");
                }
            }
            send(ex, 200, sb.append("]}").toString());
            return;
        }
        if (parts[0].equals("groups") && parts.length == 4 && method.equals("DELETE")) {
            DirUser u = users.get(parts[3]);
            if (u == null || !u.groups.remove(parts[1])) {
                send(ex, 404, "{\"error\":{\"code\":404,\"message\":\"Resource Not Found: memberKey\"}}");
                return;
            }
            mutations.add("members.delete " + parts[1] + " " + parts[3]);
            send(ex, 204, "");
            return;
        }
        DirUser u = users.get(parts[1]);
        if (u == null) {
            send(ex, 404, "{\"error\":{\"code\":404,\"message\":\"Resource Not Found: userKey\"}}");
            return;
        }
        String sub = parts.length > 2 ? parts[2] : "";
        switch (method + " " + sub) {
            case "GET " -> send(ex, 200, "{\"kind\":\"admin#directory#user\",\"primaryEmail\":\"" + parts[1] + "\",\"isAdmin\":"
                    + u.admin + ",\"suspended\":" + u.suspended + "}");
            case "PUT ", "PATCH " -> {
                JsonNode n = JSON.readTree(body);
                if (n.has("password")) {
                    u.passwordResets++;
                    mutations.add("users.update password " + parts[1]);
                }
                if (n.path("suspended").asBoolean(false)) {
                    u.suspended = true;
                    mutations.add("users.update suspended " + parts[1]);
                }
                send(ex, 200, "{\"primaryEmail\":\"" + parts[1] + "\"}");
            }
            case "GET asps" -> send(ex, 200, items(u.asps, "codeId"));
            case "GET tokens" -> send(ex, 200, items(u.tokens, "clientId"));
            case "DELETE asps" -> {
                u.asps.remove(parts[3]);
                mutations.add("asps.delete " + parts[3]);
                send(ex, 204, "");
            }
            case "DELETE tokens" -> {
                u.tokens.remove(parts[3]);
                mutations.add("tokens.delete " + parts[3]);
                send(ex, 204, "");
            }
            case "POST verificationCodes" -> {
                if (u.suspended) {
                    send(ex, 412, "{\"error\":{\"code\":412,\"message\":\"User is suspended\"}}");
                    return;
                }
                u.backupCodesValid = false;
                mutations.add("verificationCodes.invalidate " + parts[1]);
                send(ex, 204, "");
            }
            case "POST signOut" -> {
                u.signOuts++;
                mutations.add("signOut " + parts[1]);
                send(ex, 204, "");
            }
            case "POST makeAdmin" -> {
                u.admin = JSON.readTree(body).path("status").asBoolean();
                mutations.add("makeAdmin " + u.admin + " " + parts[1]);
                send(ex, 204, "");
            }
            default -> send(ex, 404, "{\"error\":{\"code\":404,\"message\":\"Not Found\"}}");
        }
    }

    private static String items(List<String> ids, String field) {
        StringBuilder sb = new StringBuilder("{\"items\":[");
        for (int i = 0; i < ids.size(); i++) {
            boolean numeric = field.equals("codeId");
            sb.append(i == 0 ? "" : ",").append("{\"").append(field).append("\":")
                    .append(numeric ? ids.get(i) : "\"" + ids.get(i) + "\"").append("}");
        }
        return sb.append("]}").toString();
    }

    private void github(HttpExchange ex) throws IOException {
        if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            send(ex, 401, "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}");
            return;
        }
        String[] parts = ex.getRequestURI().getPath().split("/"); // "", orgs, org, kind, login
        String org = parts[2];
        String kind = parts[3];
        String login = parts[4];
        Set<String> set;
        if (org.equals("acme")) {
            set = kind.equals("members") ? members : outside;
        } else if (otherOrgMembers.containsKey(org)) {
            set = kind.equals("members") ? otherOrgMembers.get(org) : otherOrgOutside.get(org);
        } else {
            send(ex, 404, "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\"}");
            return;
        }
        String method = ex.getRequestMethod();
        if (method.equals("GET")) {
            send(ex, set.contains(login) ? 204 : 404, set.contains(login) ? "" : "{\"message\":\"Not Found\"}");
        } else if (method.equals("DELETE")) {
            if (!set.remove(login)) {
                send(ex, 404, "{\"message\":\"Not Found\"}");
                return;
            }
            mutations.add("github " + kind + " delete " + login + (org.equals("acme") ? "" : " from " + org));
            send(ex, 204, "");
        } else {
            send(ex, 405, "{\"message\":\"Method not allowed\"}");
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        if (status == 204) {
            ex.sendResponseHeaders(204, -1);
        } else {
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }
}
