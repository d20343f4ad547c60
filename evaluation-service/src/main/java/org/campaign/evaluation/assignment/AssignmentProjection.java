package org.campaign.evaluation.assignment;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.campaign.contracts.evaluation.ReviewerAssigned;
import org.campaign.contracts.evaluation.ReviewerAssignmentRevoked;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Keeps the assignments in step with the events, in the command's unit of work (subscribing processor). */
@Component
@ProcessingGroup("assignments")
class AssignmentProjection {

    private final MongoTemplate mongo;

    AssignmentProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ReviewerAssigned event) {
        mongo.save(new AssignmentEntry(event.assignmentId(), event.campaignId(), event.reviewerId(), event.kind(),
                event.organisationIds(), event.townshipIds(), true, null));
    }

    @EventHandler
    void on(ReviewerAssignmentRevoked event) {
        mongo.updateFirst(Query.query(where("_id").is(event.assignmentId())),
                new Update().set("active", false).set("revocationReason", event.reason()), AssignmentEntry.class);
    }
}
