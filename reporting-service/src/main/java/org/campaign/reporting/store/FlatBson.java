package org.campaign.reporting.store;

import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Facts as BSON, written and read directly when they are flat — every value a string, boolean, whole number,
 * double or null, as nearly every fact is — and by the driver's {@link DocumentCodec} otherwise. The bytes and the
 * documents read back are the same either way (the driver's codec would also put an {@code _id} first, so a fact
 * with one goes through the codec); the direct way spares the codec's per-value look-ups and its buffers, which
 * were a tenth of the CPU of a rebuild, where each fact is written and read again for nearly every event.
 */
final class FlatBson {

    private static final DocumentCodec CODEC = new DocumentCodec();
    private static final EncoderContext ENCODING = EncoderContext.builder().build();
    private static final DecoderContext DECODING = DecoderContext.builder().build();
    private static final byte DOUBLE = 0x01;
    private static final byte STRING = 0x02;
    private static final byte BOOLEAN = 0x08;
    private static final byte NULL = 0x0A;
    private static final byte INT32 = 0x10;
    private static final byte INT64 = 0x12;
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[1024]);

    private FlatBson() {
    }

    static byte[] encode(Document fact) {
        if (fact.containsKey("_id")) {
            return encodeWithCodec(fact);
        }
        Writer writer = new Writer(BUFFERS.get());
        writer.int32(0);
        for (Map.Entry<String, Object> entry : fact.entrySet()) {
            if (!writer.element(entry.getKey(), entry.getValue())) {
                return encodeWithCodec(fact);
            }
        }
        writer.byte1(0);
        writer.int32At(0, writer.size);
        BUFFERS.set(writer.bytes);
        return Arrays.copyOf(writer.bytes, writer.size);
    }

    static Document decode(byte[] bson) {
        Document fact = new Document();
        int at = 4;
        int end = bson.length - 1;
        while (at < end) {
            byte type = bson[at++];
            int nameEnd = at;
            while (bson[nameEnd] != 0) {
                nameEnd++;
            }
            String name = text(bson, at, nameEnd - at);
            at = nameEnd + 1;
            switch (type) {
                case STRING -> {
                    int length = int32(bson, at);
                    fact.put(name, text(bson, at + 4, length - 1));
                    at += 4 + length;
                }
                case BOOLEAN -> fact.put(name, bson[at++] != 0);
                case NULL -> fact.put(name, null);
                case INT32 -> {
                    fact.put(name, int32(bson, at));
                    at += 4;
                }
                case INT64 -> {
                    fact.put(name, int64(bson, at));
                    at += 8;
                }
                case DOUBLE -> {
                    fact.put(name, Double.longBitsToDouble(int64(bson, at)));
                    at += 8;
                }
                default -> {
                    return CODEC.decode(new RawBsonDocument(bson).asBsonReader(), DECODING);
                }
            }
        }
        return fact;
    }

    private static byte[] encodeWithCodec(Document fact) {
        BasicOutputBuffer buffer = new BasicOutputBuffer(256);
        CODEC.encode(new BsonBinaryWriter(buffer), fact, ENCODING);
        return buffer.toByteArray();
    }

    private static String text(byte[] bson, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (bson[i] < 0) {
                return new String(bson, from, length, StandardCharsets.UTF_8);
            }
        }
        return new String(bson, from, length, StandardCharsets.ISO_8859_1);
    }

    static int int32(byte[] bson, int at) {
        return (bson[at] & 0xff) | (bson[at + 1] & 0xff) << 8 | (bson[at + 2] & 0xff) << 16
                | (bson[at + 3] & 0xff) << 24;
    }

    private static long int64(byte[] bson, int at) {
        return (int32(bson, at) & 0xffffffffL) | ((long) int32(bson, at + 4)) << 32;
    }

    /** Appends BSON to a growing array. */
    private static final class Writer {

        byte[] bytes;
        int size;

        Writer(byte[] bytes) {
            this.bytes = bytes;
        }

        /** Writes one element; {@code false} when the value is not flat. */
        boolean element(String name, Object value) {
            if (value instanceof String text) {
                byte1(STRING);
                name(name);
                int lengthAt = size;
                int32(0);
                int start = size;
                utf8(text);
                byte1(0);
                int32At(lengthAt, size - start);
            } else if (value instanceof Boolean flag) {
                byte1(BOOLEAN);
                name(name);
                byte1(flag ? 1 : 0);
            } else if (value == null) {
                byte1(NULL);
                name(name);
            } else if (value instanceof Integer number) {
                byte1(INT32);
                name(name);
                int32(number);
            } else if (value instanceof Long number) {
                byte1(INT64);
                name(name);
                int64(number);
            } else if (value instanceof Double number) {
                byte1(DOUBLE);
                name(name);
                int64(Double.doubleToRawLongBits(number));
            } else {
                return false;
            }
            return true;
        }

        private void name(String name) {
            if (name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("A fact's field name cannot hold a NUL character: " + name);
            }
            utf8(name);
            byte1(0);
        }

        private void utf8(String text) {
            int length = text.length();
            room(length);
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
                    room(encoded.length);
                    System.arraycopy(encoded, 0, bytes, size, encoded.length);
                    size += encoded.length;
                    return;
                }
                bytes[size + i] = (byte) c;
            }
            size += length;
        }

        void byte1(int value) {
            room(1);
            bytes[size++] = (byte) value;
        }

        void int32(int value) {
            room(4);
            int32At(size, value);
            size += 4;
        }

        void int32At(int at, int value) {
            bytes[at] = (byte) value;
            bytes[at + 1] = (byte) (value >>> 8);
            bytes[at + 2] = (byte) (value >>> 16);
            bytes[at + 3] = (byte) (value >>> 24);
        }

        private void int64(long value) {
            int32((int) value);
            int32((int) (value >>> 32));
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
