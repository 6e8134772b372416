package dev.palisade.act;

import dev.palisade.core.action.PlanStep;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Runs {@code iam:*} plan steps in one environment with that environment's action credentials.
 * Every call that touches a credential passes {@code UserName} (without it IAM acts on the
 * caller's own key). Each step first reads whether its effect is already in place and skips if so,
 * then acts, then re-reads to confirm (IAM is eventually consistent).
 */
public final class AwsIamExecutor implements StepExecutor {
    private static final int ATTEMPTS = 4;

    private final IamClient iam;
    private final String env;
    private final String profileHint;

    /**
     * @param profileHint the action profile name, used in messages only
     */
    public AwsIamExecutor(IamClient iam, String env, String profileHint) {
        this.iam = iam;
        this.env = env;
        this.profileHint = profileHint;
    }

    @Override
    public StepResult run(PlanStep step) throws ActionException, InterruptedException {
        String user = step.param("userName");
        String action = step.action();
        try {
            if (action.equals("iam:PutUserPolicy")) {
                return putRevokePolicy(user, step.param("policyName"), step.param("issuedBefore"));
            } else if (action.equals("iam:DeleteLoginProfile")) {
                return gone(() -> {
                    iam.deleteLoginProfile(r -> r.userName(user));
                    return StepResult.done("Console password of " + user + " removed.");
                }, "No console password for " + user + " (already removed).");
            } else if (action.equals("iam:UpdateAccessKey(Inactive)")) {
                return deactivateKey(user, step.param("accessKeyId"));
            } else if (action.equals("iam:DeleteAccessKey")) {
                return deleteKey(user, step.param("accessKeyId"));
            } else if (action.startsWith("iam:Deactivate(") || action.startsWith("iam:Delete(")) {
                return otherCredential(user, step.param("credentialKind"), step.param("credentialId"),
                        action.startsWith("iam:Delete("));
            } else if (action.equals("iam:ListAccessKeys+sweep")) {
                return sweep(user, Boolean.parseBoolean(step.param("delete")));
            } else if (action.equals("iam:DeactivateMFADevice")) {
                return deactivateMfa(user, step.param("serialNumber"));
            } else if (action.equals("iam:DeleteVirtualMFADevice")) {
                String serial = step.param("serialNumber");
                return gone(() -> {
                    iam.deleteVirtualMFADevice(r -> r.serialNumber(serial));
                    return StepResult.done("Virtual MFA device " + serial + " deleted.");
                }, "Virtual MFA device " + serial + " already deleted.");
            } else if (action.equals("iam:DetachUserPolicy")) {
                return detach(user, step.param("policyArn"));
            } else if (action.equals("iam:DeleteUserPolicy")) {
                String name = step.param("policyName");
                return gone(() -> {
                    iam.deleteUserPolicy(r -> r.userName(user).policyName(name));
                    return StepResult.done("Inline policy " + name + " of " + user + " deleted.");
                }, "Inline policy " + name + " of " + user + " already gone.");
            } else if (action.equals("iam:RemoveUserFromGroup")) {
                return leaveGroup(user, step.param("groupName"));
            } else if (action.equals("iam:TagUser")) {
                iam.tagUser(r -> r.userName(user).tags(
                        Tag.builder().key("palisade:offboarded").value(step.param("offboardedAt")).build(),
                        Tag.builder().key("palisade:offboarded-by").value(step.param("offboardedBy")).build()));
                return StepResult.done(user + " kept, disabled, and tagged palisade:offboarded.");
            } else if (action.equals("iam:DeleteUser")) {
                return gone(() -> {
                    iam.deleteUser(r -> r.userName(user));
                    return StepResult.done("IAM user " + user + " deleted.");
                }, "IAM user " + user + " already deleted.");
            }
            throw new ActionException("Unknown IAM step " + action + ".");
        } catch (IamException e) {
            throw explain(step, e);
        } catch (SdkClientException e) {
            throw new ActionException(step.action() + " on " + step.target() + " in " + env
                    + " could not reach IAM: " + e.getMessage() + " Resume when the network is back.");
        }
    }

    private StepResult putRevokePolicy(String user, String name, String issuedBefore) throws InterruptedException {
        String doc = """
                {"Version":"2012-10-17","Statement":[{"Sid":"PalisadeRevokeOlderSessions","Effect":"Deny",\
                "Action":"*","Resource":"*","Condition":{"DateLessThan":{"aws:TokenIssueTime":"%s"}}}]}"""
                .formatted(issuedBefore);
        retrying(() -> iam.putUserPolicy(r -> r.userName(user).policyName(name).policyDocument(doc)));
        return StepResult.done("Sessions of " + user + " issued before " + issuedBefore + " are denied everything.");
    }

    private StepResult deactivateKey(String user, String keyId) throws InterruptedException, ActionException {
        var key = keys(user).stream().filter(k -> k.accessKeyId().equals(keyId)).findFirst();
        if (key.isEmpty()) {
            return StepResult.skipped("Access key " + keyId + " of " + user + " no longer exists.");
        }
        if (key.get().status() == StatusType.INACTIVE) {
            return StepResult.skipped("Access key " + keyId + " of " + user + " was already inactive.");
        }
        retrying(() -> iam.updateAccessKey(r -> r.userName(user).accessKeyId(keyId).status(StatusType.INACTIVE)));
        confirm(() -> keys(user).stream().noneMatch(k -> k.accessKeyId().equals(keyId) && k.status() == StatusType.ACTIVE),
                "access key " + keyId + " of " + user + " still shows Active after iam:UpdateAccessKey");
        return StepResult.done("Access key " + keyId + " of " + user + " deactivated.");
    }

    private StepResult deleteKey(String user, String keyId) throws InterruptedException, ActionException {
        if (keys(user).stream().noneMatch(k -> k.accessKeyId().equals(keyId))) {
            return StepResult.skipped("Access key " + keyId + " of " + user + " was already deleted.");
        }
        retrying(() -> iam.deleteAccessKey(r -> r.userName(user).accessKeyId(keyId)));
        confirm(() -> keys(user).stream().noneMatch(k -> k.accessKeyId().equals(keyId)),
                "access key " + keyId + " of " + user + " still listed after iam:DeleteAccessKey");
        return StepResult.done("Access key " + keyId + " of " + user + " deleted.");
    }

    private StepResult otherCredential(String user, String kind, String id, boolean delete) throws InterruptedException {
        try {
            switch (kind) {
                case "signing-certificate" -> retrying(() -> {
                    if (delete) {
                        iam.deleteSigningCertificate(r -> r.userName(user).certificateId(id));
                    } else {
                        iam.updateSigningCertificate(r -> r.userName(user).certificateId(id).status(StatusType.INACTIVE));
                    }
                });
                case "ssh-public-key" -> retrying(() -> {
                    if (delete) {
                        iam.deleteSSHPublicKey(r -> r.userName(user).sshPublicKeyId(id));
                    } else {
                        iam.updateSSHPublicKey(r -> r.userName(user).sshPublicKeyId(id).status(StatusType.INACTIVE));
                    }
                });
                default -> retrying(() -> {
                    if (delete) {
                        iam.deleteServiceSpecificCredential(r -> r.userName(user).serviceSpecificCredentialId(id));
                    } else {
                        iam.updateServiceSpecificCredential(r -> r.userName(user).serviceSpecificCredentialId(id)
                                .status(StatusType.INACTIVE));
                    }
                });
            }
        } catch (IamException e) {
            if (isCode(e, "NoSuchEntity")) {
                return StepResult.skipped(kind + " " + id + " of " + user + " no longer exists.");
            }
            throw e;
        }
        return StepResult.done(kind + " " + id + " of " + user + (delete ? " deleted." : " deactivated."));
    }

    private StepResult sweep(String user, boolean delete) throws InterruptedException {
        int changed = 0;
        for (AccessKeyMetadata k : keys(user)) {
            if (delete) {
                retrying(() -> iam.deleteAccessKey(r -> r.userName(user).accessKeyId(k.accessKeyId())));
                changed++;
            } else if (k.status() == StatusType.ACTIVE) {
                retrying(() -> iam.updateAccessKey(r -> r.userName(user).accessKeyId(k.accessKeyId()).status(StatusType.INACTIVE)));
                changed++;
            }
        }
        for (var c : iam.listSigningCertificatesPaginator(r -> r.userName(user)).certificates()) {
            if (delete) {
                retrying(() -> iam.deleteSigningCertificate(r -> r.userName(user).certificateId(c.certificateId())));
                changed++;
            } else if (c.status() == StatusType.ACTIVE) {
                retrying(() -> iam.updateSigningCertificate(r -> r.userName(user).certificateId(c.certificateId()).status(StatusType.INACTIVE)));
                changed++;
            }
        }
        for (var k : iam.listSSHPublicKeysPaginator(r -> r.userName(user)).sshPublicKeys()) {
            if (delete) {
                retrying(() -> iam.deleteSSHPublicKey(r -> r.userName(user).sshPublicKeyId(k.sshPublicKeyId())));
                changed++;
            } else if (k.status() == StatusType.ACTIVE) {
                retrying(() -> iam.updateSSHPublicKey(r -> r.userName(user).sshPublicKeyId(k.sshPublicKeyId()).status(StatusType.INACTIVE)));
                changed++;
            }
        }
        for (var c : iam.listServiceSpecificCredentials(r -> r.userName(user)).serviceSpecificCredentials()) {
            if (delete) {
                retrying(() -> iam.deleteServiceSpecificCredential(r -> r.userName(user).serviceSpecificCredentialId(c.serviceSpecificCredentialId())));
                changed++;
            } else if (c.status() == StatusType.ACTIVE) {
                retrying(() -> iam.updateServiceSpecificCredential(r -> r.userName(user)
                        .serviceSpecificCredentialId(c.serviceSpecificCredentialId()).status(StatusType.INACTIVE)));
                changed++;
            }
        }
        return changed == 0
                ? StepResult.skipped("No remaining active credential of " + user + ".")
                : StepResult.done(changed + " remaining credential(s) of " + user + (delete ? " deleted." : " deactivated."));
    }

    private StepResult deactivateMfa(String user, String serial) throws InterruptedException {
        List<MFADevice> devices = iam.listMFADevicesPaginator(r -> r.userName(user)).mfaDevices().stream().toList();
        if (devices.stream().noneMatch(d -> d.serialNumber().equals(serial))) {
            return StepResult.skipped("MFA device " + serial + " is no longer assigned to " + user + ".");
        }
        retrying(() -> iam.deactivateMFADevice(r -> r.userName(user).serialNumber(serial)));
        return StepResult.done("MFA device " + serial + " deactivated for " + user + ".");
    }

    private StepResult detach(String user, String policyArn) throws InterruptedException {
        List<AttachedPolicy> attached = iam.listAttachedUserPoliciesPaginator(r -> r.userName(user)).attachedPolicies().stream().toList();
        if (attached.stream().noneMatch(p -> p.policyArn().equals(policyArn))) {
            return StepResult.skipped("Policy " + policyArn + " is not attached to " + user + ".");
        }
        retrying(() -> iam.detachUserPolicy(r -> r.userName(user).policyArn(policyArn)));
        return StepResult.done("Policy " + policyArn + " detached from " + user + ".");
    }

    private StepResult leaveGroup(String user, String group) throws InterruptedException {
        List<Group> groups = iam.listGroupsForUserPaginator(r -> r.userName(user)).groups().stream().toList();
        if (groups.stream().noneMatch(g -> g.groupName().equals(group))) {
            return StepResult.skipped(user + " is not in group " + group + ".");
        }
        retrying(() -> iam.removeUserFromGroup(r -> r.userName(user).groupName(group)));
        return StepResult.done(user + " removed from group " + group + ".");
    }

    private List<AccessKeyMetadata> keys(String user) {
        return iam.listAccessKeysPaginator(r -> r.userName(user)).accessKeyMetadata().stream().toList();
    }

    private StepResult gone(Supplier<StepResult> call, String skippedMessage) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (IamException e) {
                if (isCode(e, "NoSuchEntity")) {
                    return StepResult.skipped(skippedMessage);
                }
                if (!isCode(e, "ConcurrentModification") || attempt >= ATTEMPTS) {
                    throw e;
                }
                Thread.sleep(200L * attempt);
            }
        }
    }

    private static void retrying(Runnable call) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                call.run();
                return;
            } catch (IamException e) {
                if (!isCode(e, "ConcurrentModification") || attempt >= ATTEMPTS) {
                    throw e;
                }
                Thread.sleep(200L * attempt);
            }
        }
    }

    private static void confirm(java.util.function.BooleanSupplier check, String failure)
            throws InterruptedException, ActionException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (check.getAsBoolean()) {
                return;
            }
            Thread.sleep(Duration.ofMillis(250L << attempt).toMillis());
        }
        throw new ActionException("IAM did not confirm the change: " + failure + ". Resume the run to retry.");
    }

    static boolean isCode(IamException e, String code) {
        return e.awsErrorDetails() != null && code.equals(e.awsErrorDetails().errorCode());
    }

    private ActionException explain(PlanStep step, IamException e) {
        String code = e.awsErrorDetails() == null ? "error" : e.awsErrorDetails().errorCode();
        String awsMessage = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorMessage();
        String base = step.action() + " on " + step.target() + " in " + env + " failed (" + code + ": " + awsMessage + ")";
        return switch (code.toLowerCase(Locale.ROOT)) {
            case "accessdenied", "accessdeniedexception" -> new ActionException(base
                    + ". The action profile " + profileHint + " lacks this permission; grant it (see docs/aws-permissions.md) and resume.");
            case "deleteconflict" -> new ActionException(base
                    + ". The user still has attached resources; resume after the earlier steps, or remove them in the console.");
            case "limitexceeded" -> new ActionException(base + ". An IAM limit was reached; remove an unused item and resume.");
            default -> new ActionException(base + ". Resume the run once the cause is fixed.");
        };
    }
}
