package org.campaign.reporting.projection;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.campaign.reporting.audit.EventLog;
import org.campaign.reporting.live.ProjectionMonitor;
import org.campaign.reporting.store.Generations;
import org.campaign.reporting.store.ReadModelStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live projection: consumes the pledge and evaluation topics in batches and applies each batch to the
 * active generation of the read models (looked up before every batch, so a rebuild's switch-over takes effect at
 * the next batch). Each batch is projected, then added to the event log (both idempotent, so a batch retried after
 * a failure changes nothing twice); unprojectable records are published to the dead-letter topic last, once the
 * batch was written and logged, so that a batch retried after either failed does not publish them again. The
 * container commits the batch's offsets only after this
 * method returned; failures are retried by the error handler of {@link KafkaProjectionConfiguration}.
 */
@Component
public class ProjectionListener {

    /** Id of the listener container, e.g. to stop and start it. */
    public static final String LISTENER_ID = "reporting-projection";

    private static final Logger log = LoggerFactory.getLogger(ProjectionListener.class);

    private final BatchProjector projector;
    private final Generations generations;
    private final EventLog eventLog;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final ProjectionMonitor monitor;

    public ProjectionListener(BatchProjector projector, Generations generations, EventLog eventLog,
                              DeadLetterPublishingRecoverer deadLetterRecoverer, ProjectionMonitor monitor) {
        this.projector = projector;
        this.generations = generations;
        this.eventLog = eventLog;
        this.deadLetters = deadLetterRecoverer;
        this.monitor = monitor;
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false,
            autoStartup = "${campaign.reporting.live.auto-start:true}",
            topics = {"#{@reportingTopics.pledgeEvents()}", "#{@reportingTopics.evaluationEvents()}"})
    public void onBatch(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
        List<BatchProjector.Input> inputs = new ArrayList<>(records.size());
        Set<TopicPartition> partitions = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            inputs.add(BatchProjector.Input.of(record));
            partitions.add(new TopicPartition(record.topic(), record.partition()));
        }
        ReadModelStore store = generations.activeStore();
        long started = System.nanoTime();
        List<Map.Entry<BatchProjector.Input, UnprojectableEventException>> rejected = new ArrayList<>();
        BatchProjector.Outcome outcome = projector.apply(inputs, store,
                (input, reason) -> rejected.add(Map.entry(input, reason)));
        eventLog.append(outcome.readable());
        rejected.forEach(rejection -> deadLetter(rejection.getKey(), rejection.getValue()));
        monitor.applied(outcome, System.nanoTime() - started);
        for (TopicPartition partition : partitions) {
            consumer.currentLag(partition).ifPresent(lag -> monitor.lag(partition, lag));
        }
    }

    private void deadLetter(BatchProjector.Input input, UnprojectableEventException reason) {
        ConsumerRecord<?, byte[]> record = input.record();
        Object key = record.key();
        log.warn("Dead-lettering record {} (key {}): {}", input.position(),
                key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : key,
                KafkaProjectionConfiguration.reasonOf(reason));
        deadLetters.accept(record, reason);
    }
}
