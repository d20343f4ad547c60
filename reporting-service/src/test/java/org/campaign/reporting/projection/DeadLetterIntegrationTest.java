package org.campaign.reporting.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.pledge.Sector;
import org.campaign.reporting.TestEvents;
import org.campaign.reporting.TestPublisher;
import org.campaign.reporting.audit.EventLog;
import org.campaign.testsupport.WithTestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.reporting.TestEvents.campaignDefined;
import static org.campaign.reporting.TestEvents.organisationPledge;
import static org.campaign.reporting.TestEvents.pledgeFulfilled;
import static org.campaign.reporting.TestEvents.uniqueId;
import static org.campaign.testsupport.Eventually.eventually;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;

/**
 * Records that can never be projected go to the dead-letter topic, once each even when their batch is retried, and
 * projection carries on after them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithTestInfrastructure
class DeadLetterIntegrationTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ReportingTopics topics;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @MockitoSpyBean
    EventLog eventLog;

    @Test
    void unprojectableRecordsAreDeadLetteredAndLaterEventsStillCount() {
        String campaign = uniqueId("dlt");
        // Not JSON, nor even UTF-8 (0xFF never occurs in UTF-8), its key neither: it must reach the dead-letter topic
        // as it was.
        byte[] malformed = {'{', '"', 'e', (byte) 0xFF, (byte) 0xFE, '"', ':'};
        byte[] brokenKey = {'k', (byte) 0xFF};
        EventEnvelope good = organisationPledge(campaign, uniqueId("p"), Sector.NON_PUBLIC_ENTERPRISE, "T09");
        EventEnvelope badPayload = organisationPledge(campaign, uniqueId("p"), Sector.NON_PUBLIC_ENTERPRISE, "T09");
        ((ObjectNode) badPayload.payload().get("pledger")).put("sector", "NOT_A_SECTOR");
        EventEnvelope orphan = pledgeFulfilled(uniqueId("ghost"), 1);

        RecordMetadata malformedAt;
        RecordMetadata badPayloadAt;
        RecordMetadata orphanAt;
        try (TestPublisher publisher = new TestPublisher(bootstrapServers)) {
            publisher.publish(topics.pledgeEvents(), campaignDefined(campaign));
            malformedAt = publisher.publishBytes(topics.pledgeEvents(), brokenKey, malformed);
            badPayloadAt = publisher.publish(topics.pledgeEvents(), badPayload);
            orphanAt = publisher.publish(topics.pledgeEvents(), orphan);
            publisher.publish(topics.pledgeEvents(), good);
        }

        eventually(TIMEOUT, () -> {
            JsonNode summary = rest.getForObject("/api/reports/pledges/summary?campaignId={id}", JsonNode.class,
                    campaign);
            assertThat(summary.get("made").asLong()).isEqualTo(1);
        });

        try (KafkaConsumer<byte[], byte[]> consumer = deadLetterConsumer()) {
            List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
            eventually(TIMEOUT, () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (topics.pledgeEvents().equals(text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC))) {
                        deadLetters.add(record);
                    }
                });
                assertThat(deadLetters).hasSizeGreaterThanOrEqualTo(3);
            });

            ConsumerRecord<byte[], byte[]> first = at(deadLetters, malformedAt.offset());
            assertThat(first.key()).isEqualTo(brokenKey);
            assertThat(first.value()).isEqualTo(malformed);
            assertThat(text(first, KafkaProjectionConfiguration.REASON_HEADER)).startsWith("Malformed record");
            assertThat(header(first, KafkaHeaders.DLT_ORIGINAL_PARTITION)).isNotNull();

            ConsumerRecord<byte[], byte[]> second = at(deadLetters, badPayloadAt.offset());
            assertThat(text(second.value())).isEqualTo(TestEvents.json(badPayload));
            assertThat(text(second, KafkaProjectionConfiguration.REASON_HEADER))
                    .contains("Unreadable PledgeMade payload").contains("NOT_A_SECTOR");

            ConsumerRecord<byte[], byte[]> third = at(deadLetters, orphanAt.offset());
            assertThat(text(third.value())).isEqualTo(TestEvents.json(orphan));
            assertThat(text(third, KafkaProjectionConfiguration.REASON_HEADER)).contains("unknown pledge");
        }
    }

    @Test
    void aBatchRetriedAfterTheEventLogFailedDeadLettersItsRecordsOnce() {
        String campaign = uniqueId("dlt-retry");
        EventEnvelope orphan = pledgeFulfilled(uniqueId("ghost"), 1);
        EventEnvelope good = organisationPledge(campaign, uniqueId("p"), Sector.NON_PUBLIC_ENTERPRISE, "T09");
        AtomicBoolean failed = new AtomicBoolean();
        doAnswer(call -> {
            List<BatchProjector.Applied> events = call.getArgument(0);
            if (events.stream().anyMatch(applied -> applied.event().eventId().equals(orphan.eventId()))
                    && failed.compareAndSet(false, true)) {
                throw new IllegalStateException("event log unavailable");
            }
            return call.callRealMethod();
        }).when(eventLog).append(anyList());

        RecordMetadata orphanAt;
        try (TestPublisher publisher = new TestPublisher(bootstrapServers)) {
            publisher.publish(topics.pledgeEvents(), campaignDefined(campaign));
            orphanAt = publisher.publish(topics.pledgeEvents(), orphan);
            publisher.publish(topics.pledgeEvents(), good);
        }
        eventually(TIMEOUT, () -> {
            assertThat(rest.getForObject("/api/reports/pledges/summary?campaignId={id}", JsonNode.class, campaign)
                    .get("made").asLong()).isEqualTo(1);
            assertThat(rest.getForObject("/api/reports/lag", JsonNode.class).get("totalLag").asLong()).isZero();
        });
        assertThat(failed).as("the batch of the orphan failed once and was retried").isTrue();

        try (KafkaConsumer<byte[], byte[]> consumer = deadLetterConsumer()) {
            List<Long> offsetsOfOrphan = new ArrayList<>();
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (TestEvents.json(orphan).equals(text(record.value()))) {
                        offsetsOfOrphan.add(ByteBuffer.wrap(header(record, KafkaHeaders.DLT_ORIGINAL_OFFSET)).getLong());
                    }
                });
            }
            assertThat(offsetsOfOrphan).as("original offsets of the orphan's dead letters")
                    .containsExactly(orphanAt.offset());
        }
    }

    private KafkaConsumer<byte[], byte[]> deadLetterConsumer() {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topics.deadLetter(), Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static ConsumerRecord<byte[], byte[]> at(List<ConsumerRecord<byte[], byte[]>> records, long offset) {
        return records.stream()
                .filter(record -> ByteBuffer.wrap(header(record, KafkaHeaders.DLT_ORIGINAL_OFFSET)).getLong() == offset)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter for offset " + offset));
    }

    private static byte[] header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        return text(header(record, name));
    }

    private static String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}
