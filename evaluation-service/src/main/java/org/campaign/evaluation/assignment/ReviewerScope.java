package org.campaign.evaluation.assignment;

import org.campaign.contracts.Actor;
import org.campaign.evaluation.roster.Placement;
import org.campaign.evaluation.roster.Roster;
import org.campaign.evaluation.roster.StatedSubject;
import org.campaign.service.security.Roles;
import org.campaign.write.CommandRefused;
import org.campaign.write.web.Acting;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Who may review what. The district office — an administrator of the district agency — assigns reviewers and
 * may act anywhere. Anyone else reviews, evaluates and assesses only subjects that an active assignment of the
 * campaign gives to them, the acting user: a leader's own account, or the account an inspection group records
 * with. A subject is covered when its organisation, or the township that organisation belongs to, is named in the
 * assignment. Where a subject belongs is the roster's word ({@link Roster}), never the request's: a new record's
 * subject must be on the roster, and the township it is checked against, and recorded with, is the township of its
 * organisation there. Every command about a subject passes through here before it is sent.
 */
@Component
public class ReviewerScope {

    private final MongoTemplate mongo;
    private final Roster roster;
    private final String districtAgency;

    ReviewerScope(MongoTemplate mongo, Roster roster,
                  @Value("${campaign.district-agency:district}") String districtAgency) {
        this.mongo = mongo;
        this.roster = roster;
        this.districtAgency = districtAgency;
    }

    /** The district office: the district agency acting as administrator. */
    public boolean isAdministrator(Acting acting) {
        return districtAgency.equals(acting.actor().agencyId()) && acting.hasRole(Roles.ADMINISTRATOR);
    }

    public void requireAdministrator(Acting acting, String action) {
        if (!isAdministrator(acting)) {
            throw CommandRefused.forbidden("Only the district office may " + action);
        }
    }

    /** Whether the actor may review the organisation (or a member of it) in the campaign. */
    public boolean covers(Acting acting, String campaignId, String organisationId, String townshipId) {
        if (isAdministrator(acting)) {
            return true;
        }
        List<Criteria> subjects = new ArrayList<>();
        subjects.add(where("organisationIds").is(organisationId));
        if (townshipId != null) {
            subjects.add(where("townshipIds").is(townshipId));
        }
        Query assigned = Query.query(new Criteria().andOperator(
                where("campaignId").is(campaignId),
                where("reviewerId").is(acting.actor().userId()),
                where("active").is(true),
                new Criteria().orOperator(subjects)));
        return mongo.exists(assigned, AssignmentEntry.class);
    }

    /**
     * The records that the actor's active assignments cover, as a condition on records carrying {@code campaignId},
     * {@code organisationId} and {@code townshipId} (the rule of {@link #covers}, leaving the district office
     * aside); empty when the actor has no active assignment.
     */
    public Optional<Criteria> coveredRecords(Acting acting) {
        Query mine = Query.query(where("reviewerId").is(acting.actor().userId()).and("active").is(true));
        List<Criteria> covered = new ArrayList<>();
        for (AssignmentEntry assignment : mongo.find(mine, AssignmentEntry.class)) {
            List<Criteria> subjects = new ArrayList<>();
            if (assignment.organisationIds() != null && !assignment.organisationIds().isEmpty()) {
                subjects.add(where("organisationId").in(assignment.organisationIds()));
            }
            if (assignment.townshipIds() != null && !assignment.townshipIds().isEmpty()) {
                subjects.add(where("townshipId").in(assignment.townshipIds()));
            }
            if (!subjects.isEmpty()) {
                covered.add(new Criteria().andOperator(where("campaignId").is(assignment.campaignId()),
                        new Criteria().orOperator(subjects)));
            }
        }
        return covered.isEmpty() ? Optional.empty() : Optional.of(new Criteria().orOperator(covered));
    }

    /**
     * Checks the subject of a new review, evaluation or assessment and answers where the roster places it: refused
     * when it is not on the roster (409, also for the district office), when the actor is not assigned to it there
     * (403, whatever township the request states), when the campaign is not defined (409), and when the request
     * states its organisation or township otherwise than the roster (400).
     */
    public Placement requireCoversOnRoster(Acting acting, String campaignId, StatedSubject subject, String action) {
        Placement placement = roster.place(subject.type(), subject.id());
        requireCovers(acting, campaignId, placement.organisationId(), placement.townshipId(), action);
        roster.requireCampaign(campaignId);
        placement.requireStatedAlike(subject);
        return placement;
    }

    /** Refuses the actor unless it covers the organisation and township recorded with an existing record. */
    public void requireCovers(Acting acting, String campaignId, String organisationId, String townshipId,
                              String action) {
        if (!covers(acting, campaignId, organisationId, townshipId)) {
            Actor actor = acting.actor();
            throw CommandRefused.forbidden(actor.userId() + " of " + actor.agencyId() + " is not assigned to "
                    + "organisation " + organisationId + (townshipId == null ? "" : " or township " + townshipId)
                    + " in campaign " + campaignId + ", so may not " + action);
        }
    }
}
