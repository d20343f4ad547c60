package org.campaign.evaluation.roster;

import org.campaign.contracts.evaluation.SubjectType;
import org.campaign.write.BusinessDates;
import org.campaign.write.CommandRefused;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * The roster as far as this service needs it: which organisations and members exist, and where they belong. It
 * is the pledge service's roster as received over Kafka ({@link RosterProjection}), so an organisation registered
 * a moment ago may not be known here yet.
 */
@Component
public class Roster {

    private final MongoTemplate mongo;

    Roster(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Where the subject belongs; refused (409) when it is not on the roster, not yet, or no longer — a member
     * counts only while it and its organisation are on the roster.
     */
    public Placement place(SubjectType type, String subjectId) {
        String organisationId = subjectId;
        if (type == SubjectType.MEMBER) {
            RosterMember member = mongo.findById(subjectId, RosterMember.class);
            if (member == null) {
                throw CommandRefused.conflict("Member " + subjectId + " is not on the roster (yet): the pledge "
                        + "service has not enrolled it, or its enrolment has not reached the evaluation service");
            }
            if (!member.active()) {
                throw CommandRefused.conflict("Member " + subjectId + " has left the roster");
            }
            organisationId = member.organisationId();
        }
        RosterOrganisation organisation = mongo.findById(organisationId, RosterOrganisation.class);
        if (organisation == null) {
            throw CommandRefused.conflict("Organisation " + organisationId + " is not on the roster (yet): the "
                    + "pledge service has not registered it, or its registration has not reached the evaluation "
                    + "service");
        }
        if (!organisation.active()) {
            throw CommandRefused.conflict("Organisation " + organisationId + " was deregistered from the roster");
        }
        return new Placement(organisationId, organisation.townshipId(), organisation.path());
    }

    /**
     * Refuses (409) a township that no organisation on the roster belongs to (yet, or any longer): a township is
     * known by the organisations in it, usually headed by one whose own id it is.
     */
    public void requireTownship(String townshipId) {
        if (!mongo.exists(Query.query(Criteria.where("townshipId").is(townshipId).and("active").is(true)),
                RosterOrganisation.class)) {
            RosterOrganisation organisation = mongo.findById(townshipId, RosterOrganisation.class);
            if (organisation != null && organisation.active()) {
                throw CommandRefused.conflict("Organisation " + townshipId + " is not a township: it belongs to "
                        + "township " + organisation.townshipId());
            }
            throw CommandRefused.conflict("Township " + townshipId + " is not on the roster (yet): no organisation "
                    + "registered by the pledge service belongs to it, or their registrations have not reached the "
                    + "evaluation service");
        }
    }

    /**
     * Refuses (409) a campaign the pledge service has not defined, or whose definition has not reached this service
     * yet: reviews, evaluations, assessments, assignments and schemes belong to a defined campaign.
     */
    public void requireCampaign(String campaignId) {
        if (campaignId == null || !mongo.exists(Query.query(Criteria.where("_id").is(campaignId)),
                RosterCampaign.class)) {
            throw CommandRefused.conflict("Campaign " + campaignId + " is not defined (yet): the pledge service has "
                    + "not defined it, or its definition has not reached the evaluation service");
        }
    }

    /**
     * Refuses (400, naming {@code year}) a year outside the period of a defined campaign: an evaluation or assessment
     * of a campaign year belongs to one of the years the campaign runs. A campaign kept without its period is not
     * checked.
     */
    public void requireYearOf(String campaignId, int year) {
        requireWithinPeriod(campaignId, year, null, null);
    }

    /**
     * Refuses a year outside the campaign's period, as {@link #requireYearOf}, and (400 naming {@code field}) a
     * {@code date} before the campaign began, reading the campaign once.
     */
    public void requireWithinPeriod(String campaignId, int year, String field, LocalDate date) {
        RosterCampaign campaign = mongo.findById(campaignId, RosterCampaign.class);
        if (campaign == null || campaign.startsOn() == null || campaign.endsOn() == null) {
            return;
        }
        if (year < campaign.startsOn().getYear() || year > campaign.endsOn().getYear()) {
            throw new IllegalArgumentException("year: " + year + " is outside campaign " + campaignId + ", which "
                    + "runs from " + campaign.startsOn() + " to " + campaign.endsOn());
        }
        BusinessDates.requireNotBefore(field, date, campaign.startsOn(), "campaign " + campaignId + " began");
    }
}
