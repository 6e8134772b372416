package dev.palisade.core.inventory;

import java.util.List;

/**
 * Everything a scan collected. A field that is {@code null} (or an empty {@code aws} list) means
 * that source was not part of this scan (for example {@code scan --only tls}); its checks then
 * report nothing. A source that was part of the scan but failed is present with unknown
 * {@link dev.palisade.core.Fact}s, and its checks report ERROR.
 *
 * @param aws        one entry per configured environment with an {@code aws:} block
 * @param tls        live TLS endpoints of {@code domains:}
 * @param google     the Workspace directory
 * @param github     the GitHub organization
 * @param identities people and the accounts linked to them; derived by the core from the rest and
 *                   the {@code people:} configuration, kept so a stored snapshot reads the same offline
 */
public record Inventory(List<AwsEnvironment> aws, TlsInventory tls, WorkspaceDirectory google,
                        GitHubOrg github, Identities identities) {
    public Inventory {
        aws = aws == null ? List.of() : List.copyOf(aws);
    }

    public static Inventory empty() {
        return new Inventory(List.of(), null, null, null, null);
    }

    public Inventory withIdentities(Identities ids) {
        return new Inventory(aws, tls, google, github, ids);
    }

    /** Combines two partial inventories (from different collectors): AWS lists concatenate, other fields take the non-null one. */
    public Inventory merge(Inventory other) {
        var awsAll = new java.util.ArrayList<>(aws);
        awsAll.addAll(other.aws);
        return new Inventory(awsAll,
                tls != null ? tls : other.tls,
                google != null ? google : other.google,
                github != null ? github : other.github,
                identities != null ? identities : other.identities);
    }
}
