package org.campaign.reporting.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.campaign.contracts.EventEnvelope;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading facts and JSON payloads tolerantly, and the calendar keys of the time series. */
public final class Values {

    /** The groups of period counters ({@link #countInPeriods}), shared by every projection. */
    private static final CounterGroups PERIOD_GROUPS = new CounterGroups();
    /** The week and month of the dates seen (a few thousand), worked out once per date. */
    private static final BoundedCache<LocalDate, String[]> PERIODS = new BoundedCache<>(100_000);

    private Values() {
    }

    public static boolean flag(Document fact, String field) {
        return fact != null && Boolean.TRUE.equals(fact.get(field));
    }

    public static long number(Document fact, String field) {
        Object value = fact == null ? null : fact.get(field);
        return value instanceof Number number ? number.longValue() : 0;
    }

    /** A text field of a JSON payload; {@code null} when absent, null or blank. */
    public static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    /** A required text field of a JSON payload. */
    public static String required(EventEnvelope event, String field) {
        String value = text(event.payload(), field);
        if (value == null) {
            throw new UnprojectableEventException("Unreadable " + event.type() + " payload in event " + event.eventId()
                    + ": missing " + field);
        }
        return value;
    }

    /** An integer field of a JSON payload, 0 when absent. */
    public static long integer(EventEnvelope event, String field) {
        JsonNode value = event.payload().get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.canConvertToLong()) {
            throw new UnprojectableEventException("Unreadable " + event.type() + " payload in event " + event.eventId()
                    + ": " + field + " is not a whole number: " + value);
        }
        return value.asLong();
    }

    /** A decimal field of a JSON payload, {@code null} when absent. */
    public static BigDecimal decimal(EventEnvelope event, String field) {
        JsonNode value = event.payload().get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            throw new UnprojectableEventException("Unreadable " + event.type() + " payload in event " + event.eventId()
                    + ": " + field + " is not a number: " + value);
        }
    }

    /** A date field of a JSON payload, {@code null} when absent. */
    public static LocalDate date(EventEnvelope event, String field) {
        String value = text(event.payload(), field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UnprojectableEventException("Unreadable " + event.type() + " payload in event " + event.eventId()
                    + ": " + field + " is not a date: " + value);
        }
    }

    /** Checks that a field names one of the constants of an enum; returns the name, or {@code null} when absent. */
    public static <E extends Enum<E>> String constant(EventEnvelope event, String field, Class<E> type) {
        String value = text(event.payload(), field);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value).name();
        } catch (IllegalArgumentException e) {
            throw new UnprojectableEventException("Unreadable " + event.type() + " payload in event " + event.eventId()
                    + ": " + field + " " + value + " is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    public static List<String> texts(JsonNode payload, String field) {
        List<String> values = new ArrayList<>();
        JsonNode array = payload.get(field);
        if (array != null && array.isArray()) {
            array.forEach(item -> values.add(item.asText()));
        }
        return values;
    }

    /** The calendar date of the event in the reporting time zone. */
    public static LocalDate dateOf(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toLocalDate();
    }

    /** The ISO week of a date, e.g. {@code 2011-W05}. */
    public static String isoWeek(LocalDate date) {
        return year(date.get(IsoFields.WEEK_BASED_YEAR)) + "-W" + twoDigits(date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The month of a date, e.g. {@code 2011-06}. */
    public static String month(LocalDate date) {
        return year(date.getYear()) + "-" + twoDigits(date.getMonthValue());
    }

    private static String year(int year) {
        String digits = Integer.toString(year);
        return digits.length() >= 4 ? digits : "0".repeat(4 - digits.length()) + digits;
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    /**
     * Counts one occurrence of {@code field} in the week and the month of {@code date}, in every scope, and in the
     * same periods of each slice ({@code dimension → value}, e.g. the township and the sector of a pledge; see
     * {@link CounterFamily#sliced}).
     */
    public static void countInPeriods(ProjectionContext context, List<String> scopes, LocalDate date, String field,
                                      Map<String, String> slices) {
        if (date == null) {
            return;
        }
        String[] periods = PERIODS.get(date, day -> new String[] {isoWeek(day), month(day)});
        String week = periods[0];
        String month = periods[1];
        List<String> parts = new ArrayList<>(scopes);
        parts.add(week);
        parts.add(month);
        slices.forEach((dimension, value) -> {
            parts.add(dimension);
            parts.add(value);
        });
        context.count(PERIOD_GROUPS.of(parts, () -> {
            List<CounterKey> keys = new ArrayList<>();
            for (String scope : scopes) {
                keys.add(new CounterKey(scope, CounterFamily.WEEK, week));
                keys.add(new CounterKey(scope, CounterFamily.MONTH, month));
                slices.forEach((dimension, value) -> {
                    String key = value == null || value.isBlank() ? CounterKey.UNKNOWN : value;
                    keys.add(new CounterKey(scope, CounterFamily.sliced(CounterFamily.WEEK, dimension, key), week));
                    keys.add(new CounterKey(scope, CounterFamily.sliced(CounterFamily.MONTH, dimension, key), month));
                });
            }
            return keys;
        }), field, 1);
    }
}
