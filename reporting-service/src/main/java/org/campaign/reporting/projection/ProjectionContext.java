package org.campaign.reporting.projection;

import org.bson.Document;

import java.time.ZoneId;

/** What a projection sees and changes while applying one event. */
public interface ProjectionContext {

    /** Where the record was read. */
    SourcePosition position();

    /** The time zone in which instants become calendar dates (weeks, months, overdue). */
    ZoneId zone();

    /** A copy of the fact of the event's aggregate, or {@code null} when the read model does not know it yet. */
    Document fact();

    /** Replaces the fact of the event's aggregate; the engine adds {@code lastSequence} and {@code lastEventId}. */
    void saveFact(Document fact);

    /** Adds {@code delta} to {@code field} of the counter {@code key}. */
    void count(CounterKey key, String field, long delta);

    /** Adds {@code member} to the set {@code (scope, kind, key)}; a member already in the set changes nothing. */
    void addToSet(String scope, String kind, String key, String member);
}
