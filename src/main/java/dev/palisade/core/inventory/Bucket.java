package dev.palisade.core.inventory;

import dev.palisade.core.Fact;
import java.time.Instant;
import java.util.Map;

/**
 * An S3 bucket.
 *
 * @param arn               {@code arn:aws:s3:::NAME}
 * @param encryption        default encryption; algorithm {@code NONE} when the bucket has none
 * @param publicAccessBlock bucket-level block; known {@code null} = none configured
 * @param policy            bucket policy JSON; known {@code null} = no policy
 * @param policyPublic      AWS's own verdict (GetBucketPolicyStatus IsPublic); known {@code null} when there is no policy
 * @param versioning        {@code Enabled}, {@code Suspended} or {@code Disabled} (never enabled)
 * @param tags              empty when the bucket has no tag set
 */
public record Bucket(String name, String arn, String region, Instant created,
                     Fact<BucketEncryption> encryption,
                     Fact<PublicAccessBlock> publicAccessBlock,
                     Fact<String> policy,
                     Fact<Boolean> policyPublic,
                     Fact<String> versioning,
                     Fact<BucketLogging> logging,
                     Fact<Map<String, String>> tags) {

    public static String arnOf(String name) {
        return "arn:aws:s3:::" + name;
    }
}
