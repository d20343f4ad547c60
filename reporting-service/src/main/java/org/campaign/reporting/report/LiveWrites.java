package org.campaign.reporting.report;

import org.campaign.reporting.projection.ProjectionListener;
import org.campaign.reporting.store.MongoReadModelStore;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Whether this process runs the live projection, and so makes (and sees) every write of the active generation:
 * only then may figures read once be shared between requests and brought up to date from what the store's later
 * writes changed ({@link MongoReadModelStore#changesSince}). An instance that only serves queries cannot see the
 * writes of another, and shares nothing.
 */
@Component
class LiveWrites {

    private final KafkaListenerEndpointRegistry listeners;

    LiveWrites(KafkaListenerEndpointRegistry listeners) {
        this.listeners = listeners;
    }

    boolean here() {
        MessageListenerContainer live = listeners.getListenerContainer(ProjectionListener.LISTENER_ID);
        return live != null && live.isRunning();
    }

    /** The store's {@linkplain MongoReadModelStore#version version} when the writes are {@link #here}, otherwise -1. */
    long version(MongoReadModelStore store) {
        return here() ? store.version() : -1;
    }
}
