package org.campaign.reporting.report;

import org.campaign.reporting.live.ProjectionMonitor;
import org.campaign.reporting.projection.CounterKey;
import org.campaign.reporting.roster.RosterStatistics;
import org.campaign.reporting.store.MongoReadModelStore;
import org.campaign.reporting.store.ReadModelStore;
import org.springframework.stereotype.Component;

/**
 * The organisation tree of a read-model generation, cached until the live projection changes the roster (in an
 * instance that does not run it, for at most a few seconds); and the organisations' figures
 * ({@link OrganisationFigures}) of a scope, cached while the generation's store writes nothing, and after writes
 * brought up to date by reading again only the counters and sets they changed.
 * <p>
 * Every tree report — a subtree, the roots, coverage, satisfaction, rankings — sums the figures of all
 * organisations, which the store can only read by scanning. Dashboards ask for the same reports again and again,
 * most of the time with nothing written in between, and after each change all of them ask at once: they share
 * one read, and under a steady stream of events each change costs a read of the few documents it changed. (Only in
 * the instance that runs the live projection, which sees every write.)
 */
@Component
public class OrganisationTrees {

    private static final long MAX_AGE_MILLIS = 3_000;

    private record Cached(MongoReadModelStore store, long rosterVersion, long loadedAt, OrganisationTree tree) {
    }

    /** The figures of a scope (and review round) of a generation, against one tree (a new tree reads anew). */
    private record FiguresKey(String generation, String scope, String round, OrganisationTree tree) {
    }

    private static final int MAX_CACHED_FIGURES = 64;

    private final ProjectionMonitor monitor;
    private final LiveWrites writes;
    private final SharedReads<FiguresKey, OrganisationFigures> figures;
    private volatile Cached cached;

    OrganisationTrees(ProjectionMonitor monitor, LiveWrites writes) {
        this.monitor = monitor;
        this.writes = writes;
        this.figures = new SharedReads<>(writes, MAX_CACHED_FIGURES);
    }

    public OrganisationTree of(ReadModelStore store) {
        if (!(store instanceof MongoReadModelStore mongo)) {
            return OrganisationTree.of(store.facts(RosterStatistics.ORGANISATION_KIND));
        }
        Cached current = cached;
        long now = System.currentTimeMillis();
        long version = monitor.rosterVersion();
        if (current != null && current.store() == store && current.rosterVersion() == version
                && (writes.here() || now - current.loadedAt() < MAX_AGE_MILLIS)) {
            return current.tree();
        }
        OrganisationTree tree = OrganisationTree.of(store.facts(RosterStatistics.ORGANISATION_KIND));
        cached = new Cached(mongo, version, now, tree);
        return tree;
    }

    /** The figures of every organisation in the scope of {@code campaignId} (and review round) against {@code tree}. */
    OrganisationFigures figures(ReadModelStore store, OrganisationTree tree, String campaignId, String round) {
        if (!(store instanceof MongoReadModelStore mongo)) {
            return OrganisationFigures.load(store, tree, campaignId, round);
        }
        FiguresKey key = new FiguresKey(store.generation(), CounterKey.scopeFor(campaignId),
                round == null || round.isBlank() ? null : round, tree);
        return figures.get(mongo, key, () -> OrganisationFigures.load(store, tree, campaignId, round),
                (current, changes) -> current.refreshed(mongo, changes));
    }
}
