package org.campaign.evaluation.ledger;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.campaign.contracts.evaluation.LaggingUnitCheckFailed;
import org.campaign.contracts.evaluation.LaggingUnitCleared;
import org.campaign.contracts.evaluation.LaggingUnitListed;
import org.campaign.contracts.evaluation.RectificationLeaderAssigned;
import org.campaign.contracts.evaluation.RectificationMeasuresRecorded;
import org.campaign.contracts.evaluation.RectificationProgressReported;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Keeps the rectification ledger in step with the events, in the command's unit of work (subscribing). */
@Component
@ProcessingGroup("ledger")
class LedgerProjection {

    private final MongoTemplate mongo;

    LedgerProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(LaggingUnitListed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        mongo.save(new LaggingUnitEntry(event.ledgerId(), event.assessmentId(), event.campaignId(), event.year(),
                event.organisationId(), event.townshipId(), event.total(), LedgerStatus.LISTED, null, List.of(),
                null, 0, null, 0, null, null, at, sequence, at));
    }

    @EventHandler
    void on(RectificationLeaderAssigned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        LaggingUnitEntry entry = mongo.findById(event.ledgerId(), LaggingUnitEntry.class);
        Update update = Update.update("leaderId", event.leaderId());
        if (entry != null && entry.status() == LedgerStatus.LISTED) {
            update.set("status", LedgerStatus.LEADER_ASSIGNED);
        }
        change(event.ledgerId(), sequence, at, update);
    }

    @EventHandler
    void on(RectificationMeasuresRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.ledgerId(), sequence, at, new Update()
                .set("status", LedgerStatus.RECTIFYING)
                .set("measures", event.measures())
                .set("dueOn", event.dueOn()));
    }

    @EventHandler
    void on(RectificationProgressReported event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.ledgerId(), sequence, at, new Update()
                .inc("progressReports", 1)
                .set("lastProgress", event.progress()));
    }

    @EventHandler
    void on(LaggingUnitCheckFailed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.ledgerId(), sequence, at, new Update()
                .inc("failedChecks", 1)
                .set("lastFindings", event.findings()));
    }

    @EventHandler
    void on(LaggingUnitCleared event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.ledgerId(), sequence, at, new Update()
                .set("status", LedgerStatus.CLEARED)
                .set("lastFindings", event.findings())
                .set("clearedOn", event.checkedOn()));
    }

    private void change(String ledgerId, long sequence, Instant at, Update update) {
        mongo.updateFirst(Query.query(where("_id").is(ledgerId).and("version").lt(sequence)),
                update.set("version", sequence).set("lastChangedAt", at), LaggingUnitEntry.class);
    }
}
