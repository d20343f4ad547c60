package org.campaign.write.events;

import org.axonframework.serialization.RevisionResolver;
import org.campaign.contracts.EventContract;

/**
 * Takes an event's revision from its {@link EventContract} annotation, so that the event store, the upcasters
 * and the Kafka envelope all agree on one number, and the contracts module stays free of Axon.
 */
public class ContractRevisionResolver implements RevisionResolver {

    @Override
    public String revisionOf(Class<?> payloadType) {
        EventContract contract = payloadType.getAnnotation(EventContract.class);
        return contract == null ? null : contract.revision();
    }
}
