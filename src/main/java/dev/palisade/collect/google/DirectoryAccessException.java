package dev.palisade.collect.google;

/** The directory could not be read; the message names the cause and the fix, and never a token. */
public class DirectoryAccessException extends Exception {
    public DirectoryAccessException(String message) {
        super(message);
    }
}
