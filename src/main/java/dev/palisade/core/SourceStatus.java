package dev.palisade.core;

/**
 * One source's collection summary in a snapshot: {@code name} is {@code aws:ENV}, {@code tls},
 * {@code google}, {@code github} or {@code demo}; {@code error} says what failed in words a person can act on.
 */
public record SourceStatus(String name, SourceState status, String error, int apiCalls, long durationMs) {
}
