package dev.palisade.core.inventory;

import dev.palisade.core.Fact;
import java.util.List;

/**
 * One configured environment's AWS account as collected. In shared-account mode ({@code tag} set),
 * the lists hold every resource of the account with its tags; {@link EnvTag#owns} decides which
 * belong to this environment.
 *
 * @param accountPublicAccessBlock S3 Control account-level block; known {@code null} = none configured
 * @param passwordPolicy           known {@code null} = the account has no password policy
 */
public record AwsEnvironment(String env, boolean production, String profile, List<String> regions, EnvTag tag,
                             Fact<String> accountId,
                             Fact<PublicAccessBlock> accountPublicAccessBlock,
                             Fact<List<Bucket>> buckets,
                             Fact<RootAccount> root,
                             Fact<PasswordPolicy> passwordPolicy,
                             Fact<List<IamUser>> users,
                             Fact<List<IamRole>> roles,
                             Fact<List<DbInstance>> databases,
                             Fact<List<LogGroup>> logGroups,
                             Fact<List<AcmCertificate>> certificates) {
}
