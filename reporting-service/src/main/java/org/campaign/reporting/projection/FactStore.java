package org.campaign.reporting.projection;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Per-aggregate fact documents: what the read model knows of one pledge or review, and the sequence of the last
 * event of that aggregate applied to it ({@value #LAST_SEQUENCE}).
 */
@Component
public class FactStore {

    public static final String LAST_SEQUENCE = "lastSequence";

    private static final Logger log = LoggerFactory.getLogger(FactStore.class);

    private final MongoTemplate mongo;

    public FactStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public <T> T find(String collection, String aggregateId, Class<T> type) {
        return mongo.findById(aggregateId, type, collection);
    }

    /**
     * Writes {@code fact} (which must carry {@code lastSequence = sequence}) unless a fact of a later or the same
     * sequence is already stored.
     */
    public void save(String collection, String aggregateId, long sequence, Object fact) {
        Document fields = new Document();
        mongo.getConverter().write(fact, fields);
        fields.remove("_id");
        fields.remove("_class");
        if (!Long.valueOf(sequence).equals(fields.get(LAST_SEQUENCE))) {
            throw new IllegalArgumentException("Fact " + aggregateId + " must carry " + LAST_SEQUENCE + " " + sequence);
        }
        Update update = new Update();
        fields.forEach(update::set);
        try {
            mongo.upsert(query(where("_id").is(aggregateId).and(LAST_SEQUENCE).lt(sequence)), update, collection);
        } catch (DuplicateKeyException newerFact) {
            log.debug("Fact {} in {} is already at sequence {} or later", aggregateId, collection, sequence);
        }
    }
}
