package dev.palisade.act;

import dev.palisade.core.action.ActionJournal;
import dev.palisade.core.action.ActionPlan;
import dev.palisade.core.action.PlanStep;
import dev.palisade.core.action.RunRecord;
import dev.palisade.core.action.StepState;
import dev.palisade.core.action.RunState;
import dev.palisade.store.AuditRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * A guided rotation of one named access key of one IAM user: create the new key (its secret handed
 * back once, never stored or logged) → consumers updated by the founder while the last use of both
 * keys is watched → deactivate the old key → delete it. Acts on that key id only, always with
 * {@code UserName}. Journalled as a run with three steps, so it resumes like an offboarding and each
 * step can run on its own ({@code rotate-key --step}).
 */
public final class KeyRotation {
    public static final int CREATE = 0;
    public static final int DEACTIVATE = 1;
    public static final int DELETE = 2;

    /** The new key: its secret exists only in this object, for the caller to show once and then {@link #wipe()}. */
    public record NewKey(String accessKeyId, char[] secret) {
        public void wipe() {
            java.util.Arrays.fill(secret, '\0');
        }

        @Override
        public String toString() {
            return "NewKey[" + accessKeyId + ", secret=<shown once>]";
        }
    }

    /** Last use of a key as IAM reports it; {@code lastUsed} null when never used. */
    public record KeyUse(String accessKeyId, String status, Instant lastUsed, String service) {
    }

    private final IamClient iam;
    private final ActionJournal journal;
    private final AuditRepository audit;
    private final String env;
    private final String actor;
    private final Clock clock;

    public KeyRotation(IamClient iam, ActionJournal journal, AuditRepository audit, String env, String actor, Clock clock) {
        this.iam = iam;
        this.journal = journal;
        this.audit = audit;
        this.env = env;
        this.actor = actor;
        this.clock = clock;
    }

    public static String runId(String env, String keyId) {
        return "rotate-" + env + "-" + keyId;
    }

    /** The journalled rotation of this key, creating (and auditing) its plan on first use. */
    public RunRecord plan(String user, String oldKeyId) throws ActionException {
        Optional<RunRecord> existing = journal.load(runId(env, oldKeyId));
        if (existing.isPresent()) {
            return existing.get();
        }
        List<AccessKeyMetadata> keys = keys(user);
        if (keys.stream().noneMatch(k -> k.accessKeyId().equals(oldKeyId))) {
            throw new ActionException("Access key " + oldKeyId + " does not belong to IAM user " + user + " in " + env
                    + "; check the user name and key id (palisade show the latest snapshot).");
        }
        Map<String, String> p = Map.of("userName", user, "accessKeyId", oldKeyId);
        ActionPlan plan = new ActionPlan(runId(env, oldKeyId), "rotate-key", oldKeyId, clock.instant(), actor, false,
                List.of(new PlanStep(CREATE, "aws", env, "iam:CreateAccessKey", user,
                                "Create a new access key for " + user + " (its secret is shown once).", p),
                        new PlanStep(DEACTIVATE, "aws", env, "iam:UpdateAccessKey(Inactive)", oldKeyId,
                                "Deactivate the old key " + oldKeyId + " once its consumers use the new one.", p),
                        new PlanStep(DELETE, "aws", env, "iam:DeleteAccessKey", oldKeyId,
                                "Delete the old key " + oldKeyId + " after the confirmation period.", p)),
                List.of());
        journal.begin(plan);
        audit.append(actor, "rotate-key.plan", oldKeyId, "planned", "user " + user + " in " + env);
        return journal.load(plan.runId()).orElseThrow();
    }

    /** Step 1: refuses when the user already holds two keys (inactive ones count). */
    public NewKey create(String user, String oldKeyId) throws ActionException {
        RunRecord run = plan(user, oldKeyId);
        if (run.steps().get(CREATE).state().complete()) {
            throw new ActionException("The new key for " + user + " was already created ("
                    + run.steps().get(CREATE).message() + "); continue with --step deactivate.");
        }
        List<AccessKeyMetadata> keys = keys(user);
        if (keys.size() >= 2) {
            String ids = String.join(", ", keys.stream().map(k -> k.accessKeyId() + " " + k.statusAsString()).toList());
            String message = "IAM user " + user + " already has two access keys (" + ids + "); AWS allows two, inactive ones count. "
                    + "Delete the one no longer used, then start the rotation again.";
            audit.append(actor, "rotate-key.step", oldKeyId, "refused", message);
            throw new ActionException(message);
        }
        journal.stepStarted(run.runId(), CREATE, clock.instant());
        try {
            var created = iam.createAccessKey(r -> r.userName(user)).accessKey();
            NewKey key = new NewKey(created.accessKeyId(), created.secretAccessKey().toCharArray());
            String message = "New key " + key.accessKeyId() + " created for " + user + ".";
            journal.stepFinished(run.runId(), CREATE, StepState.DONE, message, clock.instant());
            audit.append(actor, "rotate-key.step", oldKeyId, "done", message);
            return key;
        } catch (IamException e) {
            throw failed(run, CREATE, "iam:CreateAccessKey for " + user, e);
        }
    }

