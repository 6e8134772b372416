package dev.palisade.core.inventory;

import dev.palisade.core.Fact;
import java.util.List;

/** The Google Workspace directory of {@code google.domain}. */
public record WorkspaceDirectory(String domain, Fact<List<WorkspaceUser>> users) {
}
