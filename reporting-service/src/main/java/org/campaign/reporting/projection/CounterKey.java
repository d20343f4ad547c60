package org.campaign.reporting.projection;

import java.util.List;

/**
 * One statistic: a scope (the whole district or one campaign), a dimension and its value, e.g.
 * {@code (campaign:cxzy-2010, sector, RURAL_VILLAGE)} or {@code (all, total, all)}. Which collection family the
 * statistic is kept in follows from its dimension ({@link CounterFamily#of}).
 */
public record CounterKey(String scope, String dimension, String key) {

    /** Scope of the figures over every campaign. */
    public static final String ALL = "all";
    /** Dimension of the grand total; its only key is {@link #ALL}. */
    public static final String TOTAL = "total";
    /** Key used when an event does not say which value of a dimension it belongs to. */
    public static final String UNKNOWN = "UNKNOWN";

    public CounterKey {
        key = key == null || key.isBlank() ? UNKNOWN : key;
    }

    /** The scope of the figures of one campaign. */
    public static String campaignScope(String campaignId) {
        return "campaign:" + campaignId;
    }

    /** The scopes an event of {@code campaignId} counts in: the whole district and, when given, the campaign. */
    public static List<String> scopesOf(String campaignId) {
        return campaignId == null || campaignId.isBlank() ? List.of(ALL) : List.of(ALL, campaignScope(campaignId));
    }

    /** The scope to read for a report, or {@link #ALL} when no campaign is asked for. */
    public static String scopeFor(String campaignId) {
        return campaignId == null || campaignId.isBlank() ? ALL : campaignScope(campaignId);
    }

    public CounterFamily family() {
        return CounterFamily.of(dimension);
    }
}
