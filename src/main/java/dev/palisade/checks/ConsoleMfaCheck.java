package dev.palisade.checks;

import dev.palisade.core.Finding;
import dev.palisade.core.Resource;
import dev.palisade.core.Severity;
import dev.palisade.core.check.CheckContext;
import dev.palisade.core.inventory.ConsoleAccess;
import dev.palisade.core.inventory.IamUser;
import java.util.List;

/** {@code iam.user.console_mfa}: an IAM user with a console password has an MFA device. */
public final class ConsoleMfaCheck extends ConsolePasswordCheck {
    public ConsoleMfaCheck() {
        super("iam.user.console_mfa", "Console users have MFA", Severity.HIGH,
                "A console password without MFA is enough to sign in from anywhere once it leaks or is guessed.",
                "Assign an MFA device to the user (IAM → Users → Security credentials → Assign MFA), or remove the console password "
                        + "if the user does not need the console; consider an SCP or policy that denies actions without aws:MultiFactorAuthPresent.");
    }

    @Override
    protected List<Finding> evaluate(CheckContext ctx, AwsScope.Account a, IamUser u, Resource r, ConsoleAccess c) {
        if (!known(u.mfaActive())) {
            return unreadable(a, u, r, "MFA status", u.mfaActive());
        }
        return Boolean.TRUE.equals(u.mfaActive().value())
                ? List.of(pass(a.env(), r, "IAM user " + u.name() + " has a console password and MFA."))
                : List.of(fail(a.env(), r, "IAM user " + u.name() + " has a console password and no MFA device."));
    }
}
