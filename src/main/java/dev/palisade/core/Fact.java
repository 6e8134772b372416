package dev.palisade.core;

import java.util.Objects;
import java.util.function.Function;

/**
 * A datum a collector tried to read: either known (with a value, which may be {@code null} where
 * the field documents that null means "not configured"), or unknown with the reason it could not
 * be read ({@code "s3:GetBucketPolicy denied for acme-prod-uploads"}). A fact is unknown exactly
 * when {@code error} is non-null. Checks turn unknown facts into ERROR findings, never PASS.
 */
public record Fact<T>(T value, String error) {

    public static <T> Fact<T> known(T value) {
        return new Fact<>(value, null);
    }

    public static <T> Fact<T> unknown(String error) {
        return new Fact<>(null, Objects.requireNonNull(error, "error"));
    }

    public boolean isKnown() {
        return error == null;
    }

    public <R> Fact<R> map(Function<T, R> f) {
        return isKnown() ? known(value == null ? null : f.apply(value)) : unknown(error);
    }

    /** The value, or {@code fallback} when unknown or null. */
    public T orElse(T fallback) {
        return isKnown() && value != null ? value : fallback;
    }
}
