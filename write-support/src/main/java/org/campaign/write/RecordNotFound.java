package org.campaign.write;

import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * A record a request names in its path that does not exist (404), named as the service knows it: {@code "No
 * organisation x"}. An Axon {@link AggregateNotFoundException} of the event store itself (a command whose target has
 * no events) only knows the id: {@link #detail} names both kinds the same way.
 */
public class RecordNotFound extends AggregateNotFoundException {

    private RecordNotFound(String id, String detail) {
        super(id, detail);
    }

    /** {@code "No <what> <id>"}, e.g. {@code of("organisation", "x")}. */
    public static RecordNotFound of(String what, String id) {
        return new RecordNotFound(id, "No " + what + " " + id);
    }

    /** What a 404 says about a missing record: the service's own words, or else the id the event store missed. */
    public static String detail(AggregateNotFoundException notFound) {
        return notFound instanceof RecordNotFound ? notFound.getMessage()
                : "No record with id " + notFound.getAggregateIdentifier();
    }
}
