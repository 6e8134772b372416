package dev.palisade.ui.common;

import dev.palisade.core.Finding;
import dev.palisade.core.Severity;
import dev.palisade.core.Status;
import dev.palisade.core.check.CheckEngine;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** A filterable list of findings (status, minimum severity, environment, text) with a selection. */
public final class FindingsViewModel {
    /** The status filter's choices. */
    public enum StatusFilter {
        OPEN("Open (fail + error)"), FAIL("Fail"), ERROR("Error"), MUTED("Muted"), PASS("Pass"), ALL("All");

        private final String label;

        StatusFilter(String label) {
            this.label = label;
        }

        public boolean test(Status s) {
            return switch (this) {
                case OPEN -> s == Status.FAIL || s == Status.ERROR;
                case FAIL -> s == Status.FAIL;
                case ERROR -> s == Status.ERROR;
                case MUTED -> s == Status.MUTED;
                case PASS -> s == Status.PASS;
                case ALL -> true;
            };
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public static final String ANY_ENV = "Any environment";

    private final Predicate<Finding> scope;
    private final ObservableList<Finding> all = FXCollections.observableArrayList();
    private final FilteredList<Finding> shown = new FilteredList<>(all);
    private final ObjectProperty<StatusFilter> status = new SimpleObjectProperty<>(StatusFilter.OPEN);
    private final ObjectProperty<Severity> minSeverity = new SimpleObjectProperty<>();
    private final StringProperty env = new SimpleStringProperty(ANY_ENV);
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<String> envs = FXCollections.observableArrayList(ANY_ENV);
    private final ObjectProperty<Finding> selected = new SimpleObjectProperty<>();

    /** @param scope which findings this list is about (e.g. checks starting with {@code s3.}) */
    public FindingsViewModel(Predicate<Finding> scope) {
        this.scope = scope;
        status.addListener((o, a, b) -> refilter());
        minSeverity.addListener((o, a, b) -> refilter());
        env.addListener((o, a, b) -> refilter());
        text.addListener((o, a, b) -> refilter());
        refilter();
    }

    /** Findings whose check id starts with any of {@code prefixes}. */
    public static Predicate<Finding> checks(String... prefixes) {
        return f -> {
            for (String p : prefixes) {
                if (f.check().startsWith(p)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Replaces the findings, keeping the selection when the same finding is still there. */
    public void setFindings(List<Finding> findings) {
        Finding sel = selected.get();
        List<Finding> mine = findings.stream().filter(scope).sorted(CheckEngine.ORDER).toList();
        all.setAll(mine);
        TreeSet<String> e = new TreeSet<>();
        mine.forEach(f -> {
            if (f.env() != null) {
                e.add(f.env());
            }
        });
        String keep = env.get();
        List<String> next = new java.util.ArrayList<>();
        next.add(ANY_ENV);
        next.addAll(e);
        if (!next.equals(envs)) {
            envs.setAll(next);
        }
        env.set(keep != null && envs.contains(keep) ? keep : ANY_ENV);
        selected.set(sel == null ? null : mine.stream().filter(f -> f.key().equals(sel.key())).findFirst().orElse(null));
    }

    private void refilter() {
        StatusFilter st = status.get();
        Severity sev = minSeverity.get();
        String en = env.get();
        String q = text.get() == null ? "" : text.get().strip().toLowerCase(Locale.ROOT);
        shown.setPredicate(f -> (st == null || st.test(f.status()))
                && (sev == null || f.severity().atLeast(sev))
                && (en == null || ANY_ENV.equals(en) || Objects.equals(en, f.env()))
                && (q.isEmpty() || haystack(f).contains(q)));
    }

    private static String haystack(Finding f) {
        return (f.check() + " " + f.message() + " " + f.resource().name() + " " + f.resource().id() + " "
                + (f.env() == null ? "" : f.env()) + " " + (f.triage() == null ? "" : f.triage().owner() + " " + f.triage().note()))
                .toLowerCase(Locale.ROOT);
    }

    public ObservableList<Finding> all() {
        return all;
    }

    public FilteredList<Finding> shown() {
        return shown;
    }

    public ObjectProperty<StatusFilter> statusProperty() {
        return status;
    }

    public ObjectProperty<Severity> minSeverityProperty() {
        return minSeverity;
    }

    public StringProperty envProperty() {
        return env;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObservableList<String> envs() {
        return envs;
    }

    public ObjectProperty<Finding> selectedProperty() {
        return selected;
    }
}
