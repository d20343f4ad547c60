package org.campaign.reporting.projection;

import org.campaign.contracts.EventEnvelope;

import java.util.Set;

/**
 * Applies events of some types to the read model through a {@link ProjectionContext}, exactly once per event.
 * <p>
 * Every event belongs to one aggregate (a pledge, a review, an organisation…), whose <i>fact</i> — what the read
 * model knows of it, of kind {@link #factKind()} — the engine loads before the event and saves after it with the
 * event's sequence. Events at or below the fact's {@code lastSequence} were applied before and never reach
 * {@link #project}. A projection only changes counters of its own aggregate's contribution, and sets (which are
 * idempotent by member); it never writes another aggregate's fact, so records of different partitions never
 * write the same document except through sets.
 */
public interface EventProjection {

    /** The envelope {@code type} values this projection handles, e.g. {@code PledgeMade}. */
    Set<String> eventTypes();

    /** Kind of the facts of the aggregates this projection handles, e.g. {@code pledge}. */
    String factKind();

    /**
     * Applies one event. The projection must throw before changing anything in {@code context} when the event
     * cannot be applied; changes made before an exception are discarded anyway.
     *
     * @throws UnprojectableEventException when the event can never be applied
     */
    void project(EventEnvelope event, ProjectionContext context);
}
