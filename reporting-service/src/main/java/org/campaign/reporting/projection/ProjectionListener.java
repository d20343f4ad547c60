package org.campaign.reporting.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.campaign.contracts.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Consumes the pledge and evaluation topics and hands each event to the projection of its type. The container
 * commits a record's offset only after this method returned (ack mode {@code RECORD}); failures are handled by the
 * error handler of {@link KafkaProjectionConfiguration}.
 */
@Component
public class ProjectionListener {

    /** Id of the listener container, e.g. to stop and start it. */
    public static final String LISTENER_ID = "reporting-projection";

    private static final Logger log = LoggerFactory.getLogger(ProjectionListener.class);

    private final EnvelopeReader reader;
    private final Map<String, EventProjection> projections = new HashMap<>();

    public ProjectionListener(EnvelopeReader reader, List<EventProjection> projections) {
        this.reader = reader;
        for (EventProjection projection : projections) {
            for (String type : projection.eventTypes()) {
                EventProjection previous = this.projections.put(type, projection);
                if (previous != null) {
                    throw new IllegalStateException("Event type " + type + " is projected by both "
                            + previous.getClass().getName() + " and " + projection.getClass().getName());
                }
            }
        }
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false,
            topics = {"#{@reportingTopics.pledgeEvents()}", "#{@reportingTopics.evaluationEvents()}"})
    public void onRecord(ConsumerRecord<String, String> record) {
        SourcePosition position = SourcePosition.of(record);
        EventEnvelope event = reader.read(record.value());
        EventProjection projection = projections.get(event.type());
        if (projection == null) {
            log.debug("Ignoring {} {} at {}: no projection for this type", event.type(), event.eventId(), position);
            return;
        }
        projection.project(event, position);
    }
}
