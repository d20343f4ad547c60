package org.campaign.reporting.report;

import org.campaign.reporting.live.ProjectionMonitor;
import org.campaign.reporting.roster.RosterStatistics;
import org.campaign.reporting.store.MongoReadModelStore;
import org.campaign.reporting.store.ReadModelStore;
import org.springframework.stereotype.Component;

/**
 * The organisation tree of a read-model generation, cached until the live projection changes the roster (or for
 * at most a few seconds, for changes made by another instance or a rebuild).
 */
@Component
public class OrganisationTrees {

    private static final long MAX_AGE_MILLIS = 3_000;

    private record Cached(String generation, long rosterVersion, long loadedAt, OrganisationTree tree) {
    }

    private final ProjectionMonitor monitor;
    private volatile Cached cached;

    public OrganisationTrees(ProjectionMonitor monitor) {
        this.monitor = monitor;
    }

    public OrganisationTree of(ReadModelStore store) {
        if (!(store instanceof MongoReadModelStore)) {
            return OrganisationTree.of(store.facts(RosterStatistics.ORGANISATION_KIND));
        }
        Cached current = cached;
        long now = System.currentTimeMillis();
        long version = monitor.rosterVersion();
        if (current != null && current.generation().equals(store.generation()) && current.rosterVersion() == version
                && now - current.loadedAt() < MAX_AGE_MILLIS) {
            return current.tree();
        }
        OrganisationTree tree = OrganisationTree.of(store.facts(RosterStatistics.ORGANISATION_KIND));
        cached = new Cached(store.generation(), version, now, tree);
        return tree;
    }
}
