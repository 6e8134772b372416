package dev.palisade.ui.shell;

/** The sidebar's screens, in order; Ctrl+1..9 select them. */
public enum Screen {
    OVERVIEW("Overview"),
    ENVIRONMENTS("Environments"),
    BUCKETS("Buckets"),
    CERTIFICATES("Certificates"),
    ISSUES("Security issues"),
    ACCESS("Access"),
    SNAPSHOTS("Snapshots"),
    AUDIT("Audit log");

    private final String title;

    Screen(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** "Ctrl+1" … */
    public String shortcut() {
        return "Ctrl+" + (ordinal() + 1);
    }
}
