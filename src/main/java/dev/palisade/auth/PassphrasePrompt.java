package dev.palisade.auth;

import java.io.Console;
import java.util.Optional;

/** Asks a person for the passphrase; empty when nobody can be asked (no terminal, dialog cancelled). */
@FunctionalInterface
public interface PassphrasePrompt {
    Optional<char[]> ask(String question);

    /** Nobody to ask (headless runs without a terminal). */
    PassphrasePrompt NONE = q -> Optional.empty();

    /** The attached terminal, if any ({@link System#console()}). */
    static PassphrasePrompt console() {
        return q -> {
            Console c = System.console();
            if (c == null) {
                return Optional.empty();
            }
            char[] p = c.readPassword("%s", q);
            return p == null || p.length == 0 ? Optional.empty() : Optional.of(p);
        };
    }
}
