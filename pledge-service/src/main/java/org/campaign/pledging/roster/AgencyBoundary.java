package org.campaign.pledging.roster;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.campaign.contracts.Actor;
import org.campaign.write.CommandRefused;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The rule that an agency acts only on its own subtree of the organisation tree. The district agency — the
 * campaign's leadership office — may act anywhere. Every command about an organisation, member or pledge passes
 * through here before it is sent, whatever the entry point (REST or import).
 */
@Component
public class AgencyBoundary {

    private final MongoTemplate mongo;
    private final String districtAgency;

    AgencyBoundary(MongoTemplate mongo, @Value("${campaign.district-agency:district}") String districtAgency) {
        this.mongo = mongo;
        this.districtAgency = districtAgency;
    }

    /** The organisation, if it exists and lies within the actor's agency; 404 or 403 otherwise. */
    public OrganisationEntry organisation(Actor actor, String organisationId) {
        OrganisationEntry organisation = mongo.findById(organisationId, OrganisationEntry.class);
        if (organisation == null) {
            throw new AggregateNotFoundException(organisationId, "No organisation " + organisationId);
        }
        requireCovers(actor, organisation.path(), "organisation " + organisationId);
        return organisation;
    }

    /** The member, if on the roster of an organisation within the actor's agency; 404 or 403 otherwise. */
    public MemberEntry member(Actor actor, String memberId) {
        MemberEntry member = mongo.findById(memberId, MemberEntry.class);
        if (member == null) {
            throw new AggregateNotFoundException(memberId, "No member " + memberId);
        }
        requireCovers(actor, member.path(), "member " + memberId);
        return member;
    }

    public void requireCovers(Actor actor, List<String> path, String subject) {
        if (!covers(actor, path)) {
            throw CommandRefused.forbidden("Agency " + actor.agencyId() + " may not act on " + subject
                    + ": it belongs to another agency");
        }
    }

    public void requireDistrict(Actor actor, String action) {
        if (!isDistrict(actor)) {
            throw CommandRefused.forbidden("Only the district agency may " + action);
        }
    }

    public boolean covers(Actor actor, List<String> path) {
        return isDistrict(actor) || path.contains(actor.agencyId());
    }

    public boolean isDistrict(Actor actor) {
        return districtAgency.equals(actor.agencyId());
    }
}
