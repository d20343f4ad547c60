package org.campaign.evaluation.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.EventJson;
import org.campaign.contracts.campaign.CampaignDefined;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the campaigns the pledge service defines, with their periods ({@link RosterCampaign}), from the same topic as
 * the roster but with a consumer group of its own, from the earliest offset: a service that kept its roster before
 * it kept campaigns learns the campaigns defined before as well. The group is named for what it keeps
 * ({@code …-campaign-periods}): a service that kept campaigns without their periods reads the topic again under it
 * and fills them in. A campaign is defined once, so a redelivered definition is saved again unchanged.
 */
@Component
class CampaignProjection {

    private static final Logger log = LoggerFactory.getLogger(CampaignProjection.class);
    private static final ObjectMapper JSON = EventJson.newObjectMapper();

    private final MongoTemplate mongo;

    CampaignProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @KafkaListener(topics = "${campaign.roster.topic}", groupId = "${campaign.roster.campaigns-group}")
    void on(String record) {
        try {
            EventEnvelope event = JSON.readValue(record, EventEnvelope.class);
            if (CampaignDefined.class.getSimpleName().equals(event.type()) && event.payload() != null) {
                CampaignDefined defined = JSON.treeToValue(event.payload(), CampaignDefined.class);
                mongo.save(new RosterCampaign(defined.campaignId(), defined.startsOn(), defined.endsOn()));
            }
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            log.warn("Skipping a record that is not a readable campaign definition: {}", unreadable.getMessage());
        }
    }
}
