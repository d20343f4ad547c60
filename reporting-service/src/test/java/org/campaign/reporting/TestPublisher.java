package org.campaign.reporting;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.campaign.contracts.EventEnvelope;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A plain Kafka producer publishing envelopes the way the write services do: key = aggregate id. */
public final class TestPublisher implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;

    public TestPublisher(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0), new ByteArraySerializer(), new ByteArraySerializer());
    }

    public RecordMetadata publish(String topic, EventEnvelope envelope) {
        return publishRaw(topic, envelope.aggregateId(), TestEvents.json(envelope));
    }

    public RecordMetadata publishRaw(String topic, String key, String value) {
        return publishBytes(topic, key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }

    public RecordMetadata publishBytes(String topic, byte[] key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
