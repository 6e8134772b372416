package dev.palisade.core.config;

import java.nio.file.Path;

/**
 * A {@code palisade.yaml} that cannot be used: the message names the file, the line and column, the
 * key and what was expected, so a person can fix it without reading code. Never carries a value
 * that could be a secret.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;
    private final String key;

    /**
     * @param line   1-based, or 0 when the problem is not at one place in the file
     * @param column 1-based, or 0
     * @param key    the dotted key path ({@code environments.prod.aws.regions}), or null
     */
    public ConfigException(Path file, int line, int column, String key, String problem) {
        super(format(file, line, column, key, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.key = key;
    }

    private static String format(Path file, int line, int column, String key, String problem) {
        StringBuilder b = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        b.append(": ");
        if (key != null && !key.isEmpty()) {
            b.append(key).append(": ");
        }
        return b.append(problem).toString();
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String key() {
        return key;
    }
}
