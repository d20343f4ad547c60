package org.campaign.evaluation.assessment;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.campaign.contracts.evaluation.AssessmentSchemeSet;
import org.campaign.contracts.evaluation.EvaluationScored;
import org.campaign.contracts.evaluation.LaggingUnitListed;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Keeps schemes and assessments in step with the events, in the command's unit of work (subscribing). */
@Component
@ProcessingGroup("assessments")
class AssessmentProjection {

    private final MongoTemplate mongo;

    AssessmentProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(AssessmentSchemeSet event) {
        mongo.save(new SchemeEntry(event.campaignId(), new Scheme(event.weights(), event.advancedThreshold(),
                event.laggingThreshold())));
    }

    @EventHandler
    void on(EvaluationScored event, @Timestamp Instant at) {
        mongo.save(new AssessmentEntry(event.assessmentId(), event.campaignId(), event.year(), event.subjectType(),
                event.subjectId(), event.organisationId(), event.townshipId(), event.scores(),
                event.publicSatisfactionSource(), event.checklist(), event.total(), event.grade(), null, at));
    }

    @EventHandler
    void on(LaggingUnitListed event) {
        mongo.updateFirst(Query.query(where("_id").is(event.assessmentId())),
                Update.update("ledgerId", event.ledgerId()), AssessmentEntry.class);
    }
}
