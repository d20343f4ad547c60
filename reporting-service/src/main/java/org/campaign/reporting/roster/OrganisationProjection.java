package org.campaign.reporting.roster;

import org.bson.Document;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.roster.OrganisationDeregistered;
import org.campaign.contracts.roster.OrganisationMoved;
import org.campaign.contracts.roster.OrganisationRegistered;
import org.campaign.contracts.roster.OrganisationRenamed;
import org.campaign.reporting.projection.EnvelopeReader;
import org.campaign.reporting.projection.EventProjection;
import org.campaign.reporting.projection.ProjectionContext;
import org.campaign.reporting.projection.UnprojectableEventException;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Keeps the roster tree: one fact per organisation with its parent, name, kind, sector, township and agency.
 * Reports roll organisation figures up along this tree as it is now (see {@code OrganisationTree}); no counter is
 * written here, so the figures never depend on whether an organisation's registration was projected before or
 * after the pledges of its members, which travel on other partitions.
 */
@Component
public class OrganisationProjection implements EventProjection {

    private final EnvelopeReader reader;

    public OrganisationProjection(EnvelopeReader reader) {
        this.reader = reader;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(OrganisationRegistered.class.getSimpleName(), OrganisationMoved.class.getSimpleName(),
                OrganisationRenamed.class.getSimpleName(), OrganisationDeregistered.class.getSimpleName());
    }

    @Override
    public String factKind() {
        return RosterStatistics.ORGANISATION_KIND;
    }

    @Override
    public void project(EventEnvelope event, ProjectionContext context) {
        Document fact = context.fact();
        switch (event.type()) {
            case "OrganisationRegistered" -> {
                OrganisationRegistered registered = reader.payload(event, OrganisationRegistered.class);
                requireSame(event, registered.organisationId());
                context.saveFact(new Document("organisationId", registered.organisationId())
                        .append("name", registered.name())
                        .append("kind", registered.kind() == null ? null : registered.kind().name())
                        .append("sector", registered.sector() == null ? null : registered.sector().name())
                        .append("parentId", registered.parentId())
                        .append("townshipId", registered.townshipId())
                        .append("agencyId", registered.agencyId())
                        .append("active", true));
            }
            case "OrganisationMoved" -> {
                OrganisationMoved moved = reader.payload(event, OrganisationMoved.class);
                requireSame(event, moved.organisationId());
                requireKnown(event, fact);
                Document after = new Document(fact).append("parentId", moved.parentId());
                if (moved.townshipId() != null) {
                    after.append("townshipId", moved.townshipId());
                }
                if (moved.agencyId() != null) {
                    after.append("agencyId", moved.agencyId());
                }
                context.saveFact(after);
            }
            case "OrganisationRenamed" -> {
                OrganisationRenamed renamed = reader.payload(event, OrganisationRenamed.class);
                requireSame(event, renamed.organisationId());
                requireKnown(event, fact);
                context.saveFact(new Document(fact).append("name", renamed.name()));
            }
            default -> {
                OrganisationDeregistered deregistered = reader.payload(event, OrganisationDeregistered.class);
                requireSame(event, deregistered.organisationId());
                requireKnown(event, fact);
                context.saveFact(new Document(fact).append("active", false));
            }
        }
    }

    private static void requireKnown(EventEnvelope event, Document fact) {
        if (fact == null) {
            throw new UnprojectableEventException(event.type() + " " + event.eventId() + " for unknown organisation "
                    + event.aggregateId() + ": no OrganisationRegistered was projected for it");
        }
    }

    private static void requireSame(EventEnvelope event, String organisationId) {
        if (!event.aggregateId().equals(organisationId)) {
            throw new UnprojectableEventException(event.type() + " " + event.eventId() + " names organisation "
                    + organisationId + " but belongs to aggregate " + event.aggregateId());
        }
    }
}
