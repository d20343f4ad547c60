package org.campaign.pledging.roster;

import org.campaign.contracts.Actor;
import org.campaign.write.CommandRefused;
import org.campaign.write.RecordNotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Supplier;

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

    /** The organisation a request's path names, if it exists and lies within the actor's agency; 404 or 403. */
    public OrganisationEntry organisation(Actor actor, String organisationId) {
        return organisation(actor, organisationId, () -> RecordNotFound.of("organisation", organisationId));
    }

    /**
     * An organisation a request's body refers to in {@code field} (a parent, a pledger, where a member goes), if it
     * exists and lies within the actor's agency: an unknown one makes the request invalid (400 naming the field).
     */
    public OrganisationEntry referencedOrganisation(Actor actor, String field, String organisationId) {
        return organisation(actor, organisationId,
                () -> new IllegalArgumentException(field + ": there is no organisation " + organisationId));
    }

    private OrganisationEntry organisation(Actor actor, String organisationId, Supplier<RuntimeException> unknown) {
        OrganisationEntry organisation = mongo.findById(organisationId, OrganisationEntry.class);
        if (organisation == null) {
            throw unknown.get();
        }
        requireCovers(actor, organisation.path(), "organisation " + organisationId);
        return organisation;
    }

    /** The member a request's path names, if on the roster of an organisation within the actor's agency; 404 or 403. */
    public MemberEntry member(Actor actor, String memberId) {
        return member(actor, memberId, () -> RecordNotFound.of("member", memberId));
    }

    /** A member a request's body refers to in {@code field}, as {@link #referencedOrganisation} an organisation. */
    public MemberEntry referencedMember(Actor actor, String field, String memberId) {
        return member(actor, memberId, () -> new IllegalArgumentException(field + ": there is no member " + memberId));
    }

    private MemberEntry member(Actor actor, String memberId, Supplier<RuntimeException> unknown) {
        MemberEntry member = mongo.findById(memberId, MemberEntry.class);
        if (member == null) {
            throw unknown.get();
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
