package org.campaign.reporting.projection;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.campaign.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * All Kafka settings of the reporting service.
 * <ul>
 *     <li>Topics: {@code campaign.topics.pledge-events} and {@code campaign.topics.evaluation-events} (default
 *     {@link Topics}), and the dead-letter topic {@code campaign.topics.dead-letter} (default
 *     {@value #DEAD_LETTER_TOPIC}).</li>
 *     <li>Consumer: group {@code spring.kafka.consumer.group-id} (default {@value #CONSUMER_GROUP}), keys and
 *     values as stored (a value is the envelope's JSON in UTF-8, which the projection reads as it is), no
 *     auto-commit, always from the earliest offset when the group has none — a projection that started at "latest"
 *     would silently miss events.</li>
 *     <li>Records are consumed in batches (one poll, up to 2,000 records) and offsets committed once a batch was
 *     applied (ack mode {@code BATCH}).</li>
 *     <li>Errors: an {@link UnprojectableEventException} (malformed JSON, unreadable payload, an event that
 *     contradicts the read model) is not retried; the record goes to the dead-letter topic with its original key
 *     and value (byte for byte), Spring Kafka's {@code kafka_dlt-*} headers (original topic, partition,
 *     offset, timestamp, exception class, message and stack trace) and a plain {@value #REASON_HEADER} header, and
 *     the rest of its batch is applied. Every other failure (MongoDB unavailable…) is retried with exponential
 *     back-off, without limit: such a record must not be skipped, or the figures would silently be wrong.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class KafkaProjectionConfiguration {

    public static final String CONSUMER_GROUP = "reporting-service";
    public static final String DEAD_LETTER_TOPIC = "campaign.reporting.dead-letter";
    /** Header of dead-letter records: why the record could not be projected, in plain UTF-8 text. */
    public static final String REASON_HEADER = "campaign-dead-letter-reason";

    private static final Logger log = LoggerFactory.getLogger(KafkaProjectionConfiguration.class);

    @Bean
    ReportingTopics reportingTopics(Environment environment) {
        return new ReportingTopics(
                environment.getProperty("campaign.topics.pledge-events", Topics.PLEDGE_EVENTS),
                environment.getProperty("campaign.topics.evaluation-events", Topics.EVALUATION_EVENTS),
                environment.getProperty("campaign.topics.dead-letter", DEAD_LETTER_TOPIC),
                environment.getProperty("spring.kafka.consumer.group-id", CONSUMER_GROUP));
    }

    @Bean
    ConsumerFactory<byte[], byte[]> projectionConsumerFactory(KafkaProperties properties,
                                                              ObjectProvider<SslBundles> sslBundles) {
        Map<String, Object> config = properties.buildConsumerProperties(sslBundles.getIfAvailable());
        config.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, CONSUMER_GROUP);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        return new DefaultKafkaConsumerFactory<>(config);
    }

    @Bean
    ProducerFactory<byte[], byte[]> deadLetterProducerFactory(KafkaProperties properties,
                                                              ObjectProvider<SslBundles> sslBundles) {
        Map<String, Object> config = properties.buildProducerProperties(sslBundles.getIfAvailable());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    KafkaTemplate<byte[], byte[]> deadLetterTemplate(ProducerFactory<byte[], byte[]> deadLetterProducerFactory) {
        return new KafkaTemplate<>(deadLetterProducerFactory);
    }

    /** Created at start-up when missing, with the broker's default partitions and replication. */
    @Bean
    NewTopic deadLetterTopic(ReportingTopics topics) {
        return TopicBuilder.name(topics.deadLetter()).build();
    }

    /** Publishes an unprojectable record to the dead-letter topic, waiting for the broker's acknowledgement. */
    @Bean
    DeadLetterPublishingRecoverer deadLetterRecoverer(KafkaTemplate<byte[], byte[]> deadLetterTemplate,
                                                      ReportingTopics topics) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate,
                (record, exception) -> new TopicPartition(topics.deadLetter(), -1));
        recoverer.setHeadersFunction((record, exception) -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON_HEADER, reasonOf(exception).getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        return recoverer;
    }

    /**
     * Any failure escaping a batch (MongoDB unavailable…) retries the whole batch with exponential back-off, without
     * limit: the batch is applied again from the facts as they are, and the offset guards refuse what was applied.
     */
    @Bean
    DefaultErrorHandler projectionErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        return new DefaultErrorHandler((record, exception) -> log.error(
                "Giving up on record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                reasonOf(exception)), backOff);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<byte[], byte[]> kafkaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<byte[], byte[]> projectionConsumerFactory,
            DefaultErrorHandler projectionErrorHandler) {
        ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        @SuppressWarnings({"unchecked", "rawtypes"})
        ConsumerFactory<Object, Object> consumerFactory = (ConsumerFactory) projectionConsumerFactory;
        @SuppressWarnings({"unchecked", "rawtypes"})
        ConcurrentKafkaListenerContainerFactory<Object, Object> untyped = (ConcurrentKafkaListenerContainerFactory) factory;
        configurer.configure(untyped, consumerFactory);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(AckMode.BATCH);
        factory.setCommonErrorHandler(projectionErrorHandler);
        return factory;
    }

    /** The message of the first {@link UnprojectableEventException} in the chain, else the innermost cause. */
    static String reasonOf(Throwable exception) {
        Throwable cause = exception;
        Throwable innermost = exception;
        while (cause != null) {
            if (cause instanceof UnprojectableEventException) {
                return String.valueOf(cause.getMessage());
            }
            innermost = cause;
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return innermost.getClass().getSimpleName() + ": " + innermost.getMessage();
    }
}
