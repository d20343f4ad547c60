package org.campaign.pledging.pledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.Document;
import org.campaign.contracts.EventJson;
import org.campaign.pledging.ApiClient;
import org.campaign.pledging.ApiClient.District;
import org.campaign.pledging.PledgeServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.pledging.ApiClient.expect;

/** A pledge stored before revision 2 of PledgeMade still loads, reads and changes as expected. */
@PledgeServiceTest
class PledgeMadeUpcasterTest {

    @Autowired
    ApiClient api;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aRevisionOnePledgeWithoutFocusIsReadAsAWrittenPledgeOnTheCentralWork() throws Exception {
        District district = api.district();
        String id = api.pledge(district.township(), district.campaign(), "ORGANISATION", district.village(),
                "2011-12-31");
        rewriteAsRevisionOne(id);

        JsonNode made = api.get(district.township(), "/api/pledges/" + id).getBody().at("/timeline/0/details");
        assertThat(made.get("focus").asText()).isEqualTo("CENTRAL_WORK");
        assertThat(made.get("oral").asBoolean()).isFalse();
        expect(204, api.post(district.township(), "/api/pledges/" + id + "/approval",
                "{\"approvedOn\":\"2011-07-05\"}"));
    }

    private void rewriteAsRevisionOne(String pledgeId) throws Exception {
        var events = mongo.getCollection("domainevents");
        Document stored = events.find(and(eq("aggregateIdentifier", pledgeId), eq("sequenceNumber", 0L))).first();
        assertThat(stored).isNotNull();
        ObjectNode payload = (ObjectNode) EventJson.newObjectMapper()
                .readTree(stored.get("serializedPayload").toString());
        payload.remove("focus");
        payload.remove("oral");
        events.updateOne(eq("_id", stored.get("_id")), combine(set("payloadRevision", "1"),
                set("serializedPayload", payload.toString())));
    }
}
