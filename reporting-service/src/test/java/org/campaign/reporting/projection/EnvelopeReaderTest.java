package org.campaign.reporting.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.campaign.contracts.EventEnvelope;
import org.campaign.contracts.EventJson;
import org.campaign.contracts.pledge.PledgeMade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reader's field-by-field path must read every envelope exactly as binding the record does. */
class EnvelopeReaderTest {

    private static final ObjectMapper JSON = EventJson.newObjectMapper();
    private final EnvelopeReader reader = new EnvelopeReader();

    @ParameterizedTest
    @ValueSource(strings = {
            // the usual shape
            """
            {"eventId":"e-1","type":"PledgeMade","revision":"2","source":"pledge-service","aggregateType":"Pledge",
             "aggregateId":"p-1","sequence":0,"occurredAt":"2011-06-05T08:00:00.123Z",
             "actor":{"userId":"u-1","agencyId":"a-1"},"correlationId":"c-1",
             "payload":{"pledgeId":"p-1","title":"为群众办实事","pledger":{"type":"MEMBER"},"oral":true}}""",
            // another order, unknown fields (nested too), nulls, a large sequence
            """
            {"payload":{"pledgeId":"p-2"},"extra":{"a":[1,{"b":2}]},"sequence":9007199254740993,"type":"PledgeLapsed",
             "aggregateId":"p-2","eventId":"e-2","actor":null,"occurredAt":null,"revision":null,"more":[1,2]}""",
            // values the field-by-field path leaves to the record binding: a number for a text, an offset instant,
            // an instant as a number, a sequence as text
            """
            {"eventId":17,"type":"PledgeMade","aggregateId":"p-3","sequence":1,"payload":{}}""",
            """
            {"eventId":"e-4","type":"PledgeMade","aggregateId":"p-4","occurredAt":"2011-06-05T16:00:00+08:00",
             "payload":{}}""",
            """
            {"eventId":"e-5","type":"PledgeMade","aggregateId":"p-5","occurredAt":1307260800,"payload":{}}""",
            """
            {"eventId":"e-6","type":"PledgeMade","aggregateId":"p-6","sequence":"3","payload":{}}""",
    })
    void readsEveryEnvelopeAsTheRecordBindingDoes(String value) throws Exception {
        EventEnvelope bound = JSON.readValue(value, EventEnvelope.class);

        assertThat(reader.read(utf8(value))).isEqualTo(bound);
    }

    @Test
    void bindsThePayloadFromItsTextAsFromTheTreeAndWritesItAlike() throws Exception {
        String value = """
                {"eventId":"e-1","type":"PledgeMade","aggregateId":"p-1","sequence":0,
                 "payload": { "pledgeId" : "p-1", "campaignId":"cxzy-2011", "kind":"WORK", "title":"办实事 \\"一\\"",
                   "pledger":{"type":"MEMBER","id":"m-1","organisationId":"o-1","sector":"RURAL_VILLAGE"},
                   "target":{"quantity":3.5,"unit":"公里"},"deadline":"2011-12-31"},
                 "actor":{"userId":"u-1","agencyId":"a-1"}}""";
        EventEnvelope bound = JSON.readValue(value, EventEnvelope.class);

        EventEnvelope read = reader.read(utf8(value));

        assertThat(reader.payload(read, PledgeMade.class)).isEqualTo(reader.payload(bound, PledgeMade.class));
        assertThat(read.payload().toString()).isEqualTo(bound.payload().toString());
        assertThat(read.payload().get("title").asText()).isEqualTo("办实事 \"一\"");
        // Once its fields were read as a tree, the payload is bound from the tree: still the same record.
        assertThat(((LazyPayload) read.payload()).fieldsRead()).isTrue();
        assertThat(reader.payload(read, PledgeMade.class)).isEqualTo(reader.payload(bound, PledgeMade.class));
    }

    @Test
    void oncePayloadsOfATypeWereReadAsARecordTheyAreBoundWhileReadAndOneThatDoesNotFitIsStillReported() {
        String made = "{\"eventId\":\"e-%d\",\"type\":\"PledgeMade\",\"aggregateId\":\"p-1\",\"payload\":%s}";
        String fits = "{\"pledgeId\":\"p-1\",\"kind\":\"WORK\",\"deadline\":\"2011-12-31\",\"oral\":true}";
        PledgeMade first = reader.payload(reader.read(utf8(made.formatted(1, fits))), PledgeMade.class);

        EventEnvelope second = reader.read(utf8(made.formatted(2, fits)));
        EventEnvelope misfit = reader.read(utf8(made.formatted(3, "{\"pledgeId\":\"p-1\",\"kind\":\"NO_SUCH_KIND\"}")));

        assertThat(((LazyPayload) second.payload()).bound()).isEqualTo(first);
        assertThat(reader.payload(second, PledgeMade.class)).isEqualTo(first);
        assertThat(second.payload().get("oral").asBoolean()).isTrue();
        assertThat(misfit.payload().get("kind").asText()).isEqualTo("NO_SUCH_KIND");
        assertThatThrownBy(() -> reader.payload(misfit, PledgeMade.class))
                .isInstanceOf(UnprojectableEventException.class)
                .hasMessageStartingWith("Unreadable PledgeMade payload in event e-3");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"eventId\":\"e-1\",\"type\":\"PledgeMade\",\"aggregateId\":\"p-1\",\"payload\":null}",
            "{\"eventId\":\"e-1\",\"type\":\"PledgeMade\",\"aggregateId\":\"p-1\",\"payload\":[1]}",
            "{\"eventId\":\"e-1\",\"type\":\"PledgeMade\",\"aggregateId\":\"p-1\",\"sequence\":-1,\"payload\":{}}",
            "{\"eventId\":\"e-1\",\"type\":\"PledgeMade\",\"payload\":{}}",
            "{\"eventId\":\"e-1\",\"type\":\"PledgeMade\",\"aggregateId\":\"p-1\",\"actor\":\"me\",\"payload\":{}}",
            "{\"eventId\":\"e-1\",\"type\":",
            "[1,2]",
            "not json",
            " \t\n",
            "\u3000",
    })
    void refusesWhatIsNoEnvelope(String value) {
        assertThatThrownBy(() -> reader.read(utf8(value))).isInstanceOf(UnprojectableEventException.class)
                .hasMessageStartingWith("Malformed");
    }

    @Test
    void readsBytesThatAreNotUtf8AsTheirTextWouldBeRead() {
        byte[] head = utf8("{\"eventId\":\"e-1\",\"type\":\"PledgeMade\",\"aggregateId\":\"p-1\",\"payload\":{\"title\":\"");
        byte[] tail = utf8("\"}}");
        byte[] value = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, value, 0, head.length);
        value[head.length] = (byte) 0xC3;
        value[head.length + 1] = (byte) 0x28;
        System.arraycopy(tail, 0, value, head.length + 2, tail.length);

        EventEnvelope read = reader.read(value);

        assertThat(read).isEqualTo(reader.read(utf8(new String(value, StandardCharsets.UTF_8))));
        assertThat(read.payload().get("title").asText()).isEqualTo("\uFFFD(");
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
