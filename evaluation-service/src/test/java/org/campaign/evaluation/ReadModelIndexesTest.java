package org.campaign.evaluation;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;

import static org.assertj.core.api.Assertions.assertThat;

/** The read models' lists and filters have their indexes in the database once the service has started. */
@EvaluationServiceTest
class ReadModelIndexesTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void everyReadModelHasTheIndexesItDeclares() {
        assertThat(indexes("reviews")).contains("path_recorded", "reviewer_recorded", "township", "organisation");
        assertThat(indexes("mass_evaluations")).contains("opened_by", "township", "organisation");
        assertThat(indexes("assignments")).contains("reviewer_active");
        assertThat(indexes("lagging_units")).contains("campaign_year");
        assertThat(indexes("roster-members")).contains("organisation");
        assertThat(indexes("roster-organisations")).contains("path", "township");
    }

    private Iterable<String> indexes(String collection) {
        return mongo.indexOps(collection).getIndexInfo().stream().map(IndexInfo::getName).toList();
    }
}
