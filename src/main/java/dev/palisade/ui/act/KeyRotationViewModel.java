package dev.palisade.ui.act;

import dev.palisade.act.ActionException;
import dev.palisade.act.KeyRotation;
import dev.palisade.core.action.RunRecord;
import dev.palisade.core.action.StepState;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the guided rotation of one key: which steps are done, the new key's id and (once) its
 * secret, and the last use of both keys. Never touches a Node.
 */
public final class KeyRotationViewModel {
    private final KeyRotation rotation;
    private final String user;
    private final String oldKeyId;
    private final Executor background;
    private final Executor fx;
    private final BooleanProperty created = new SimpleBooleanProperty();
    private final BooleanProperty deactivated = new SimpleBooleanProperty();
    private final BooleanProperty deleted = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty newKeyId = new SimpleStringProperty("");
    private final StringProperty secretOnce = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Throwable> error = new SimpleObjectProperty<>();
    private final ObservableList<KeyRotation.KeyUse> uses = FXCollections.observableArrayList();

    public KeyRotationViewModel(KeyRotation rotation, String user, String oldKeyId, Executor background, Executor fx) {
        this.rotation = rotation;
        this.user = user;
        this.oldKeyId = oldKeyId;
        this.background = background;
        this.fx = fx;
    }

    public String user() {
        return user;
    }

    public String oldKeyId() {
        return oldKeyId;
    }

    public BooleanProperty createdProperty() {
        return created;
    }

    public BooleanProperty deactivatedProperty() {
        return deactivated;
    }

    public BooleanProperty deletedProperty() {
        return deleted;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty newKeyIdProperty() {
        return newKeyId;
    }

    /** The new secret, present only between creation and {@link #forgetSecret()}. */
    public StringProperty secretOnceProperty() {
        return secretOnce;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObservableList<KeyRotation.KeyUse> uses() {
        return uses;
    }

    /** Loads the journalled state (a rotation started earlier resumes where it stopped). */
    public CompletableFuture<Void> load() {
        return call(() -> {
            RunRecord r = rotation.plan(user, oldKeyId);
            return r;
        }).thenAcceptAsync(r -> {
            created.set(r.steps().get(KeyRotation.CREATE).state().complete());
            deactivated.set(r.steps().get(KeyRotation.DEACTIVATE).state().complete());
            deleted.set(r.steps().get(KeyRotation.DELETE).state().complete());
            if (created.get()) {
                newKeyId.set(r.steps().get(KeyRotation.CREATE).message());
            }
            message.set(next());
        }, fx).thenCompose(v -> refreshUse());
    }

    public CompletableFuture<Void> create() {
        return call(() -> rotation.create(user, oldKeyId)).thenAcceptAsync(k -> {
            newKeyId.set(k.accessKeyId());
            secretOnce.set(new String(k.secret()));
            k.wipe();
            created.set(true);
            message.set("New key " + k.accessKeyId() + " created. Copy its secret now: it is shown once. "
                    + "Then update every consumer of " + oldKeyId + " and watch the last use below.");
        }, fx).thenCompose(v -> refreshUse());
    }

    public void forgetSecret() {
        secretOnce.set("");
    }

    public CompletableFuture<Void> deactivate() {
        forgetSecret();
        return call(() -> rotation.deactivate(user, oldKeyId)).thenAcceptAsync(r -> {
            deactivated.set(true);
            message.set(r.message() + " Wait a confirmation period (a day is usual) for anything that breaks, then delete it.");
        }, fx).thenCompose(v -> refreshUse());
    }

    public CompletableFuture<Void> delete() {
        return call(() -> rotation.delete(user, oldKeyId)).thenAcceptAsync(r -> {
            deleted.set(r.state() == StepState.DONE || r.state() == StepState.SKIPPED);
            message.set(r.message() + " Rotation complete.");
        }, fx).thenCompose(v -> refreshUse());
    }

    public CompletableFuture<Void> refreshUse() {
        return call(() -> rotation.lastUse(user)).thenAcceptAsync((List<KeyRotation.KeyUse> u) -> uses.setAll(u), fx);
    }

    private String next() {
        if (deleted.get()) {
            return "Rotation complete.";
        }
        if (deactivated.get()) {
            return "The old key is inactive. Delete it once nothing has complained for the confirmation period.";
        }
        if (created.get()) {
            return "New key created. Update consumers, watch the last use, then deactivate the old key.";
        }
        return "Step 1: create a new key for " + user + ". Its secret is shown once and never stored.";
    }

    private interface Work<T> {
        T run() throws ActionException;
    }

    private <T> CompletableFuture<T> call(Work<T> work) {
        busy.set(true);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.run();
            } catch (ActionException e) {
                throw new CompletionException(e);
            }
        }, background).whenCompleteAsync((v, t) -> {
            busy.set(false);
            if (t != null) {
                Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
                error.set(c);
                message.set(c.getMessage());
            }
        }, fx);
    }
}
