package dev.palisade.core.check;

/** The dashboards a check's findings appear on. */
public enum Area {
    ENVIRONMENTS("Environments"),
    BUCKETS("Buckets"),
    CERTIFICATES("Certificates"),
    ISSUES("Security issues"),
    ACCESS("Access");

    private final String title;

    Area(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
