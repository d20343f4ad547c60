package org.campaign.reporting.audit;

import org.bson.Document;
import org.campaign.reporting.TestCity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A record's summary depends on the set of its events only, not on the order in which they arrived. */
class AuditRecordsTest {

    private final EventLog eventLog = new EventLog(null, null);

    @Test
    void theSummaryOfARecordIsTheSameInAnyOrderOfArrival() {
        TestCity city = new TestCity();
        List<Document> events = new ArrayList<>();
        city.pledgeTopic.stream().filter(e -> e.aggregateId().equals(city.p3))
                .forEach(e -> events.add(eventLog.toDocument(e)));
        Document inOrder = AuditRecords.summarise(city.p3, events);
        Random random = new Random(7);
        for (int i = 0; i < 5; i++) {
            List<Document> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            assertThat(AuditRecords.summarise(city.p3, shuffled)).isEqualTo(inOrder);
        }
        assertThat(inOrder.getString("label")).isEqualTo("Rebuild 3 km of village road");
        assertThat(inOrder.getString("lastType")).isEqualTo("PledgeLapsed");
        assertThat(inOrder.get("events")).isEqualTo(5);
        assertThat(AuditRecords.summarise(city.p3, List.of())).isNull();
    }
}
