package org.campaign.localinfra;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LocalMongoTest {

    @TempDir
    Path dir;

    @Test
    void persistentServerKeepsDocumentsAcrossRestart() {
        Path file = dir.resolve("nested/mongo.mv");
        try (LocalMongo mongo = LocalMongo.persistent(file, 0)) {
            assertThat(mongo.connectionString()).isEqualTo("mongodb://127.0.0.1:" + mongo.port());
            withCollection(mongo, c -> c.insertOne(new Document("_id", "p-1").append("amount", 42)));
        }
        try (LocalMongo mongo = LocalMongo.persistent(file, 0)) {
            withCollection(mongo, c -> assertThat(c.find(new Document("_id", "p-1")).first())
                    .isNotNull()
                    .containsEntry("amount", 42));
        }
    }

    @Test
    void inMemoryServerAcceptsConnections() {
        try (LocalMongo mongo = LocalMongo.inMemory(0)) {
            withCollection(mongo, c -> {
                c.insertOne(new Document("_id", "x"));
                assertThat(c.countDocuments()).isEqualTo(1);
            });
        }
    }

    private static void withCollection(LocalMongo mongo, java.util.function.Consumer<MongoCollection<Document>> action) {
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            action.accept(client.getDatabase("db").getCollection("pledges"));
        }
    }
}
