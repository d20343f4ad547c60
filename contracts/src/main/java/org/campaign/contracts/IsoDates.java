package org.campaign.contracts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the instants and dates events are written with — {@code 2011-06-05T08:00:00.123Z} and {@code 2011-12-31} —
 * directly from their digits. The JDK's ISO parser builds a formatter for every instant it reads, which made a
 * tenth of the work of replaying a topic; any other form (an offset, a number, a leap second, a malformed value) is
 * left to the Java time module's deserializers, so what is accepted and what is refused stays the same.
 */
public final class IsoDates {

    private IsoDates() {
    }

    static SimpleModule module() {
        return new SimpleModule("iso-dates")
                .addDeserializer(Instant.class, new JsonDeserializer<>() {
                    @Override
                    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                        Instant instant = parser.currentToken() == JsonToken.VALUE_STRING ? instant(parser.getText()) : null;
                        return instant != null ? instant : InstantDeserializer.INSTANT.deserialize(parser, context);
                    }
                })
                .addDeserializer(LocalDate.class, new JsonDeserializer<>() {
                    @Override
                    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                        LocalDate date = parser.currentToken() == JsonToken.VALUE_STRING ? date(parser.getText()) : null;
                        return date != null ? date : LocalDateDeserializer.INSTANCE.deserialize(parser, context);
                    }
                });
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f…]Z}, or {@code null} for any other text. */
    public static Instant instant(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || length == 21 || text.charAt(length - 1) != 'Z' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || (length > 20 && text.charAt(19) != '.')) {
            return null;
        }
        LocalDate day = dateAtStart(text);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (day == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fraction = digits(text, 20, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = length - 1 - 20; i < 9; i++) {
                nanos *= 10;
            }
        }
        return Instant.ofEpochSecond(day.toEpochDay() * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** {@code yyyy-MM-dd}, or {@code null} for any other text or an impossible date. */
    static LocalDate date(String text) {
        return text.length() == 10 ? dateAtStart(text) : null;
    }

    /** The {@code yyyy-MM-dd} that {@code text} (of ten characters or more) starts with, or {@code null}. */
    private static LocalDate dateAtStart(String text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    /** The number written by the ASCII digits in {@code [from, to)}, or -1 if any is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
