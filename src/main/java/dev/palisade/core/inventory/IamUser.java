package dev.palisade.core.inventory;

import dev.palisade.core.Fact;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An IAM user with everything the checks and the offboarding plan need.
 *
 * @param arn               {@code arn:aws:iam::ACCOUNT:user/NAME}
 * @param console           console password facts; known with {@code passwordEnabled=false} when the user has none
 * @param mfaActive         any MFA device assigned (credential report {@code mfa_active})
 * @param mfaDevices        MFA device serial numbers / ARNs
 * @param attachedPolicies  managed policies attached directly to the user
 * @param inlinePolicies    inline policies of the user
 * @param groups            group names
 * @param otherCredentials  signing certificates, SSH public keys, service-specific credentials
 */
public record IamUser(String name, String arn, String userId, Instant created,
                      Fact<Map<String, String>> tags,
                      Fact<ConsoleAccess> console,
                      Fact<Boolean> mfaActive,
                      Fact<List<String>> mfaDevices,
                      Fact<List<AccessKey>> accessKeys,
                      Fact<List<PolicyRef>> attachedPolicies,
                      Fact<List<InlinePolicy>> inlinePolicies,
                      Fact<List<String>> groups,
                      Fact<List<OtherCredential>> otherCredentials) {
}
