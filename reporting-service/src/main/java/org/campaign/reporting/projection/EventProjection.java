package org.campaign.reporting.projection;

import org.campaign.contracts.EventEnvelope;

import java.util.Set;

/** Applies events of some types to a read model, exactly once per event even when records are redelivered. */
public interface EventProjection {

    /** The envelope {@code type} values this projection handles, e.g. {@code PledgeMade}. */
    Set<String> eventTypes();

    /**
     * Applies one event read at {@code position}.
     *
     * @throws UnprojectableEventException when the event can never be applied
     */
    void project(EventEnvelope event, SourcePosition position);
}
