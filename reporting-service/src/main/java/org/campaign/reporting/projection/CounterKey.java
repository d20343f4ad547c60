package org.campaign.reporting.projection;

import java.util.List;

/**
 * One statistic: a scope (the whole district or one campaign), a dimension and its value, e.g.
 * {@code (campaign:cxzy-2010, sector, RURAL_VILLAGE)} or {@code (all, total, all)}. Which collection family the
 * statistic is kept in follows from its dimension ({@link CounterFamily#of}).
 * <p>
 * A value class rather than a record only to keep its hash: replaying a topic looks keys up some hundred million
 * times.
 */
public final class CounterKey {

    /** Scope of the figures over every campaign. */
    public static final String ALL = "all";
    /** Dimension of the grand total; its only key is {@link #ALL}. */
    public static final String TOTAL = "total";
    /** Key used when an event does not say which value of a dimension it belongs to. */
    public static final String UNKNOWN = "UNKNOWN";

    private static final List<String> DISTRICT = List.of(ALL);
    /** The scopes of the campaigns seen (a handful), so that each event does not build its campaign's name again. */
    private static final BoundedCache<String, List<String>> SCOPES = new BoundedCache<>(10_000);

    private final String scope;
    private final String dimension;
    private final String key;
    private final int hash;

    public CounterKey(String scope, String dimension, String key) {
        this.scope = scope;
        this.dimension = dimension;
        this.key = key == null || key.isBlank() ? UNKNOWN : key;
        this.hash = (scope.hashCode() * 31 + dimension.hashCode()) * 31 + this.key.hashCode();
    }

    public String scope() {
        return scope;
    }

    public String dimension() {
        return dimension;
    }

    public String key() {
        return key;
    }

    /** The scope of the figures of one campaign. */
    public static String campaignScope(String campaignId) {
        return "campaign:" + campaignId;
    }

    /** The scopes an event of {@code campaignId} counts in: the whole district and, when given, the campaign. */
    public static List<String> scopesOf(String campaignId) {
        if (campaignId == null || campaignId.isBlank()) {
            return DISTRICT;
        }
        return SCOPES.get(campaignId, campaign -> List.of(ALL, campaignScope(campaign)));
    }

    /** The scope to read for a report, or {@link #ALL} when no campaign is asked for. */
    public static String scopeFor(String campaignId) {
        return campaignId == null || campaignId.isBlank() ? ALL : campaignScope(campaignId);
    }

    public CounterFamily family() {
        return CounterFamily.of(dimension);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof CounterKey that && hash == that.hash && key.equals(that.key)
                && dimension.equals(that.dimension) && scope.equals(that.scope);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "CounterKey[scope=" + scope + ", dimension=" + dimension + ", key=" + key + "]";
    }
}
