package org.campaign.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.campaign.contracts.pledge.PledgeFocus;
import org.campaign.contracts.pledge.PledgeKind;
import org.campaign.contracts.pledge.PledgeMade;
import org.campaign.contracts.pledge.Pledger;
import org.campaign.contracts.pledge.PledgerType;
import org.campaign.contracts.pledge.Sector;
import org.campaign.contracts.pledge.Target;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class EventJsonTest {

    private final ObjectMapper json = EventJson.newObjectMapper();

    @Test
    void anEnvelopeSurvivesTheRoundTripWithChineseTextAndIsoDates() throws Exception {
        PledgeMade made = new PledgeMade("p-1", "2011-cxzy",
                new Pledger(PledgerType.ORGANISATION, "org-1", null, "org-1", Sector.RURAL_VILLAGE, "zhangyi"),
                PledgeKind.PRACTICAL_DEED, PledgeFocus.PUBLIC_WISHES, "硬化村道 3 公里",
                new Target(new BigDecimal("89.7"), "km"), LocalDate.of(2011, 12, 31), false);
        EventEnvelope envelope = new EventEnvelope("e-1", "PledgeMade", "2", "pledge-service", "Pledge", "p-1", 0,
                Instant.parse("2011-06-05T08:00:00Z"), new Actor("clerk", "zhangyi"), "c-1", json.valueToTree(made));

        String text = json.writeValueAsString(envelope);
        EventEnvelope read = json.readValue(text, EventEnvelope.class);

        assertThat(text).contains("\"occurredAt\":\"2011-06-05T08:00:00Z\"", "\"deadline\":\"2011-12-31\"", "硬化村道");
        assertThat(json.treeToValue(read.payload(), PledgeMade.class)).isEqualTo(made);
        assertThat(read.actor()).isEqualTo(new Actor("clerk", "zhangyi"));
    }

    @Test
    void unknownFieldsFromANewerProducerAreIgnored() throws Exception {
        String newer = "{\"pledgeId\":\"p-1\",\"fulfilledOn\":\"2011-10-01\",\"evidence\":\"photo\",\"addedLater\":42}";

        var read = json.readValue(newer, org.campaign.contracts.pledge.PledgeFulfilled.class);

        assertThat(read.pledgeId()).isEqualTo("p-1");
    }
}
