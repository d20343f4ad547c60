package org.campaign.pledging.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import org.campaign.pledging.ApiClient;
import org.campaign.pledging.PledgeServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.pledging.ApiClient.expect;

/** Campaigns are defined by the district office, once, with phases inside their dates. */
@PledgeServiceTest
class CampaignApiTest {

    @Autowired
    ApiClient api;

    @Test
    void theDistrictDefinesACampaignOnceWithItsPhases() {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        String campaign = """
                {"campaignId":"%s","name":"创先争优","startsOn":"2010-06-01","endsOn":"2012-06-30",
                 "phases":[{"name":"动员部署","startsOn":"2010-06-01","endsOn":"2010-07-31"},
                           {"name":"总结表彰","startsOn":"2012-04-01","endsOn":"2012-06-30"}]}""".formatted(id);
        expect(403, api.post("east-township", "/api/campaigns", campaign));
        expect(201, api.post(ApiClient.DISTRICT, "/api/campaigns", campaign));
        JsonNode listed = expect(200, api.get(ApiClient.DISTRICT, "/api/campaigns")).getBody();
        assertThat(listed.findValues("id").stream().map(JsonNode::asText)).contains(id);
        expect(409, api.post(ApiClient.DISTRICT, "/api/campaigns", campaign));
    }

    @Test
    void phasesOutsideTheCampaignOrEndingBeforeTheyStartAreRefused() {
        long before = api.storedEvents();
        ResponseEntity<JsonNode> refused = expect(400, api.post(ApiClient.DISTRICT, "/api/campaigns", """
                {"campaignId":"bad-%s","name":"x","startsOn":"2010-06-01","endsOn":"2010-12-31",
                 "phases":[{"name":"太早","startsOn":"2009-01-01","endsOn":"2010-07-01"},
                           {"name":"倒置","startsOn":"2010-09-01","endsOn":"2010-07-01"}]}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8))));
        assertThat(refused.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("phases", "phases[1].endsOn");
        assertThat(api.storedEvents()).isEqualTo(before);
    }
}
