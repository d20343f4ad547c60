package org.campaign.reporting.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An event's payload object, kept as its JSON text (a slice of the record's value) until something asks for its
 * fields: then it is read into the same tree the mapper would have built, and behaves as any {@link ObjectNode} (its
 * fields, equality, its JSON). A projection that binds the payload to its event record ({@link EnvelopeReader#payload})
 * gets the record bound while the envelope was read, or binds the text, so that the tree is never built: building it
 * and binding the record from it were a third of the work of replaying a topic. The record read from the text is
 * the one read from the tree, except that a decimal keeps the scale it was written with ({@code 3.50} rather than
 * {@code 3.5}); no projection counts a decimal of a record.
 */
final class LazyPayload extends ObjectNode {

    private final byte[] json;
    private final int offset;
    private final int length;
    private final Object bound;

    /**
     * The payload that is {@code length} bytes of {@code json} from {@code offset}, in UTF-8, and the record it was
     * bound to while it was read, if it was.
     */
    LazyPayload(ObjectMapper mapper, byte[] json, int offset, int length, Object bound) {
        super(mapper.getNodeFactory(), new Fields(mapper, json, offset, length));
        this.json = json;
        this.offset = offset;
        this.length = length;
        this.bound = bound;
    }

    /** The record the payload was bound to while it was read, or {@code null}. */
    Object bound() {
        return bound;
    }

    /** Binds the payload's text with {@code reader}. */
    <T> T read(ObjectReader reader) throws IOException {
        return reader.readValue(json, offset, length);
    }

    /** Whether the fields were asked for, and so may have been changed since. */
    boolean fieldsRead() {
        return ((Fields) _children).fields != null;
    }

    /** The fields, read from the text when first asked for. */
    private static final class Fields extends AbstractMap<String, JsonNode> {

        private final ObjectMapper mapper;
        private final byte[] json;
        private final int offset;
        private final int length;
        private Map<String, JsonNode> fields;

        Fields(ObjectMapper mapper, byte[] json, int offset, int length) {
            this.mapper = mapper;
            this.json = json;
            this.offset = offset;
            this.length = length;
        }

        private synchronized Map<String, JsonNode> fields() {
            if (fields == null) {
                Map<String, JsonNode> read = new LinkedHashMap<>();
                try {
                    mapper.readTree(json, offset, length).properties()
                            .forEach(field -> read.put(field.getKey(), field.getValue()));
                } catch (IOException e) {
                    throw new UncheckedIOException("Unreadable payload", e);
                }
                fields = read;
            }
            return fields;
        }

        @Override
        public Set<Entry<String, JsonNode>> entrySet() {
            return fields().entrySet();
        }

        @Override
        public int size() {
            return fields().size();
        }

        @Override
        public boolean containsKey(Object key) {
            return fields().containsKey(key);
        }

        @Override
        public JsonNode get(Object key) {
            return fields().get(key);
        }

        @Override
        public JsonNode put(String key, JsonNode value) {
            return fields().put(key, value);
        }

        @Override
        public JsonNode remove(Object key) {
            return fields().remove(key);
        }

        @Override
        public void clear() {
            fields().clear();
        }
    }
}
