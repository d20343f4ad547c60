package org.campaign.localinfra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LocalKafkaTest {

    @TempDir
    Path dataDir;

    @Test
    void producesAndConsumesOnFreshTopic() throws Exception {
        try (LocalKafka kafka = LocalKafka.start(dataDir, 0)) {
            assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
            send(kafka, "fresh", "k", "hello");
            assertThat(readAll(kafka, "fresh", 1)).containsExactly("hello");
        }
    }

    @Test
    void keepsRecordsAcrossRestartWithSameDirectory() throws Exception {
        try (LocalKafka kafka = LocalKafka.start(dataDir, 0)) {
            send(kafka, "durable", "k", "before-restart");
        }
        try (LocalKafka kafka = LocalKafka.start(dataDir, 0)) {
            send(kafka, "durable", "k", "after-restart");
            assertThat(readAll(kafka, "durable", 2)).containsExactly("before-restart", "after-restart");
        }
    }

    private static void send(LocalKafka kafka, String topic, String key, String value) throws Exception {
        Map<String, Object> conf = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(conf)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<String> readAll(LocalKafka kafka, String topic, int expected) {
        Map<String, Object> conf = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(conf)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
