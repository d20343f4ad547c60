package org.campaign.pledging.pledge;

import org.campaign.pledging.roster.OrganisationEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Brings the pledge list into line with the roster at start-up: a pledge lies where its organisation lies now, so
 * that the agency the organisation belongs to acts on it. Moves follow their pledges as they happen
 * ({@link PledgeProjection}); pledges of organisations moved before that kept the path they were made with, and are
 * set right here, in the read model only (no event changes). Once in line this reads the roster once and changes
 * nothing.
 */
@Component
class PledgePaths {

    private static final Logger log = LoggerFactory.getLogger(PledgePaths.class);

    private final MongoTemplate mongo;

    PledgePaths(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Sets each pledge's path to its organisation's; returns how many pledges changed. */
    @EventListener(ApplicationReadyEvent.class)
    long alignWithRoster() {
        long changed = 0;
        for (OrganisationEntry organisation : mongo.findAll(OrganisationEntry.class)) {
            changed += mongo.updateMulti(Query.query(where("organisationId").is(organisation.id())
                            .and("path").ne(organisation.path())), Update.update("path", organisation.path()),
                    PledgeEntry.class).getModifiedCount();
        }
        if (changed > 0) {
            log.warn("{} pledges lay where their organisations were before a move; they now follow them", changed);
        }
        return changed;
    }
}
