package dev.palisade.ui.audit;

import dev.palisade.store.AuditEntry;
import dev.palisade.ui.shell.ShellViewModel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The audit log and whether its hash chain verifies; reads off the FX thread. */
public final class AuditViewModel {
    /** Chain state: not checked yet, intact, or broken at an entry. */
    public record ChainState(boolean checked, AuditEntry firstBroken, int entries) {
        public boolean intact() {
            return checked && firstBroken == null;
        }

        public String text() {
            if (!checked) {
                return "Verifying chain…";
            }
            return firstBroken == null ? "Chain verified: " + entries + " entries, none altered"
                    : "Chain broken at entry #" + firstBroken.seq() + " (" + firstBroken.action() + "): from here on, an entry"
                            + " was edited, deleted or reordered, or the log was rolled back to an older copy";
        }
    }

    private final ShellViewModel shell;
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<AuditEntry> shown = new FilteredList<>(entries);
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<ChainState> chain = new SimpleObjectProperty<>(new ChainState(false, null, 0));

    public AuditViewModel(ShellViewModel shell) {
        this.shell = shell;
        text.addListener((o, a, b) -> {
            String q = b == null ? "" : b.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(e -> q.isEmpty() || (e.actor() + " " + e.action() + " " + e.target() + " " + e.outcome() + " " + e.details())
                    .toLowerCase(Locale.ROOT).contains(q));
        });
    }

    private record Loaded(List<AuditEntry> entries, Optional<AuditEntry> broken) {
    }

    public CompletableFuture<Void> refresh() {
        return shell.tasks().io(() -> new Loaded(shell.workspace().audit().entries(), shell.workspace().audit().firstBroken()))
                .thenAcceptAsync(l -> {
                    List<AuditEntry> newestFirst = new java.util.ArrayList<>(l.entries());
                    java.util.Collections.reverse(newestFirst);
                    entries.setAll(newestFirst);
                    chain.set(new ChainState(true, l.broken().orElse(null), l.entries().size()));
                }, shell.fx())
                .whenComplete((v, t) -> {
                    if (t != null) {
                        shell.report("Could not read the audit log", t);
                    }
                });
    }

    public ObservableList<AuditEntry> entries() {
        return entries;
    }

    public FilteredList<AuditEntry> shown() {
        return shown;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<ChainState> chainProperty() {
        return chain;
    }
}
