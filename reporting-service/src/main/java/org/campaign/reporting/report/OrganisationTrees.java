package org.campaign.reporting.report;

import org.campaign.reporting.live.ProjectionMonitor;
import org.campaign.reporting.projection.CounterKey;
import org.campaign.reporting.projection.ProjectionListener;
import org.campaign.reporting.roster.RosterStatistics;
import org.campaign.reporting.store.MongoReadModelStore;
import org.campaign.reporting.store.ReadModelStore;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organisation tree of a read-model generation, cached while its store writes nothing, and otherwise until the
 * live projection changes the roster or for at most a few seconds; and the organisations' figures
 * ({@link OrganisationFigures}) of a scope, cached until the generation's store writes again.
 * <p>
 * Every tree report — a subtree, the roots, coverage, satisfaction, rankings — sums the figures of all
 * organisations, which the store can only read by scanning. Dashboards ask for the same reports again and again,
 * most of the time with nothing written in between, and after each change all of them ask at once: they share
 * one read. (Only in the instance that runs the live projection, which sees every write.)
 */
@Component
public class OrganisationTrees {

    private static final long MAX_AGE_MILLIS = 3_000;

    private record Cached(MongoReadModelStore store, long rosterVersion, long storeVersion, long loadedAt,
                          OrganisationTree tree) {
    }

    private record FiguresKey(String generation, String scope, String round) {
    }

    private record CachedFigures(MongoReadModelStore store, long storeVersion, OrganisationTree tree,
                                 OrganisationFigures figures) {
    }

    private static final int MAX_CACHED_FIGURES = 64;
    private final Map<FiguresKey, CachedFigures> figures = new ConcurrentHashMap<>();

    private final ProjectionMonitor monitor;
    private final KafkaListenerEndpointRegistry listeners;
    private volatile Cached cached;

    public OrganisationTrees(ProjectionMonitor monitor, KafkaListenerEndpointRegistry listeners) {
        this.monitor = monitor;
        this.listeners = listeners;
    }

    /**
     * The store's {@linkplain MongoReadModelStore#settledVersion settled version}, when this process runs the live
     * projection (and so makes every write of the active generation); otherwise -1, and nothing is shared by it: an
     * instance that only serves queries cannot see the writes of another.
     */
    private long settledVersion(MongoReadModelStore store) {
        MessageListenerContainer live = listeners.getListenerContainer(ProjectionListener.LISTENER_ID);
        return live != null && live.isRunning() ? store.settledVersion() : -1;
    }

    public OrganisationTree of(ReadModelStore store) {
        if (!(store instanceof MongoReadModelStore mongo)) {
            return OrganisationTree.of(store.facts(RosterStatistics.ORGANISATION_KIND));
        }
        Cached current = cached;
        long now = System.currentTimeMillis();
        long version = monitor.rosterVersion();
        long storeVersion = settledVersion(mongo);
        if (current != null && current.store() == store && (storeVersion >= 0 && current.storeVersion() == storeVersion
                || current.rosterVersion() == version && now - current.loadedAt() < MAX_AGE_MILLIS)) {
            return current.tree();
        }
        OrganisationTree tree = OrganisationTree.of(store.facts(RosterStatistics.ORGANISATION_KIND));
        cached = new Cached(mongo, version, storeVersion, now, tree);
        return tree;
    }

    /** The figures of every organisation in the scope of {@code campaignId} (and review round) against {@code tree}. */
    OrganisationFigures figures(ReadModelStore store, OrganisationTree tree, String campaignId, String round) {
        if (!(store instanceof MongoReadModelStore mongo)) {
            return new OrganisationFigures(store, tree, campaignId, round);
        }
        FiguresKey key = new FiguresKey(store.generation(), CounterKey.scopeFor(campaignId),
                round == null || round.isBlank() ? null : round);
        long version = settledVersion(mongo);
        CachedFigures current = figures.get(key);
        if (version >= 0 && current != null && current.store() == store && current.storeVersion() == version
                && current.tree() == tree) {
            return current.figures();
        }
        OrganisationFigures loaded = new OrganisationFigures(store, tree, campaignId, round);
        if (version < 0) {
            return loaded;
        }
        if (figures.size() >= MAX_CACHED_FIGURES) {
            figures.clear();
        }
        figures.put(key, new CachedFigures(mongo, version, tree, loaded));
        return loaded;
    }
}
