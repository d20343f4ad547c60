package org.campaign.evaluation.mass;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.campaign.contracts.evaluation.BallotCast;
import org.campaign.contracts.evaluation.MassEvaluationClosed;
import org.campaign.contracts.evaluation.MassEvaluationOpened;
import org.campaign.contracts.evaluation.TallyEntered;
import org.campaign.write.events.ActorMetaData;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Keeps the mass evaluations in step with the events, in the command's unit of work (subscribing processor). */
@Component
@ProcessingGroup("mass-evaluations")
class MassEvaluationProjection {

    private final MongoTemplate mongo;

    MassEvaluationProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps who opened it (from the event's meta-data), so that the opener finds it in the list. */
    @EventHandler
    void on(MassEvaluationOpened event, @MetaDataValue(ActorMetaData.USER) String openedBy,
            @SequenceNumber long sequence, @Timestamp Instant at) {
        mongo.save(new MassEvaluationEntry(event.evaluationId(), event.campaignId(), event.year(), event.round(),
                event.subjectType(), event.subjectId(), event.organisationId(), event.townshipId(),
                event.methods(), event.openedOn(), openedBy, at, false, 0, 0, 0, 0, 0, List.of(), null, null,
                sequence, at));
    }

    @EventHandler
    void on(BallotCast event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String counter = switch (event.answer()) {
            case SATISFIED -> "satisfied";
            case BASICALLY_SATISFIED -> "basicallySatisfied";
            case DISSATISFIED -> "dissatisfied";
        };
        change(event.evaluationId(), sequence, at, new Update().inc(counter, 1).inc("ballots", 1));
    }

    /** Keeps the comment, never the respondent. */
    @EventHandler
    void on(BallotRespondentRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Update update = new Update();
        if (event.comment() != null) {
            update.push("comments", event.comment());
        }
        change(event.evaluationId(), sequence, at, update);
    }

    @EventHandler
    void on(TallyEntered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.evaluationId(), sequence, at, new Update()
                .inc("satisfied", event.satisfied())
                .inc("basicallySatisfied", event.basicallySatisfied())
                .inc("dissatisfied", event.dissatisfied())
                .inc("tallies", 1));
    }

    @EventHandler
    void on(MassEvaluationClosed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.evaluationId(), sequence, at, new Update()
                .set("closed", true)
                .set("satisfactionRate", event.satisfactionRate())
                .set("closedOn", event.closedOn()));
    }

    private void change(String evaluationId, long sequence, Instant at, Update update) {
        mongo.updateFirst(Query.query(where("_id").is(evaluationId).and("version").lt(sequence)),
                update.set("version", sequence).set("lastChangedAt", at), MassEvaluationEntry.class);
    }
}
