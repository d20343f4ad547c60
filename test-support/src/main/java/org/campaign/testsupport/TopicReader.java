package org.campaign.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.EventJson;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads every event envelope on a topic from the beginning, without a consumer group, for tests that check what
 * the services published. Each call to {@link #envelopes()} first fetches whatever arrived since the last call.
 */
public final class TopicReader implements AutoCloseable {

    private static final ObjectMapper JSON = EventJson.newObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final List<EventEnvelope> envelopes = new ArrayList<>();
    private List<TopicPartition> assigned = List.of();

    private TopicReader(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        this.topic = topic;
    }

    /** A reader of {@code topic} on the shared test broker. */
    public static TopicReader of(String topic) {
        return new TopicReader(TestInfrastructure.shared().kafkaBootstrapServers(), topic);
    }

    /** A reader of {@code topic} on any broker. */
    public static TopicReader of(String bootstrapServers, String topic) {
        return new TopicReader(bootstrapServers, topic);
    }

    /** All envelopes read so far, in partition order, after fetching what has arrived. */
    public List<EventEnvelope> envelopes() {
        assignNewPartitions();
        while (true) {
            var records = consumer.poll(Duration.ofMillis(200));
            if (records.isEmpty()) {
                return List.copyOf(envelopes);
            }
            for (ConsumerRecord<String, String> record : records) {
                envelopes.add(read(record.value()));
            }
        }
    }

    private void assignNewPartitions() {
        Map<String, List<PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(10));
        List<TopicPartition> partitions = topics.getOrDefault(topic, List.of()).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        if (partitions.size() != assigned.size()) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            envelopes.clear();
            assigned = partitions;
        }
    }

    private static EventEnvelope read(String value) {
        try {
            return JSON.readValue(value, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not an event envelope: " + value, e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
