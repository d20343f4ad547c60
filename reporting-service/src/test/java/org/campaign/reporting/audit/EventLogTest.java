package org.campaign.reporting.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.campaign.contracts.Actor;
import org.campaign.contracts.EventEnvelope;
import org.campaign.reporting.projection.BatchProjector;
import org.campaign.reporting.projection.SourcePosition;
import org.campaign.testsupport.WithTestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.reporting.TestEvents.uniqueId;

@SpringBootTest
@WithTestInfrastructure
class EventLogTest {

    @Autowired
    EventLog eventLog;

    @Test
    void anEventLessThanAMillisecondAfterAnInstantIsNotAmongTheEventsUpToIt() {
        String pledge = uniqueId("p");
        Instant asOf = Instant.parse("2011-06-30T15:59:59.999Z");
        eventLog.append(List.of(applied(pledge, 0, asOf), applied(pledge, 1, asOf.plusNanos(500_000))));

        assertThat(sequencesUpTo(pledge, asOf)).containsExactly(0L);
        assertThat(sequencesUpTo(pledge, asOf.plusNanos(499_999))).containsExactly(0L);
        assertThat(sequencesUpTo(pledge, asOf.plusNanos(500_000))).containsExactlyInAnyOrder(0L, 1L);
    }

    private List<Long> sequencesUpTo(String pledge, Instant asOf) {
        List<Long> sequences = new ArrayList<>();
        eventLog.forEachUpTo(asOf, event -> {
            if (event.aggregateId().equals(pledge)) {
                sequences.add(event.sequence());
            }
        });
        return sequences;
    }

    private static BatchProjector.Applied applied(String pledge, long sequence, Instant occurredAt) {
        EventEnvelope event = new EventEnvelope(uniqueId("e"), "PledgeApproved", "1", "pledge-service", "Pledge", pledge,
                sequence, occurredAt, new Actor("u-1", "a-1"), uniqueId("c"),
                JsonNodeFactory.instance.objectNode().put("pledgeId", pledge));
        return new BatchProjector.Applied(event, new SourcePosition("campaign.pledge-events", 0, sequence));
    }
}
