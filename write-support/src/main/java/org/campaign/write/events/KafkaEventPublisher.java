package org.campaign.write.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.RevisionResolver;
import org.campaign.contracts.Actor;
import org.campaign.contracts.EventContract;
import org.campaign.contracts.EventEnvelope;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every stored event whose payload is a published contract ({@link EventContract}) to Kafka as an
 * {@link EventEnvelope}, at least once. Events that stay inside the service — a member's name, for instance —
 * are not annotated and never leave it.
 * <p>
 * It runs inside a tracking event processor that reads the service's own event store, so an event reaches Kafka
 * only after it was committed, and the processor's token — kept in MongoDB — advances only after Kafka
 * acknowledged every record of the batch. A failed send fails the batch; the processor backs off and retries
 * it from the last token (the error is propagated, never logged and skipped). Consumers must therefore expect
 * duplicates and de-duplicate by event id or by aggregate sequence.
 * <p>
 * Why not the Axon Kafka extension: its records carry Axon's own serialised message format and headers,
 * readable in practice only by Axon. The statistics consumers, and any other agency's system, should read a
 * plain JSON envelope defined in the contracts module. Sending with Spring Kafka from a tracking processor
 * gives the same delivery guarantee with that envelope.
 */
public class KafkaEventPublisher implements EventMessageHandler {

    /** The tracking event processor that runs this publisher. */
    public static final String PROCESSOR = "kafka-publisher";

    static final String PENDING_SENDS = KafkaEventPublisher.class.getName() + ".pendingSends";

    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper json;
    private final RevisionResolver revisions;
    private final String topic;
    private final String source;
    private final Duration ackTimeout;

    public KafkaEventPublisher(KafkaTemplate<String, String> kafka, ObjectMapper json, RevisionResolver revisions,
                               String topic, String source, Duration ackTimeout) {
        this.kafka = kafka;
        this.json = json;
        this.revisions = revisions;
        this.topic = topic;
        this.source = source;
        this.ackTimeout = ackTimeout;
    }

    /** Sends one event; the batch's unit of work waits for all acknowledgements before the token moves. */
    @Override
    public Object handle(EventMessage<?> event) {
        if (!event.getPayloadType().isAnnotationPresent(EventContract.class)) {
            return null;
        }
        EventEnvelope envelope = envelopeOf(event);
        CompletableFuture<SendResult<String, String>> sent = kafka.send(topic, envelope.aggregateId(), write(envelope));
        if (CurrentUnitOfWork.isStarted()) {
            pendingSends(CurrentUnitOfWork.get()).add(sent);
        } else {
            await(List.of(sent));
        }
        return null;
    }

    private List<CompletableFuture<?>> pendingSends(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> pending = new ArrayList<>();
            root.onPrepareCommit(uow -> await(pending));
            return pending;
        });
    }

    private void await(List<CompletableFuture<?>> pending) {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka to acknowledge events", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge events on " + topic, e);
        }
    }

    EventEnvelope envelopeOf(EventMessage<?> event) {
        MetaData metaData = event.getMetaData();
        String aggregateType = null;
        String aggregateId = event.getIdentifier();
        long sequence = 0;
        if (event instanceof DomainEventMessage<?> domainEvent) {
            aggregateType = domainEvent.getType();
            aggregateId = domainEvent.getAggregateIdentifier();
            sequence = domainEvent.getSequenceNumber();
        }
        Actor actor = new Actor(text(metaData, ActorMetaData.USER), text(metaData, ActorMetaData.AGENCY));
        return new EventEnvelope(event.getIdentifier(), event.getPayloadType().getSimpleName(),
                revisions.revisionOf(event.getPayloadType()), source, aggregateType, aggregateId, sequence,
                event.getTimestamp(), actor, text(metaData, ActorMetaData.CORRELATION),
                json.valueToTree(event.getPayload()));
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }

    private String write(EventEnvelope envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write event " + envelope.eventId() + " as JSON", e);
        }
    }
}
