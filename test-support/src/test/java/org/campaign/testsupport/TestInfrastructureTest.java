package org.campaign.testsupport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.campaign.testsupport.Eventually.eventually;

class TestInfrastructureTest {

    private final TestInfrastructure infra = TestInfrastructure.shared();

    @Test
    void kafkaRoundTrip() throws Exception {
        String topic = "round-trip-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "pledge-1", "created")).get();
        }
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "g-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            eventually(Duration.ofSeconds(30), () -> {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> values.add(r.value()));
                assertThat(values).containsExactly("created");
            });
        }
    }

    @Test
    void mongoRoundTrip() {
        try (MongoClient client = MongoClients.create(infra.mongoUri("round-trip"))) {
            MongoCollection<Document> pledges = client.getDatabase("round-trip").getCollection("pledges");
            pledges.insertOne(new Document("_id", "pledge-1").append("amount", 25));
            assertThat(pledges.find(new Document("_id", "pledge-1")).first()).containsEntry("amount", 25);
        }
        assertThat(infra.mongoUri("db")).isEqualTo(infra.mongoConnectionString() + "/db");
    }

    @Test
    void modeResolution() {
        assertThat(TestInfrastructure.resolveMode(null, () -> true)).isEqualTo("docker");
        assertThat(TestInfrastructure.resolveMode("auto", () -> false)).isEqualTo("embedded");
        assertThat(TestInfrastructure.resolveMode("EMBEDDED", () -> true)).isEqualTo("embedded");
        assertThatThrownBy(() -> TestInfrastructure.resolveMode("docker", () -> false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Docker engine");
        assertThatThrownBy(() -> TestInfrastructure.resolveMode("podman", () -> true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
