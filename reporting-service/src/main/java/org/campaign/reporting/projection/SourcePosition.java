package org.campaign.reporting.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Where a record was read: topic, partition and offset. Offsets only grow within one topic-partition. */
public record SourcePosition(String topic, int partition, long offset) {

    /** The names of the topic-partitions seen, by topic and partition: each record asks for its own. */
    private static final Map<String, String[]> SOURCES = new ConcurrentHashMap<>();
    private static final int MAX_TOPICS = 1_000;

    public static SourcePosition of(ConsumerRecord<?, ?> record) {
        return new SourcePosition(record.topic(), record.partition(), record.offset());
    }

    /** The topic-partition as a MongoDB field name, e.g. {@code campaign:pledge-events@0}. */
    public String source() {
        String[] ofTopic = SOURCES.get(topic);
        if (ofTopic != null && partition < ofTopic.length && ofTopic[partition] != null) {
            return ofTopic[partition];
        }
        String source = topic.replace('.', ':') + '@' + partition;
        String[] grown = ofTopic == null ? new String[partition + 1]
                : Arrays.copyOf(ofTopic, Math.max(ofTopic.length, partition + 1));
        grown[partition] = source;
        if (SOURCES.size() < MAX_TOPICS) {
            SOURCES.put(topic, grown);
        }
        return source;
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
