package org.campaign.reporting.roster;

import org.bson.Document;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.campaign.CampaignDefined;
import org.campaign.reporting.projection.EnvelopeReader;
import org.campaign.reporting.projection.EventProjection;
import org.campaign.reporting.projection.ProjectionContext;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Campaigns (创先争优 2010–12, the mass-line campaign 2013–14…) with their names, dates and phases. */
@Component
public class CampaignProjection implements EventProjection {

    private final EnvelopeReader reader;

    public CampaignProjection(EnvelopeReader reader) {
        this.reader = reader;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(CampaignDefined.class.getSimpleName());
    }

    @Override
    public String factKind() {
        return RosterStatistics.CAMPAIGN_KIND;
    }

    @Override
    public void project(EventEnvelope event, ProjectionContext context) {
        CampaignDefined defined = reader.payload(event, CampaignDefined.class);
        List<Document> phases = new ArrayList<>();
        if (defined.phases() != null) {
            defined.phases().forEach(phase -> phases.add(new Document("name", phase.name())
                    .append("startsOn", phase.startsOn() == null ? null : phase.startsOn().toString())
                    .append("endsOn", phase.endsOn() == null ? null : phase.endsOn().toString())));
        }
        context.saveFact(new Document("campaignId", defined.campaignId() == null ? event.aggregateId() : defined.campaignId())
                .append("name", defined.name())
                .append("startsOn", defined.startsOn() == null ? null : defined.startsOn().toString())
                .append("endsOn", defined.endsOn() == null ? null : defined.endsOn().toString())
                .append("phases", phases));
    }
}
