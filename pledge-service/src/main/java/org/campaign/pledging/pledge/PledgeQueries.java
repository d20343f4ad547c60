package org.campaign.pledging.pledge;

import org.campaign.contracts.Actor;
import org.campaign.contracts.pledge.PledgeKind;
import org.campaign.pledging.roster.AgencyBoundary;
import org.campaign.write.web.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import static org.campaign.service.web.Text.blankToNull;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Lists of an agency's pledges: only its own subtree, filtered and paged. */
@Component
public class PledgeQueries {

    /**
     * Optional filters; {@code overdue} selects pledges whose deadline has passed without fulfilment (open or
     * lapsed).
     */
    public record Filter(PledgeStatus status, PledgeKind kind, String campaignId, String organisationId,
                         Boolean overdue) {

        public static final Filter NONE = new Filter(null, null, null, null, null);

        public Filter {
            campaignId = blankToNull(campaignId);
            organisationId = blankToNull(organisationId);
        }
    }

    private final MongoTemplate mongo;
    private final AgencyBoundary boundary;
    private final Clock clock;

    PledgeQueries(MongoTemplate mongo, AgencyBoundary boundary, Clock clock) {
        this.mongo = mongo;
        this.boundary = boundary;
        this.clock = clock;
    }

    public Page<PledgeEntry> list(Actor actor, Filter filter, int page, int size) {
        return Page.of(mongo, query(actor, filter), Sort.by("deadline", "_id"), page, size, Page.MAX_SIZE,
                PledgeEntry.class);
    }

    /** All matching pledges as a stream from a database cursor; close it when done. */
    public Stream<PledgeEntry> stream(Actor actor, Filter filter) {
        return mongo.stream(query(actor, filter).with(Sort.by("_id")), PledgeEntry.class);
    }

    private Query query(Actor actor, Filter filter) {
        List<Criteria> criteria = new ArrayList<>();
        if (!boundary.isDistrict(actor)) {
            criteria.add(where("path").is(actor.agencyId()));
        }
        if (filter.status() != null) {
            criteria.add(where("status").is(filter.status()));
        }
        if (filter.kind() != null) {
            criteria.add(where("kind").is(filter.kind()));
        }
        if (filter.campaignId() != null) {
            criteria.add(where("campaignId").is(filter.campaignId()));
        }
        if (filter.organisationId() != null) {
            criteria.add(where("path").is(filter.organisationId()));
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            LocalDate today = LocalDate.now(clock);
            criteria.add(new Criteria().orOperator(where("status").is(PledgeStatus.LAPSED),
                    where("deadline").lt(today).and("status").nin(EnumSet.copyOf(PledgeStatus.CLOSED))));
        }
        return criteria.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(criteria));
    }
}
