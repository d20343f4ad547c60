package org.campaign.reporting.projection;

import org.bson.Document;

import java.time.ZoneId;
import java.util.List;

/** What a projection sees and changes while applying one event. */
public interface ProjectionContext {

    /** Where the record was read. */
    SourcePosition position();

    /** The time zone in which instants become calendar dates (weeks, months, overdue). */
    ZoneId zone();

    /**
     * The fact of the event's aggregate, or {@code null} when the read model does not know it yet. It must not be
     * changed: a projection saves a changed copy ({@link #saveFact}).
     */
    Document fact();

    /**
     * Replaces the fact of the event's aggregate; the engine adds {@code lastSequence} and {@code lastEventId}. The
     * engine keeps {@code fact} itself: it must not be changed afterwards.
     */
    void saveFact(Document fact);

    /** Adds {@code delta} to {@code field} of the counter {@code key}. */
    default void count(CounterKey key, String field, long delta) {
        count(List.of(key), field, delta);
    }

    /** Adds {@code delta} to {@code field} of every counter in {@code keys} (each key at most once). */
    void count(List<CounterKey> keys, String field, long delta);

    /** Adds {@code member} to the set {@code (scope, kind, key)}; a member already in the set changes nothing. */
    void addToSet(String scope, String kind, String key, String member);
}
