package org.campaign.evaluation.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.EventJson;
import org.campaign.contracts.roster.MemberEnrolled;
import org.campaign.contracts.roster.MemberLeft;
import org.campaign.contracts.roster.MemberTransferred;
import org.campaign.contracts.roster.OrganisationDeregistered;
import org.campaign.contracts.roster.OrganisationMoved;
import org.campaign.contracts.roster.OrganisationRegistered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Keeps the roster read model in step with the pledge service's events on Kafka (consumer settings under
 * {@code spring.kafka.consumer} in application.yml: the service's own group, from the earliest offset).
 * Delivery is at least once, so each organisation and member keeps the sequence of the last of its own events
 * applied here and ignores any event at or below it; the events of one organisation or member arrive in order (the
 * record key is the aggregate id). Other event types — pledges, campaigns ({@link CampaignProjection}), renamings —
 * are not part of it.
 * A record that is not a readable envelope is logged and skipped: it could never be applied.
 */
@Component
class RosterProjection {

    private static final Logger log = LoggerFactory.getLogger(RosterProjection.class);
    private static final ObjectMapper JSON = EventJson.newObjectMapper();

    private final MongoTemplate mongo;

    RosterProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @KafkaListener(topics = "${campaign.roster.topic}")
    void on(String record) {
        try {
            apply(JSON.readValue(record, EventEnvelope.class));
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            log.warn("Skipping a roster record that is not a readable event envelope: {}", unreadable.getMessage());
        }
    }

    private void apply(EventEnvelope event) throws JsonProcessingException {
        if (event.type() == null || event.payload() == null) {
            throw new IllegalArgumentException("event " + event.eventId() + " has no type or no payload");
        }
        long sequence = event.sequence();
        switch (event.type()) {
            case "OrganisationRegistered" -> registered(payload(event, OrganisationRegistered.class), sequence);
            case "OrganisationMoved" -> moved(payload(event, OrganisationMoved.class), sequence);
            case "OrganisationDeregistered" -> change(payload(event, OrganisationDeregistered.class).organisationId(),
                    sequence, Update.update("active", false), RosterOrganisation.class);
            case "MemberEnrolled" -> {
                MemberEnrolled enrolled = payload(event, MemberEnrolled.class);
                create(enrolled.memberId(), sequence, new Update()
                        .set("organisationId", enrolled.organisationId())
                        .set("active", true), RosterMember.class);
            }
            case "MemberTransferred" -> {
                MemberTransferred transferred = payload(event, MemberTransferred.class);
                change(transferred.memberId(), sequence, Update.update("organisationId",
                        transferred.toOrganisationId()), RosterMember.class);
            }
            case "MemberLeft" -> change(payload(event, MemberLeft.class).memberId(), sequence,
                    Update.update("active", false), RosterMember.class);
            default -> {
                // not part of the roster
            }
        }
    }

    /**
     * Registers the organisation where its parent is now. The registration names the parent's path and township as
     * they were when it was made; the parent's events travel on another partition, so a move of the
     * parent (or of an ancestor) made after the registration may have been applied here first. Then the organisation
     * follows its parent, as it did in the pledge service: onto the parent's path, and into the parent's township
     * if it shared the one the parent left.
     */
    private void registered(OrganisationRegistered registered, long sequence) {
        List<String> path = registered.path();
        String townshipId = registered.townshipId();
        RosterOrganisation parent = registered.parentId() == null ? null
                : mongo.findById(registered.parentId(), RosterOrganisation.class);
        if (parent != null && path != null && path.size() > 1 && parent.path() != null
                && !path.subList(0, path.size() - 1).equals(parent.path())) {
            path = new ArrayList<>(parent.path());
            path.add(registered.organisationId());
        }
        // Also when the parent changed township without moving (it came to head one of its own, or gave it up).
        if (parent != null && parent.formerTownshipIds().contains(townshipId)) {
            townshipId = parent.townshipId();
        }
        create(registered.organisationId(), sequence, new Update()
                .set("townshipId", townshipId)
                .set("path", path)
                .set("active", true), RosterOrganisation.class);
    }

    /**
     * Moves the organisation and carries its subtree along, as the pledge service does: every descendant's path is
     * rewritten, and a descendant that was in the moved organisation's township follows it into the new one.
     */
    private void moved(OrganisationMoved moved, long sequence) {
        RosterOrganisation before = mongo.findById(moved.organisationId(), RosterOrganisation.class);
        if (before == null || before.sequence() >= sequence) {
            return;
        }
        // The subtree first, the organisation itself last: a move interrupted part-way is retried from the start,
        // and descendants already moved no longer match what they are compared with.
        Query descendants = Query.query(where("path").is(moved.organisationId()).and("_id").ne(moved.organisationId()));
        for (RosterOrganisation descendant : mongo.find(descendants, RosterOrganisation.class)) {
            List<String> path = new ArrayList<>(moved.path());
            List<String> below = descendant.path();
            path.addAll(below.subList(below.indexOf(moved.organisationId()) + 1, below.size()));
            Update update = Update.update("path", path);
            if (Objects.equals(before.townshipId(), descendant.townshipId())) {
                leaveTownship(update, descendant.townshipId(), moved.townshipId());
            }
            mongo.updateFirst(Query.query(where("_id").is(descendant.id())), update, RosterOrganisation.class);
        }
        Update update = new Update().set("path", moved.path());
        change(moved.organisationId(), sequence, leaveTownship(update, before.townshipId(), moved.townshipId()),
                RosterOrganisation.class);
    }

    /**
     * Moves into {@code to}, remembering the township left for registrations that arrive late.
     */
    private static Update leaveTownship(Update update, String from, String to) {
        update.set("townshipId", to);
        if (from != null && !from.equals(to)) {
            update.addToSet("formerTownshipIds", from);
        }
        return update;
    }

    /** Creates the document from its first event; a document that already holds that event stays as it is. */
    private void create(String id, long sequence, Update update, Class<?> type) {
        try {
            mongo.upsert(newerThanStored(id, sequence), update.set("sequence", sequence), type);
        } catch (DuplicateKeyException alreadyApplied) {
            log.debug("{} {} already holds event {}", type.getSimpleName(), id, sequence);
        }
    }

    private void change(String id, long sequence, Update update, Class<?> type) {
        mongo.updateFirst(newerThanStored(id, sequence), update.set("sequence", sequence), type);
    }

    private static Query newerThanStored(String id, long sequence) {
        return Query.query(where("_id").is(id).and("sequence").lt(sequence));
    }

    private static <T> T payload(EventEnvelope event, Class<T> type) throws JsonProcessingException {
        return JSON.treeToValue(event.payload(), type);
    }
}
