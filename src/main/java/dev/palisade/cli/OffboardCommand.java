package dev.palisade.cli;

import dev.palisade.act.ActionCredentials;
import dev.palisade.act.ActionException;
import dev.palisade.act.ActionRunner;
import dev.palisade.act.AwsActionClients;
import dev.palisade.act.Offboarding;
import dev.palisade.act.OffboardingRecord;
import dev.palisade.core.action.ActionPlan;
import dev.palisade.core.action.PlanStep;
import dev.palisade.core.action.RunRecord;
import dev.palisade.core.action.StepState;
import dev.palisade.scan.LocalWorkspace;
import java.io.Console;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code offboard EMAIL [--confirm EMAIL] [--delete-iam-users] [--json FILE|-]}, {@code offboard --resume RUN_ID},
 * {@code offboard --list}.
 */
@Command(name = "offboard", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Revokes everything a departing person holds: Workspace, AWS (every environment), GitHub.",
            "Prints the plan; runs it only when --confirm repeats the email (or it is typed at the prompt).",
            "Every step is journalled and audited; an interrupted run resumes with --resume; the run ends with a verifying rescan.",
            "Write credentials: each environment's actionProfile, PALISADE_GOOGLE_ACTION_TOKEN (Directory write scopes),",
            "PALISADE_GITHUB_ADMIN_TOKEN (admin:org)."},
        footer = {"", "Exit codes: 0 every step done and the rescan verified clean; 1 a step failed or access remains",
            "(resume with --resume RUN_ID); 2 usage or configuration error."})
final class OffboardCommand implements Callable<Integer> {
    private final CliContext ctx;

    @ParentCommand
    PalisadeCommand parent;

    @Parameters(arity = "0..1", paramLabel = "EMAIL", description = "The departing person's email.")
    String email;

    @Option(names = "--confirm", paramLabel = "EMAIL", description = "Repeat the email to run the plan without a prompt.")
    String confirm;

    @Option(names = "--delete-iam-users", description = "Delete the IAM users instead of keeping them disabled and tagged.")
    boolean deleteIamUsers;

    @Option(names = "--include", paramLabel = "ACCOUNT_ID", split = ",",
            description = "Also revoke these offered look-alike accounts (ids as the plan lists them).")
    List<String> include = List.of();

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the plan, or after a run the offboarding record, as JSON.")
    String json;

    @Option(names = "--resume", paramLabel = "RUN_ID", description = "Resume an interrupted or failed run (nothing is done twice).")
    String resume;

    @Option(names = "--list", description = "List offboarding runs and their state.")
    boolean list;

    private Offboarding offboarding;

    OffboardCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (!list && resume == null && email == null) {
            throw new UserError("Give the departing person's EMAIL, or --resume RUN_ID, or --list.");
        }
        try (LocalWorkspace ws = parent.openWorkspace()) {
            offboarding = new Offboarding(ws, ws.actions(), AwsActionClients.standard(), PalisadeCommand.actor(), ctx.clock());
            if (list) {
                for (RunRecord r : offboarding.runs()) {
                    long done = r.steps().stream().filter(s -> s.state().complete()).count();
                    ctx.out().printf("%-60s %-28s %-10s %d/%d steps%s%n", r.runId(), r.plan().subject(), r.state(), done,
                            r.steps().size(), r.verification() == null ? "" : r.verification().clean() ? ", verified clean"
                                    : ", " + r.verification().stillOpen().size() + " still open");
                }
                ctx.out().flush();
                return PalisadeCommand.OK;
            }
            ActionCredentials creds = ActionCredentials.fromEnvironment(ctx.env());
            if (resume != null) {
                return report(offboarding.resume(resume, creds, progress()));
            }
            ActionPlan plan = offboarding.plan(email, deleteIamUsers, new LinkedHashSet<>(include));
            printPlan(plan);
            String typed = confirm;
            if (typed == null) {
                Console console = System.console();
                if (console == null) {
                    ctx.err().println("Plan only. To run it, repeat the command with --confirm " + plan.subject() + ".");
                    if (json != null) {
                        Output.to(json, ctx.out(), w -> w.write(dev.palisade.core.SnapshotJson.mapper()
                                .writerWithDefaultPrettyPrinter().writeValueAsString(plan) + System.lineSeparator()));
                    }
                    return PalisadeCommand.OK;
                }
                typed = console.readLine("Type %s to run these %d steps: ", plan.subject(), plan.steps().size());
            }
            return report(offboarding.run(plan, typed, creds, progress()));
        } catch (ActionException e) {
            throw new UserError(e.getMessage());
        }
    }

    private void printPlan(ActionPlan plan) {
        var out = ctx.out();
        out.println("Offboarding plan " + plan.runId() + " for " + plan.subject() + " (" + plan.steps().size() + " steps; IAM users "
                + (plan.deleteIamUsers() ? "deleted" : "kept disabled and tagged") + "):");
        for (PlanStep s : plan.steps()) {
            out.printf("%3d. [%s] %s -> %s%n       %s%n", s.index() + 1, s.executorKey(), s.action(), s.target(), s.description());
        }
        if (!plan.offered().isEmpty()) {
            out.println("Accounts nobody owns that look like this person's (not included; add with --include ID):");
            plan.offered().forEach(a -> out.println("   " + a.system() + (a.env() == null ? "" : ":" + a.env()) + " " + a.name() + "  id=" + a.id()));
        }
        out.flush();
    }

    private ActionRunner.Listener progress() {
        return (step, state, message) -> {
            if (state != StepState.STARTED) {
                ctx.err().printf("[%d] %-8s %s%n", step.index() + 1, state, message);
                ctx.err().flush();
            }
        };
    }

    private int report(RunRecord run) {
        if (json != null) {
            Output.to(json, ctx.out(), w -> w.write(OffboardingRecord.json(run) + System.lineSeparator()));
            offboarding.recordExported(run.runId(), "-".equals(json) ? "stdout" : java.nio.file.Path.of(json).toAbsolutePath().toString());
        }
        if (run.nextStep() >= 0) {
            var failed = run.steps().get(run.nextStep());
            ctx.err().println("Stopped at step " + (failed.index() + 1) + ": " + failed.message());
            ctx.err().println("Fix the cause, then: palisade offboard --resume " + run.runId());
            return PalisadeCommand.FINDINGS;
        }
        var v = run.verification();
        if (v != null && v.clean()) {
            ctx.err().println("Done. Rescan " + v.snapshotId() + " verified that " + run.plan().subject() + " holds no access.");
            return PalisadeCommand.OK;
        }
        ctx.err().println("Done, but the rescan still shows:");
        if (v != null) {
            v.stillOpen().forEach(o -> ctx.err().println("  - " + o));
        }
        return PalisadeCommand.FINDINGS;
    }
}
