package org.campaign.pledging;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;

import static org.assertj.core.api.Assertions.assertThat;

/** The read models' lists and filters have their indexes in the database once the service has started. */
@PledgeServiceTest
class ReadModelIndexesTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void everyReadModelHasTheIndexesItDeclares() {
        assertThat(indexes("pledges")).contains("path_deadline", "deadline", "organisation");
        assertThat(indexes("organisations")).contains("path");
        assertThat(indexes("members")).contains("path", "organisation");
        assertThat(indexes("imports")).contains("agency_created", "updated");
    }

    private Iterable<String> indexes(String collection) {
        return mongo.indexOps(collection).getIndexInfo().stream().map(IndexInfo::getName).toList();
    }
}
