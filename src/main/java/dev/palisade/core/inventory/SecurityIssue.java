package dev.palisade.core.inventory;

import java.time.Instant;
import java.util.List;

/**
 * An open issue carrying a security label (pull requests excluded).
 *
 * @param url      the issue's html URL (its resource id)
 * @param severity {@code critical}, {@code high}, {@code medium}, {@code low} from a label, or null
 */
public record SecurityIssue(String url, String repository, int number, String title, List<String> labels,
                            String severity, Instant createdAt, String assignee, String author) {
}
