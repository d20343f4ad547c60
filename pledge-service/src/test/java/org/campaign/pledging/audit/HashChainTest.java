package org.campaign.pledging.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.campaign.pledging.ApiClient;
import org.campaign.pledging.ApiClient.District;
import org.campaign.pledging.PledgeServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.pledging.ApiClient.expect;

/** Each pledge's events are chained by hash; altering a stored event is caught and the broken link named. */
@PledgeServiceTest
class HashChainTest {

    @Autowired
    ApiClient api;
    @Autowired
    MongoTemplate mongo;

    @Test
    void anUntouchedHistoryVerifiesAndAnAlteredEventIsCaught() {
        District district = api.district();
        String id = api.pledge(district.township(), district.campaign(), "ORGANISATION", district.village(),
                "2011-12-31");
        expect(204, api.post(district.township(), "/api/pledges/" + id + "/approval",
                "{\"approvedOn\":\"2011-07-05\"}"));
        expect(204, api.post(district.township(), "/api/pledges/" + id + "/fulfilment",
                "{\"fulfilledOn\":\"2011-10-05\",\"evidence\":\"照片\"}"));

        JsonNode intact = api.get("auditor", "/api/audit/pledge-service/chains/" + id).getBody();
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("events").asInt()).isEqualTo(3);

        var events = mongo.getCollection("domainevents");
        Document approval = events.find(and(eq("aggregateIdentifier", id), eq("sequenceNumber", 1L))).first();
        events.updateOne(eq("_id", approval.get("_id")), set("serializedPayload",
                approval.get("serializedPayload").toString().replace("2011-07-05", "2011-06-05")));

        JsonNode broken = api.get("auditor", "/api/audit/pledge-service/chains/" + id).getBody();
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.at("/firstBroken/sequence").asLong()).isEqualTo(1);
        assertThat(broken.at("/firstBroken/reason").asText()).contains("altered");
    }

    @Test
    void anIdWithoutEventsIsNotFound() {
        var unknown = api.get("auditor", "/api/audit/pledge-service/chains/no-such-pledge");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody().get("detail").asText()).contains("no-such-pledge");
    }
}
