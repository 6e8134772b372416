package dev.palisade.store;

import java.util.Optional;

/**
 * Where the store keeps a copy of its audit log's head ("SEQ HASH") outside the database, so that
 * a log cut short, or a database replaced by an older copy, is noticed: everything inside the
 * database can be rewritten by whoever can write the file, including the head it records itself.
 * The workspace keeps it with its secrets (OS keychain or the passphrase file).
 */
public interface AuditAnchor {
    /** The head last recorded, if any. */
    Optional<String> read();

    /** Records the head after an append; a failure is logged by the store, never fatal. */
    void write(String head);

    /** No anchor (tests, tools): only the database's own head is checked. */
    AuditAnchor NONE = new AuditAnchor() {
        @Override
        public Optional<String> read() {
            return Optional.empty();
        }

        @Override
        public void write(String head) {
        }
    };
}
