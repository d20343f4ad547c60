package org.campaign.write;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of a write service's event store and its publication to Kafka.
 *
 * @param topic             the Kafka topic this service publishes its events to
 * @param partitions        partitions of that topic when it is created
 * @param trackingLookBack  how far back a Mongo tracking token keeps looking for late commits
 * @param publishBatchSize  events per publishing batch (one token update per batch)
 * @param ackTimeout        how long to wait for Kafka to acknowledge a batch before retrying it
 */
@ConfigurationProperties("campaign.events")
public record WriteSideProperties(String topic, Integer partitions, Duration trackingLookBack,
                                  Integer publishBatchSize, Duration ackTimeout) {

    public WriteSideProperties {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("campaign.events.topic must name the service's Kafka topic");
        }
        partitions = partitions == null ? 6 : partitions;
        trackingLookBack = trackingLookBack == null ? Duration.ofSeconds(5) : trackingLookBack;
        publishBatchSize = publishBatchSize == null ? 200 : publishBatchSize;
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(30) : ackTimeout;
    }
}
