package dev.palisade.core.inventory;

/** Server access logging of a bucket. */
public record BucketLogging(boolean enabled, String targetBucket, String targetPrefix) {
}
