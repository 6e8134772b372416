package dev.palisade.core.config;

/** One {@code environments:} entry; {@code aws} is null when the environment has no AWS block. */
public record EnvironmentConfig(String name, boolean production, AwsConfig aws) {
}
