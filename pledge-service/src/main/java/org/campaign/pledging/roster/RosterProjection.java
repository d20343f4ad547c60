package org.campaign.pledging.roster;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.campaign.contracts.roster.MemberEnrolled;
import org.campaign.contracts.roster.MemberLeft;
import org.campaign.contracts.roster.MemberTransferred;
import org.campaign.contracts.roster.OrganisationDeregistered;
import org.campaign.contracts.roster.OrganisationMoved;
import org.campaign.contracts.roster.OrganisationRegistered;
import org.campaign.contracts.roster.OrganisationRenamed;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Keeps the roster (organisations and members) up to date in the same unit of work as the command that changed
 * it (a subscribing processor), so that agency boundaries are checked against the tree as it is right now.
 */
@Component
@ProcessingGroup(RosterProjection.GROUP)
class RosterProjection {

    static final String GROUP = "roster";

    private final MongoTemplate mongo;

    RosterProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(OrganisationRegistered event) {
        mongo.save(new OrganisationEntry(event.organisationId(), event.name(), event.kind(), event.sector(),
                event.parentId(), event.townshipId(), event.agencyId(), event.path(), true));
    }

    /** Moves the organisation and its whole subtree: every descendant's path is rewritten. */
    @EventHandler
    void on(OrganisationMoved event) {
        OrganisationEntry moved = mongo.findById(event.organisationId(), OrganisationEntry.class);
        if (moved == null) {
            return;
        }
        List<String> oldPath = moved.path();
        for (OrganisationEntry entry : mongo.find(Query.query(where("path").is(event.organisationId())),
                OrganisationEntry.class)) {
            List<String> path = new ArrayList<>(event.path());
            path.addAll(entry.path().subList(oldPath.size(), entry.path().size()));
            boolean self = entry.id().equals(event.organisationId());
            mongo.updateFirst(Query.query(where("_id").is(entry.id())), new Update()
                    .set("path", path)
                    .set("parentId", self ? event.parentId() : entry.parentId())
                    .set("townshipId", self || entry.townshipId().equals(moved.townshipId())
                            ? event.townshipId() : entry.townshipId())
                    .set("agencyId", entry.agencyId().equals(moved.agencyId()) ? event.agencyId()
                            : entry.agencyId()), OrganisationEntry.class);
            mongo.updateMulti(Query.query(where("organisationId").is(entry.id())), Update.update("path", path),
                    MemberEntry.class);
        }
    }

    @EventHandler
    void on(OrganisationRenamed event) {
        mongo.updateFirst(byId(event.organisationId()), Update.update("name", event.name()),
                OrganisationEntry.class);
    }

    @EventHandler
    void on(OrganisationDeregistered event) {
        mongo.updateFirst(byId(event.organisationId()), Update.update("active", false), OrganisationEntry.class);
    }

    @EventHandler
    void on(MemberEnrolled event) {
        mongo.save(new MemberEntry(event.memberId(), null, event.organisationId(),
                pathOf(event.organisationId()), event.category(), true));
    }

    @EventHandler
    void on(MemberNameRecorded event) {
        mongo.updateFirst(byId(event.memberId()), Update.update("name", event.name()), MemberEntry.class);
    }

    @EventHandler
    void on(MemberTransferred event) {
        mongo.updateFirst(byId(event.memberId()), new Update()
                .set("organisationId", event.toOrganisationId())
                .set("path", pathOf(event.toOrganisationId())), MemberEntry.class);
    }

    @EventHandler
    void on(MemberLeft event) {
        mongo.updateFirst(byId(event.memberId()), Update.update("active", false), MemberEntry.class);
    }

    private List<String> pathOf(String organisationId) {
        OrganisationEntry organisation = mongo.findById(organisationId, OrganisationEntry.class);
        return organisation == null ? List.of(organisationId) : organisation.path();
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