    /** The last use of every key of the user, for the founder to watch consumers move to the new key. */
    public List<KeyUse> lastUse(String user) {
        return keys(user).stream().map(k -> {
            var used = iam.getAccessKeyLastUsed(r -> r.accessKeyId(k.accessKeyId())).accessKeyLastUsed();
            return new KeyUse(k.accessKeyId(), k.statusAsString(), used == null ? null : used.lastUsedDate(),
                    used == null ? null : used.serviceName());
        }).toList();
    }

    /** Step 2: deactivates exactly the old key (with {@code UserName}). */
    public StepResult deactivate(String user, String oldKeyId) throws ActionException {
        RunRecord run = plan(user, oldKeyId);
        requireDone(run, CREATE, "create the new key first (--step create)");
        return runStep(run, DEACTIVATE, () -> {
            var key = keys(user).stream().filter(k -> k.accessKeyId().equals(oldKeyId)).findFirst();
            if (key.isEmpty() || key.get().status() == StatusType.INACTIVE) {
                return StepResult.skipped("Old key " + oldKeyId + " was already inactive or gone.");
            }
            iam.updateAccessKey(r -> r.userName(user).accessKeyId(oldKeyId).status(StatusType.INACTIVE));
            return StepResult.done("Old key " + oldKeyId + " of " + user + " deactivated.");
        });
    }

    /** Step 3: deletes exactly the old key, which must be inactive. */
    public StepResult delete(String user, String oldKeyId) throws ActionException {
        RunRecord run = plan(user, oldKeyId);
        requireDone(run, DEACTIVATE, "deactivate the old key first (--step deactivate) and wait for the confirmation period");
        return runStep(run, DELETE, () -> {
            var key = keys(user).stream().filter(k -> k.accessKeyId().equals(oldKeyId)).findFirst();
            if (key.isEmpty()) {
                return StepResult.skipped("Old key " + oldKeyId + " was already deleted.");
            }
            if (key.get().status() == StatusType.ACTIVE) {
                throw new ActionException("Old key " + oldKeyId + " is Active again; someone re-enabled it. "
                        + "Find its consumer (see last use) before deleting it.");
            }
            iam.deleteAccessKey(r -> r.userName(user).accessKeyId(oldKeyId));
            return StepResult.done("Old key " + oldKeyId + " of " + user + " deleted.");
        });
    }

    private interface Work {
        StepResult run() throws ActionException;
    }

    private StepResult runStep(RunRecord run, int index, Work work) throws ActionException {
        String oldKeyId = run.plan().subject();
        journal.stepStarted(run.runId(), index, clock.instant());
        try {
            StepResult r = work.run();
            journal.stepFinished(run.runId(), index, r.state(), r.message(), clock.instant());
            audit.append(actor, "rotate-key.step", oldKeyId, r.state().name().toLowerCase(java.util.Locale.ROOT), r.message());
            if (index == DELETE) {
                journal.runFinished(run.runId(), RunState.COMPLETED, null);
            }
            return r;
        } catch (IamException e) {
            throw failed(run, index, run.plan().steps().get(index).action() + " on " + oldKeyId, e);
        } catch (ActionException e) {
            journal.stepFinished(run.runId(), index, StepState.FAILED, e.getMessage(), clock.instant());
            audit.append(actor, "rotate-key.step", oldKeyId, "failed", e.getMessage());
            throw e;
        }
    }

    private ActionException failed(RunRecord run, int index, String what, IamException e) {
        String code = e.awsErrorDetails() == null ? "error" : e.awsErrorDetails().errorCode();
        String message = what + " in " + env + " failed (" + code + ": "
                + (e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorMessage()) + ")."
                + ("LimitExceeded".equals(code) ? " The user already has two keys; delete the unused one first." : "")
                + ("AccessDenied".equals(code) ? " The environment's actionProfile lacks this permission." : "");
        journal.stepFinished(run.runId(), index, StepState.FAILED, message, clock.instant());
        journal.runFinished(run.runId(), RunState.FAILED, null);
        audit.append(actor, "rotate-key.step", run.plan().subject(), "failed", message);
        return new ActionException(message);
    }

    private static void requireDone(RunRecord run, int index, String what) throws ActionException {
        if (!run.steps().get(index).state().complete()) {
            throw new ActionException("Not yet: " + what + ".");
        }
    }

    private List<AccessKeyMetadata> keys(String user) {
        return iam.listAccessKeysPaginator(r -> r.userName(user)).accessKeyMetadata().stream().toList();
    }
}
