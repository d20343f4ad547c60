package org.campaign.pledging.pledge;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.campaign.pledging.pledge.PledgeCommands.LapsePledge;
import org.campaign.write.events.ActorMetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

import static org.campaign.pledging.PledgeServiceApplication.SYSTEM;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Lapses pledges whose deadline has passed unfulfilled. It works from the stored pledge list, not from timers
 * in memory, so a deadline that passed while the service was down is caught at the next check after start-up.
 * The pledge itself decides (a pledge fulfilled in the meantime stays fulfilled), so running the check twice,
 * or on two instances, is harmless.
 */
@Component
class PledgeLapses {

    private static final Logger LOG = LoggerFactory.getLogger(PledgeLapses.class);

    private final MongoTemplate mongo;
    private final CommandGateway commands;
    private final Clock clock;

    PledgeLapses(MongoTemplate mongo, CommandGateway commands, Clock clock) {
        this.mongo = mongo;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${campaign.pledges.lapse-check:PT1M}",
            fixedDelayString = "${campaign.pledges.lapse-check:PT1M}")
    void lapseOverdue() {
        LocalDate today = LocalDate.now(clock);
        Query due = Query.query(where("deadline").lt(today).and("status").nin(PledgeStatus.CLOSED));
        int lapsed = 0;
        for (PledgeEntry pledge : mongo.find(due, PledgeEntry.class)) {
            commands.sendAndWait(new LapsePledge(pledge.id(), today), ActorMetaData.of(SYSTEM, null));
            lapsed++;
        }
        if (lapsed > 0) {
            LOG.info("Lapsed {} pledges whose deadline passed before {}", lapsed, today);
        }
    }
}
