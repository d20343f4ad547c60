package org.campaign.reporting.store;

import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FlatBsonTest {

    private static final DocumentCodec CODEC = new DocumentCodec();

    @Test
    void aFlatFactIsWrittenAsTheDriverWritesItAndReadBackAlike() {
        Document fact = new Document("pledgeId", "p-0042")
                .append("title", "为群众办实事：修缮村道 3 公里")
                .append("accent", "é")
                .append("emoji", "承诺 \uD83D\uDE00")
                .append("approved", true)
                .append("oral", false)
                .append("memberCategory", null)
                .append("lastSequence", 7L)
                .append("count", 3)
                .append("score", 92.5)
                .append("empty", "");

        byte[] direct = FlatBson.encode(fact);

        assertThat(direct).isEqualTo(driver(fact));
        Document read = FlatBson.decode(direct);
        assertThat(read).isEqualTo(fact);
        assertThat(read.get("lastSequence")).isInstanceOf(Long.class);
        assertThat(read.get("count")).isInstanceOf(Integer.class);
        assertThat(read.keySet()).containsExactlyElementsOf(fact.keySet());
    }

    @Test
    void factsThatAreNotFlatOrHaveAnIdGoThroughTheDriversCodec() {
        Document nested = new Document("reviewId", "r-1")
                .append("ratings", List.of("GOOD", "FAIR"))
                .append("detail", new Document("round", "2011-H1"))
                .append("recordedAt", new Date(1_300_000_000_000L));
        Document withId = new Document("name", "一村").append("_id", "o-1");

        assertThat(FlatBson.encode(nested)).isEqualTo(driver(nested));
        assertThat(FlatBson.decode(FlatBson.encode(nested))).isEqualTo(nested);
        assertThat(FlatBson.encode(withId)).isEqualTo(driver(withId));
        assertThat(FlatBson.decode(FlatBson.encode(withId))).isEqualTo(withId);
    }

    @Test
    void whatTheDriverWroteIsReadAlike() {
        Document fact = new Document("status", "FULFILLED").append("lastSequence", 4L).append("sentBack", true);

        assertThat(FlatBson.decode(driver(fact))).isEqualTo(fact);
        assertThat(CODEC.decode(new RawBsonDocument(FlatBson.encode(fact)).asBsonReader(),
                DecoderContext.builder().build())).isEqualTo(fact);
    }

    private static byte[] driver(Document fact) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        CODEC.encode(new BsonBinaryWriter(buffer), fact, EncoderContext.builder().build());
        return buffer.toByteArray();
    }
}
