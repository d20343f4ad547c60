package org.campaign.reporting.projection;

import java.util.Set;

/**
 * Counters are kept in three collections, so that a report reads only the documents it needs (the in-process
 * MongoDB-compatible server has no secondary indexes, so every non-{@code _id} query scans a collection):
 * <ul>
 *     <li>{@link #STATS}: the district-wide breakdowns (total, sector, township, kind, rating, grade…) — a few
 *     hundred documents per scope, whatever the number of pledges;</li>
 *     <li>{@link #SERIES}: figures per ISO week, month and due date, also per slice (a township or a sector:
 *     {@link #sliced});</li>
 *     <li>{@link #ORGANISATION}: figures per organisation, rolled up along the roster tree when a node is asked for.</li>
 * </ul>
 */
public enum CounterFamily {
    STATS("stats"),
    SERIES("series"),
    ORGANISATION("org_stats");

    /** Dimension of the per-organisation figures; its keys are organisation ids. */
    public static final String ORGANISATION_DIMENSION = "organisation";
    public static final String WEEK = "week";
    public static final String MONTH = "month";
    /** Open rectifications by the date they are due; overdue = the sum over the dates before today. */
    public static final String RECTIFICATION_DUE = "rectificationDue";

    private static final char SLICE_SEPARATOR = '@';
    private static final Set<String> SERIES_DIMENSIONS = Set.of(WEEK, MONTH, RECTIFICATION_DUE);

    private final String collection;

    CounterFamily(String collection) {
        this.collection = collection;
    }

    /** Base name of the family's collection; the generation's suffix is added by the store. */
    public String collection() {
        return collection;
    }

    public static CounterFamily of(String dimension) {
        if (ORGANISATION_DIMENSION.equals(dimension)) {
            return ORGANISATION;
        }
        int slice = dimension.indexOf(SLICE_SEPARATOR);
        return SERIES_DIMENSIONS.contains(slice < 0 ? dimension : dimension.substring(0, slice)) ? SERIES : STATS;
    }

    /**
     * A series dimension restricted to one value of another dimension, e.g. {@code month@township=east-township}:
     * the pledges of one township per month.
     */
    public static String sliced(String seriesDimension, String dimension, String value) {
        return seriesDimension + SLICE_SEPARATOR + dimension + "=" + value;
    }
}
