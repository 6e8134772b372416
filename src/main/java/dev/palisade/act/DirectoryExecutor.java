package dev.palisade.act;

import dev.palisade.core.action.PlanStep;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs {@code directory:*} steps against the Admin SDK Directory API with an access token that holds
 * the write scopes ({@code admin.directory.user}, {@code admin.directory.user.security},
 * {@code admin.directory.group}), granted for the action only. A user that no longer exists (404)
 * makes every step a skip.
 */
public final class DirectoryExecutor implements StepExecutor {
    private static final String USERS = "/admin/directory/v1/users/";
    private final HttpJson http;
    private final SecureRandom random = new SecureRandom();

    public DirectoryExecutor(String directoryUrl, Supplier<char[]> accessToken) {
        this.http = new HttpJson(directoryUrl, accessToken);
    }

    @Override
    public StepResult run(PlanStep step) throws ActionException, InterruptedException {
        String user = step.param("userKey");
        String u = USERS + HttpJson.enc(user);
        HttpJson.Response current = http.send("GET", u, null);
        if (current.status() == 404) {
            return StepResult.skipped(user + " no longer exists in the directory.");
        }
        check(step, current);
        boolean suspended = current.body().path("suspended").asBoolean(false);
        return switch (step.action()) {
            case "directory:users.update(password)" -> {
                check(step, http.send("PUT", u, Map.of("password", randomPassword(), "changePasswordAtNextLogin", true)));
                yield StepResult.done("Password of " + user + " reset to a random value nobody knows.");
            }
            case "directory:asps.delete" -> deleteAll(step, u + "/asps", "codeId", "app password");
            case "directory:verificationCodes.invalidate" -> {
                if (suspended) {
                    yield StepResult.skipped(user + " is suspended; Google cannot invalidate backup codes of a suspended user.");
                }
                check(step, http.send("POST", u + "/verificationCodes/invalidate", null));
                yield StepResult.done("Backup codes of " + user + " invalidated.");
            }
            case "directory:tokens.delete" -> deleteAll(step, u + "/tokens", "clientId", "OAuth token");
            case "directory:users.signOut" -> {
                check(step, http.send("POST", u + "/signOut", null));
                yield StepResult.done(user + " signed out of every session (Gmail may take up to an hour).");
            }
            case "directory:users.makeAdmin(false)" -> {
                if (!current.body().path("isAdmin").asBoolean(false)) {
                    yield StepResult.skipped(user + " is not a super admin.");
                }
                check(step, http.send("POST", u + "/makeAdmin", Map.of("status", false)));
                yield StepResult.done("Super-admin role removed from " + user + ".");
            }
            case "directory:members.delete" -> leaveGroups(step, user);
            case "directory:users.update(suspended)" -> {
                if (suspended) {
                    yield StepResult.skipped(user + " was already suspended.");
                }
                check(step, http.send("PUT", u, Map.of("suspended", true)));
                HttpJson.Response after = http.send("GET", u, null);
                if (!after.body().path("suspended").asBoolean(false)) {
                    throw new ActionException("The directory still shows " + user + " as active after suspension; resume to retry.");
                }
                yield StepResult.done(user + " suspended.");
            }
            default -> throw new ActionException("Unknown directory step " + step.action() + ".");
        };
    }

    private StepResult deleteAll(PlanStep step, String listPath, String idField, String what)
            throws ActionException, InterruptedException {
        HttpJson.Response list = http.send("GET", listPath, null);
        check(step, list);
        List<String> ids = new ArrayList<>();
        list.body().path("items").forEach(i -> ids.add(i.path(idField).asText()));
        if (ids.isEmpty()) {
            return StepResult.skipped("No " + what + " left for " + step.param("userKey") + ".");
        }
        for (String id : ids) {
            HttpJson.Response r = http.send("DELETE", listPath + "/" + HttpJson.enc(id), null);
            if (r.status() != 404) {
                check(step, r);
            }
        }
        return StepResult.done(ids.size() + " " + what + "(s) of " + step.param("userKey") + " deleted.");
    }

    private StepResult leaveGroups(PlanStep step, String user) throws ActionException, InterruptedException {
        List<String> groups = new ArrayList<>();
        String pageToken = null;
        do {
            String path = "/admin/directory/v1/groups?userKey=" + HttpJson.enc(user) + (pageToken == null ? "" : "&pageToken=" + HttpJson.enc(pageToken));
            HttpJson.Response r = http.send("GET", path, null);
            check(step, r);
            for (JsonNode g : r.body().path("groups")) {
                groups.add(g.path("email").asText(g.path("id").asText()));
            }
            pageToken = r.body().path("nextPageToken").isTextual() ? r.body().path("nextPageToken").asText() : null;
        } while (pageToken != null);
        if (groups.isEmpty()) {
            return StepResult.skipped(user + " is in no group.");
        }
        for (String g : groups) {
            HttpJson.Response r = http.send("DELETE", "/admin/directory/v1/groups/" + HttpJson.enc(g) + "/members/" + HttpJson.enc(user), null);
            if (r.status() != 404) {
                check(step, r);
            }
        }
        return StepResult.done(user + " removed from " + groups.size() + " group(s): " + String.join(", ", groups) + ".");
    }

    private static void check(PlanStep step, HttpJson.Response r) throws ActionException {
        if (r.ok()) {
            return;
        }
        String hint = switch (r.status()) {
            case 401 -> " The Workspace action token expired; sign in again for the action and resume.";
            case 403 -> " The token lacks the write scopes (admin.directory.user, admin.directory.user.security, "
                    + "admin.directory.group) or the signed-in admin lacks the role; grant them and resume.";
            default -> " Resume the run once the cause is fixed.";
        };
        throw new ActionException(step.action() + " on " + step.target() + " failed (" + HttpJson.errorText(r) + ")." + hint);
    }

    private String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%+-=?";
        StringBuilder sb = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
