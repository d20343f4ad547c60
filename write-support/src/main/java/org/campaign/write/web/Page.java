package org.campaign.write.web;

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
        return of(mongo, criteria, sort, page, size, MAX_SIZE, type);
    }

    /** The matching records sorted by {@code sort}; page from 0, size 1 to {@code maxSize}. */
    public static <T> Page<T> of(MongoTemplate mongo, List<Criteria> criteria, Sort sort, int page, int size,
                                 int maxSize, Class<T> type) {
        return of(mongo, criteria.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(criteria)), sort,
                page, size, maxSize, type);
    }

    /** The records {@code query} matches sorted by {@code sort}; page from 0, size 1 to {@code maxSize}. */
    public static <T> Page<T> of(MongoTemplate mongo, Query query, Sort sort, int page, int size, int maxSize,
                                 Class<T> type) {
        if (page < 0 || size < 1 || size > maxSize) {
            throw new IllegalArgumentException("page must be 0 or more and size between 1 and " + maxSize);
        }
        long total = mongo.count(query, type);
        query.with(sort).skip((long) page * size).limit(size);
        return new Page<>(mongo.find(query, type), page, size, total);
    }
}
