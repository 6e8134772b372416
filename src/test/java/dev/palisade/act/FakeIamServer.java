package dev.palisade.act;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An IAM endpoint on 127.0.0.1 speaking the real query protocol (form-encoded POST, XML responses,
 * {@code ErrorResponse} bodies with {@code NoSuchEntity}, {@code DeleteConflict},
 * {@code LimitExceeded}…) for the write and list calls actions make, holding users in memory.
 * Every mutating call is logged so tests can prove nothing was done twice.
 */
public final class FakeIamServer implements AutoCloseable {
    public static final class User {
        final String name;
        boolean loginProfile;
        public final Map<String, String> keys = new LinkedHashMap<>();        // id -> Active|Inactive
        final Map<String, Instant> keyLastUsed = new HashMap<>();
        final List<String> mfa = new ArrayList<>();
        final Map<String, String> attached = new LinkedHashMap<>();    // arn -> name
        final Map<String, String> inline = new LinkedHashMap<>();      // name -> doc
        final Set<String> groups = new LinkedHashSet<>();
        final Map<String, String> tags = new LinkedHashMap<>();
        final Map<String, String> signingCerts = new LinkedHashMap<>();
        final Map<String, String> sshKeys = new LinkedHashMap<>();

        User(String name) {
            this.name = name;
        }
    }

    private static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private final HttpServer server;
    private final String account;
    final Map<String, User> users = Collections.synchronizedMap(new LinkedHashMap<>());
    final List<String> mutations = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> failures = new HashMap<>();   // action -> code
    private final AtomicInteger keySeq = new AtomicInteger(1);
    private final AtomicInteger requests = new AtomicInteger();

