package dev.palisade.checks;

import dev.palisade.core.check.Check;
import java.util.List;

/** The AWS, environment, ACM and people checks of SPEC.md's catalogue, in catalogue order. */
public final class AwsChecks {
    private AwsChecks() {
    }

    public static List<Check> all() {
        return List.of(
                new BucketEncryptionCheck(),
                new BucketEncryptionKmsCheck(),
                new BucketPublicAccessBlockCheck(),
                new AccountPublicAccessBlockCheck(),
                new BucketTlsOnlyCheck(),
                new BucketPublicPolicyCheck(),
                new BucketVersioningCheck(),
                new BucketAccessLoggingCheck(),
                new RootMfaCheck(),
                new RootAccessKeysCheck(),
                new ConsoleMfaCheck(),
                new ConsoleUnusedCheck(),
                new KeyRotationCheck(),
                new KeyUnusedCheck(),
                new TwoActiveKeysCheck(),
                new DirectAdminCheck(),
                new PasswordPolicyCheck(),
                new AccountDedicatedCheck(),
                new ResourceTaggedCheck(),
                new CrossAccessCheck(),
                new ProdAccessCheck(),
                new AcmExpiryCheck(),
                new AcmRenewalCheck(),
                new UnownedAccountCheck(),
                new DepartedActiveCheck());
    }
}
