package org.campaign.reporting.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where a record was read: topic, partition and offset. Offsets only grow within one topic-partition. */
public record SourcePosition(String topic, int partition, long offset) {

    public static SourcePosition of(ConsumerRecord<?, ?> record) {
        return new SourcePosition(record.topic(), record.partition(), record.offset());
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
