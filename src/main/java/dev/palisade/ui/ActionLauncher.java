package dev.palisade.ui;

import dev.palisade.core.Snapshot;
import dev.palisade.scan.Workspace;

/**
 * Where the revoke/rotate workflows plug into the Access screen. Called on the FX thread; an
 * implementation opens its own window or dialog and must not block.
 */
public interface ActionLauncher {
    /** Opens the offboarding plan for {@code email}, built from {@code latest}. */
    void offboard(Workspace workspace, Snapshot latest, String email);

    /** Opens the guided rotation of {@code keyId} of IAM user {@code userName} in {@code env}. */
    void rotateKey(Workspace workspace, Snapshot latest, String env, String userName, String keyId);

    /** False hides nothing but disables the buttons with an explanation. */
    default boolean available() {
        return true;
    }

    ActionLauncher NONE = new ActionLauncher() {
        @Override
        public void offboard(Workspace workspace, Snapshot latest, String email) {
            throw new UnsupportedOperationException("Offboarding is not available in this build.");
        }

        @Override
        public void rotateKey(Workspace workspace, Snapshot latest, String env, String userName, String keyId) {
            throw new UnsupportedOperationException("Key rotation is not available in this build.");
        }

        @Override
        public boolean available() {
            return false;
        }
    };
}
