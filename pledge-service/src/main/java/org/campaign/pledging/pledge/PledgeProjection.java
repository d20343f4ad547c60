package org.campaign.pledging.pledge;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.campaign.contracts.pledge.PledgeApproved;
import org.campaign.contracts.pledge.PledgeFulfilled;
import org.campaign.contracts.pledge.PledgeLapsed;
import org.campaign.contracts.pledge.PledgeMade;
import org.campaign.contracts.pledge.PledgeProgressReported;
import org.campaign.contracts.pledge.PledgePublished;
import org.campaign.contracts.pledge.PledgeRevised;
import org.campaign.contracts.pledge.PledgeSentBack;
import org.campaign.contracts.pledge.PledgeWithdrawn;
import org.campaign.contracts.roster.OrganisationMoved;
import org.campaign.pledging.roster.OrganisationEntry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The agencies' list of pledges, kept in the same unit of work as each command (a subscribing processor), so a
 * clerk sees a change in the list as soon as the request returns.
 */
@Component
@ProcessingGroup(PledgeProjection.GROUP)
class PledgeProjection {

    static final String GROUP = "pledges";

    private final MongoTemplate mongo;

    PledgeProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(PledgeMade event, @SequenceNumber long sequence, @Timestamp Instant at) {
        OrganisationEntry organisation = mongo.findById(event.pledger().organisationId(), OrganisationEntry.class);
        List<String> path = organisation == null ? List.of(event.pledger().organisationId()) : organisation.path();
        mongo.save(new PledgeEntry(event.pledgeId(), event.campaignId(), event.pledger().type(),
                event.pledger().id(), event.pledger().memberCategory(), event.pledger().organisationId(), path,
                event.pledger().sector(), event.pledger().townshipId(), event.kind(), event.focus(), event.title(),
                event.target(), event.deadline(), event.oral(), PledgeStatus.MADE, null, sequence, at));
    }

    /**
     * The pledges of a moved organisation, of its subtree and of their members follow it to its new place in the
     * tree, so that the agency it now belongs to acts on them. (The township and sector a pledge was made with stay:
     * the statistics by township count pledges where they were made.)
     */
    @EventHandler
    void on(OrganisationMoved event) {
        // The pledges of one organisation share its path: one update for each organisation of the subtree.
        Set<String> moved = new HashSet<>();
        for (PledgeEntry pledge : mongo.find(Query.query(where("path").is(event.organisationId())),
                PledgeEntry.class)) {
            if (moved.add(pledge.organisationId())) {
                List<String> path = new ArrayList<>(event.path());
                path.addAll(pledge.path().subList(pledge.path().indexOf(event.organisationId()) + 1,
                        pledge.path().size()));
                mongo.updateMulti(Query.query(where("organisationId").is(pledge.organisationId())
                        .and("path").is(event.organisationId())), Update.update("path", path), PledgeEntry.class);
            }
        }
    }

    @EventHandler
    void on(PledgeSentBack event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.pledgeId(), sequence, at, Update.update("status", PledgeStatus.SENT_BACK));
    }

    @EventHandler
    void on(PledgeRevised event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.pledgeId(), sequence, at, new Update()
                .set("status", PledgeStatus.REVISED)
                .set("kind", event.kind())
                .set("focus", event.focus())
                .set("title", event.title())
                .set("target", event.target())
                .set("deadline", event.deadline()));
    }

    @EventHandler
    void on(PledgeApproved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.pledgeId(), sequence, at, Update.update("status", PledgeStatus.APPROVED));
    }

    @EventHandler
    void on(PledgePublished event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.pledgeId(), sequence, at, Update.update("status", PledgeStatus.PUBLISHED));
    }

    @EventHandler
    void on(PledgeProgressReported event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.pledgeId(), sequence, at, Update.update("achievedQuantity", event.achievedQuantity()));
    }

    @EventHandler
    void on(PledgeFulfilled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.pledgeId(), sequence, at, Update.update("status", PledgeStatus.FULFILLED));
    }

    @EventHandler
    void on(PledgeLapsed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.pledgeId(), sequence, at, Update.update("status", PledgeStatus.LAPSED));
    }

    @EventHandler
    void on(PledgeWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.pledgeId(), sequence, at, Update.update("status", PledgeStatus.WITHDRAWN));
    }

    private void change(String pledgeId, long sequence, Instant at, Update update) {
        mongo.updateFirst(Query.query(where("_id").is(pledgeId).and("version").lt(sequence)),
                update.set("version", sequence).set("lastChangedAt", at), PledgeEntry.class);
    }
}
