package org.campaign.evaluation.common;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;

/** One page of a read model, with the total number of matching records. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;

    /** The matching records sorted by {@code sort}; page from 0, size 1 to {@value #MAX_SIZE}. */
    public static <T> Page<T> of(MongoTemplate mongo, List<Criteria> criteria, Sort sort, int page, int size,
                                 Class<T> type) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be 0 or more and size between 1 and " + MAX_SIZE);
        }
        Query query = criteria.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(criteria));
        long total = mongo.count(query, type);
        query.with(sort).skip((long) page * size).limit(size);
        return new Page<>(mongo.find(query, type), page, size, total);
    }
}
