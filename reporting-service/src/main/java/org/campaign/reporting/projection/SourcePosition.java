package org.campaign.reporting.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where a record was read: topic, partition and offset. Offsets only grow within one topic-partition. */
public record SourcePosition(String topic, int partition, long offset) {

    public static SourcePosition of(ConsumerRecord<?, ?> record) {
        return new SourcePosition(record.topic(), record.partition(), record.offset());
    }

    /** The topic-partition as a MongoDB field name, e.g. {@code campaign:pledge-events@0}. */
    public String source() {
        return topic.replace('.', ':') + '@' + partition;
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