    FakeIamServer(String account) throws IOException {
        this.account = account;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int requests() {
        return requests.get();
    }

    User user(String name) {
        return users.computeIfAbsent(name, User::new);
    }

    /** The next call of {@code action} fails with {@code code} (AccessDenied, DeleteConflict, ServiceFailure…). */
    synchronized void failNext(String action, String code) {
        failures.put(action, code);
    }

    long mutationCount(String prefix) {
        synchronized (mutations) {
            return mutations.stream().filter(m -> m.startsWith(prefix)).count();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> p = form(body);
        String action = p.getOrDefault("Action", "");
        String code;
        synchronized (this) {
            code = failures.remove(action);
        }
        if (code != null) {
            int status = switch (code) {
                case "AccessDenied" -> 403;
                case "DeleteConflict", "LimitExceeded", "EntityAlreadyExists" -> 409;
                case "NoSuchEntity" -> 404;
                default -> 500;
            };
            error(ex, status, code, "Injected " + code + " for " + action);
            return;
        }
        try {
            String result = dispatch(action, p);
            String xml = "<" + action + "Response xmlns=\"" + NS + "\">" + (result == null ? "" : "<" + action + "Result>" + result
                    + "</" + action + "Result>") + "<ResponseMetadata><RequestId>req-" + requests.get()
                    + "</RequestId></ResponseMetadata></" + action + "Response>";
            send(ex, 200, xml);
        } catch (IamError e) {
            error(ex, e.status, e.code, e.getMessage());
        }
    }

    private static final class IamError extends RuntimeException {
        final int status;
        final String code;

        IamError(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    private User existing(String name) {
        User u = users.get(name);
        if (u == null) {
            throw new IamError(404, "NoSuchEntity", "The user with name " + name + " cannot be found.");
        }
        return u;
    }

    private String dispatch(String action, Map<String, String> p) {
        String name = p.get("UserName");
        switch (action) {
            case "ListAccessKeys": {
                User u = existing(name);
                StringBuilder sb = new StringBuilder("<AccessKeyMetadata>");
                u.keys.forEach((id, st) -> sb.append("<member><UserName>").append(name).append("</UserName><AccessKeyId>")
                        .append(id).append("</AccessKeyId><Status>").append(st)
                        .append("</Status><CreateDate>2026-01-01T00:00:00Z</CreateDate></member>"));
                return sb.append("</AccessKeyMetadata><IsTruncated>false</IsTruncated>").toString();
            }
            case "UpdateAccessKey": {
                User u = existing(requireUser(p));
                String id = p.get("AccessKeyId");
                if (!u.keys.containsKey(id)) {
                    throw new IamError(404, "NoSuchEntity", "The Access Key with id " + id + " cannot be found.");
                }
                u.keys.put(id, p.get("Status"));
                mutations.add("UpdateAccessKey " + name + " " + id + " " + p.get("Status"));
                return null;
            }
            case "DeleteAccessKey": {
                User u = existing(requireUser(p));
                String id = p.get("AccessKeyId");
                if (u.keys.remove(id) == null) {
                    throw new IamError(404, "NoSuchEntity", "The Access Key with id " + id + " cannot be found.");
                }
                mutations.add("DeleteAccessKey " + name + " " + id);
                return null;
            }
            case "CreateAccessKey": {
                User u = existing(requireUser(p));
                if (u.keys.size() >= 2) {
                    throw new IamError(409, "LimitExceeded", "Cannot exceed quota for AccessKeysPerUser: 2");
                }
                String id = "AKIANEW" + String.format("%013d", keySeq.getAndIncrement());
                u.keys.put(id, "Active");
                mutations.add("CreateAccessKey " + name + " " + id);
                return "<AccessKey><UserName>" + name + "</UserName><AccessKeyId>" + id
                        + "</AccessKeyId><Status>Active</Status><SecretAccessKey>wJalrSECRET" + id
                        + "</SecretAccessKey><CreateDate>2026-12-01T00:00:00Z</CreateDate></AccessKey>";
            }
            case "GetAccessKeyLastUsed": {
                String id = p.get("AccessKeyId");
                User owner = users.values().stream().filter(u -> u.keys.containsKey(id)).findFirst()
                        .orElseThrow(() -> new IamError(404, "NoSuchEntity", "key " + id));
                Instant used = owner.keyLastUsed.get(id);
                return "<UserName>" + owner.name + "</UserName><AccessKeyLastUsed>"
                        + (used == null ? "<ServiceName>N/A</ServiceName><Region>N/A</Region>"
                        : "<LastUsedDate>" + used + "</LastUsedDate><ServiceName>s3</ServiceName><Region>us-east-1</Region>")
                        + "</AccessKeyLastUsed>";
            }
            case "DeleteLoginProfile": {
                User u = existing(name);
                if (!u.loginProfile) {
                    throw new IamError(404, "NoSuchEntity", "Login Profile for User " + name + " cannot be found.");
                }
                u.loginProfile = false;
                mutations.add("DeleteLoginProfile " + name);
                return null;
            }
            case "PutUserPolicy": {
                User u = existing(name);
                u.inline.put(p.get("PolicyName"), p.get("PolicyDocument"));
                mutations.add("PutUserPolicy " + name + " " + p.get("PolicyName"));
                return null;
            }
            case "DeleteUserPolicy": {
                User u = existing(name);
                if (u.inline.remove(p.get("PolicyName")) == null) {
                    throw new IamError(404, "NoSuchEntity", "The user policy with name " + p.get("PolicyName") + " cannot be found.");
                }
                mutations.add("DeleteUserPolicy " + name + " " + p.get("PolicyName"));
                return null;
            }
            case "ListMFADevices": {
                User u = existing(name);
                StringBuilder sb = new StringBuilder("<MFADevices>");
                u.mfa.forEach(s -> sb.append("<member><UserName>").append(name).append("</UserName><SerialNumber>").append(s)
                        .append("</SerialNumber><EnableDate>2025-01-01T00:00:00Z</EnableDate></member>"));
                return sb.append("</MFADevices><IsTruncated>false</IsTruncated>").toString();
            }
            case "DeactivateMFADevice": {
                User u = existing(name);
                if (!u.mfa.remove(p.get("SerialNumber"))) {
                    throw new IamError(404, "NoSuchEntity", "MFA Device " + p.get("SerialNumber") + " not found.");
                }
                mutations.add("DeactivateMFADevice " + name + " " + p.get("SerialNumber"));
                return null;
            }
            case "DeleteVirtualMFADevice": {
                mutations.add("DeleteVirtualMFADevice " + p.get("SerialNumber"));
                return null;
            }
            case "ListAttachedUserPolicies": {
                User u = existing(name);
                StringBuilder sb = new StringBuilder("<AttachedPolicies>");
                u.attached.forEach((arn, n) -> sb.append("<member><PolicyName>").append(n).append("</PolicyName><PolicyArn>")
                        .append(arn).append("</PolicyArn></member>"));
                return sb.append("</AttachedPolicies><IsTruncated>false</IsTruncated>").toString();
            }
            case "DetachUserPolicy": {
                User u = existing(name);
                if (u.attached.remove(p.get("PolicyArn")) == null) {
                    throw new IamError(404, "NoSuchEntity", "Policy " + p.get("PolicyArn") + " was not found.");
                }
                mutations.add("DetachUserPolicy " + name + " " + p.get("PolicyArn"));
                return null;
            }
            case "ListGroupsForUser": {
                User u = existing(name);
                StringBuilder sb = new StringBuilder("<Groups>");
                u.groups.forEach(g -> sb.append("<member><Path>/</Path><GroupName>").append(g).append("</GroupName><GroupId>AGPA")
                        .append(g.hashCode() & 0xffff).append("</GroupId><Arn>arn:aws:iam::").append(account).append(":group/")
                        .append(g).append("</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate></member>"));
                return sb.append("</Groups><IsTruncated>false</IsTruncated>").toString();
            }
            case "RemoveUserFromGroup": {
                User u = existing(name);
                if (!u.groups.remove(p.get("GroupName"))) {
                    throw new IamError(404, "NoSuchEntity", "group membership");
                }
                mutations.add("RemoveUserFromGroup " + name + " " + p.get("GroupName"));
                return null;
            }
            case "ListSigningCertificates": {
                User u = existing(name);
                StringBuilder sb = new StringBuilder("<Certificates>");
                u.signingCerts.forEach((id, st) -> sb.append("<member><UserName>").append(name).append("</UserName><CertificateId>")
                        .append(id).append("</CertificateId><CertificateBody>-----BEGIN CERTIFICATE-----</CertificateBody><Status>")
                        .append(st).append("</Status></member>"));
                return sb.append("</Certificates><IsTruncated>false</IsTruncated>").toString();
            }
            case "UpdateSigningCertificate": {
                existing(name).signingCerts.put(p.get("CertificateId"), p.get("Status"));
                mutations.add("UpdateSigningCertificate " + name + " " + p.get("CertificateId"));
                return null;
            }
            case "DeleteSigningCertificate": {
                existing(name).signingCerts.remove(p.get("CertificateId"));
                mutations.add("DeleteSigningCertificate " + name + " " + p.get("CertificateId"));
                return null;
            }
            case "ListSSHPublicKeys": {
                User u = existing(name);
                StringBuilder sb = new StringBuilder("<SSHPublicKeys>");
                u.sshKeys.forEach((id, st) -> sb.append("<member><UserName>").append(name).append("</UserName><SSHPublicKeyId>")
                        .append(id).append("</SSHPublicKeyId><Status>").append(st)
                        .append("</Status><UploadDate>2025-01-01T00:00:00Z</UploadDate></member>"));
                return sb.append("</SSHPublicKeys><IsTruncated>false</IsTruncated>").toString();
            }
            case "UpdateSSHPublicKey": {
                existing(name).sshKeys.put(p.get("SSHPublicKeyId"), p.get("Status"));
                mutations.add("UpdateSSHPublicKey " + name + " " + p.get("SSHPublicKeyId"));
                return null;
            }
            case "DeleteSSHPublicKey": {
                existing(name).sshKeys.remove(p.get("SSHPublicKeyId"));
                mutations.add("DeleteSSHPublicKey " + name + " " + p.get("SSHPublicKeyId"));
                return null;
            }
            case "ListServiceSpecificCredentials": {
                existing(name);
                return "<ServiceSpecificCredentials/>";
            }
            case "TagUser": {
                User u = existing(name);
                for (int i = 1; p.containsKey("Tags.member." + i + ".Key"); i++) {
                    u.tags.put(p.get("Tags.member." + i + ".Key"), p.get("Tags.member." + i + ".Value"));
                }
                mutations.add("TagUser " + name);
                return null;
            }
            case "DeleteUser": {
                User u = existing(name);
                if (u.loginProfile || !u.keys.isEmpty() || !u.mfa.isEmpty() || !u.attached.isEmpty() || !u.inline.isEmpty()
                        || !u.groups.isEmpty() || !u.signingCerts.isEmpty() || !u.sshKeys.isEmpty()) {
                    throw new IamError(409, "DeleteConflict", "Cannot delete entity, must remove referenced objects first.");
                }
                users.remove(name);
                mutations.add("DeleteUser " + name);
                return null;
            }
            default:
                throw new IamError(400, "InvalidAction", "Could not find operation " + action + " for version 2010-05-08");
        }
    }

    private static String requireUser(Map<String, String> p) {
        String user = p.get("UserName");
        if (user == null) {
            // Without UserName IAM acts on the caller's own credentials: fail loudly so tests catch it.
            throw new IamError(400, "ValidationError", "UserName missing: this call would act on the caller's own key");
        }
        return user;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> m = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }

    private static void error(HttpExchange ex, int status, String code, String message) throws IOException {
        String type = status >= 500 ? "Receiver" : "Sender";
        send(ex, status, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>" + type + "</Type><Code>" + code + "</Code><Message>"
                + message + "</Message></Error><RequestId>err</RequestId></ErrorResponse>");
    }

    private static void send(HttpExchange ex, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/xml");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
