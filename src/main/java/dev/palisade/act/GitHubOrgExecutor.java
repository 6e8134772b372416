package dev.palisade.act;

import dev.palisade.core.action.PlanStep;
import java.util.function.Supplier;

/** Runs {@code github:*} steps: removes a member or outside collaborator with an {@code admin:org} token. */
public final class GitHubOrgExecutor implements StepExecutor {
    private final HttpJson http;

    public GitHubOrgExecutor(String apiUrl, Supplier<char[]> adminToken) {
        this.http = new HttpJson(apiUrl, adminToken, "X-GitHub-Api-Version", "2022-11-28",
                "Accept", "application/vnd.github+json");
    }

    @Override
    public StepResult run(PlanStep step) throws ActionException, InterruptedException {
        String org = HttpJson.enc(step.param("org"));
        String login = step.param("login");
        boolean outside = "outside_collaborator".equals(step.param("role"));
        if (!outside) {
            HttpJson.Response member = http.send("GET", "/orgs/" + org + "/members/" + HttpJson.enc(login), null);
            if (member.status() == 404) {
                return StepResult.skipped(login + " is no longer a member of " + step.param("org") + ".");
            }
        }
        String path = "/orgs/" + org + (outside ? "/outside_collaborators/" : "/members/") + HttpJson.enc(login);
        HttpJson.Response r = http.send("DELETE", path, null);
        if (r.status() == 404) {
            return StepResult.skipped(login + " no longer has access to " + step.param("org") + ".");
        }
        if (!r.ok()) {
            String hint = r.status() == 401 || r.status() == 403
                    ? " The GitHub action token needs the admin:org scope and an owner account; provide one and resume."
                    : " Resume the run once the cause is fixed.";
            throw new ActionException(step.action() + " for " + login + " failed (" + HttpJson.errorText(r) + ")." + hint);
        }
        return StepResult.done(login + (outside ? " removed as outside collaborator of " : " removed from ")
                + step.param("org") + ".");
    }
}
