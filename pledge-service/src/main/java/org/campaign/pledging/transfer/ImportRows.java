package org.campaign.pledging.transfer;

import org.campaign.contracts.pledge.MemberCategory;
import org.campaign.contracts.pledge.PledgerType;
import org.campaign.contracts.pledge.Target;
import org.campaign.pledging.pledge.PledgeService.NewPledge;
import org.campaign.pledging.roster.RosterService.Registration;
import org.campaign.pledging.transfer.CsvReader.Record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Turns one CSV record into what the roster or pledge service is asked to do, checking every field first: required
 * values, lengths, identifiers, enumerated values, dates and quantities. All problems of a row are reported
 * together, so that a clerk can fix the row in one go. Nothing here looks at stored data: whether the row is
 * allowed (agency boundary, duplicates, state) is decided by the services.
 * <p>
 * Values are trimmed (including full-width spaces). Dates are {@code yyyy-MM-dd}; {@code yyyy/M/d}, as spreadsheet
 * programs in Chinese locales save dates, is accepted too. Quantities are positive decimals, with or without
 * thousands separators. Yes/no columns accept true/false, yes/no, y/n, 1/0, 是/否. An apostrophe that an export
 * put before text beginning with a formula character is removed.
 */
public final class ImportRows {

    /** A checked row, ready to be sent through a service. */
    public sealed interface Row permits OrganisationRow, MemberRow, PledgeRow {

        /** The identifier the row gives its record. */
        String id();
    }

    public record OrganisationRow(Registration registration) implements Row {

        @Override
        public String id() {
            return registration.organisationId();
        }
    }

    public record MemberRow(String memberId, String name, String organisationId, MemberCategory category)
            implements Row {

        @Override
        public String id() {
            return memberId;
        }
    }

    public record PledgeRow(NewPledge pledge) implements Row {

        @Override
        public String id() {
            return pledge.pledgeId();
        }
    }

    /** The row is refused before anything is sent; the message names each bad field. */
    public static class RowRejected extends IllegalArgumentException {

        RowRejected(String message) {
            super(message);
        }
    }

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private static final DateTimeFormatter SLASHED_DATE = DateTimeFormatter.ofPattern("uuuu/M/d", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern GROUPED_NUMBER = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private final Supplier<String> newIds;

    public ImportRows() {
        this(() -> UUID.randomUUID().toString());
    }

    ImportRows(Supplier<String> newIds) {
        this.newIds = newIds;
    }

    /** The row {@code record} of a file with {@code header}, checked; {@link RowRejected} if it is not valid. */
    public Row parse(CsvHeader header, Record record) {
        if (record.malformed() != null) {
            throw new RowRejected("The row is not valid CSV: " + record.malformed());
        }
        Fields fields = new Fields(header, record.fields());
        fields.checkWidth();
        Row row = switch (header.kind()) {
            case ORGANISATIONS -> organisation(fields);
            case MEMBERS -> member(fields);
            case PLEDGES -> pledge(fields);
        };
        fields.rejectIfInvalid();
        return row;
    }

    private static OrganisationRow organisation(Fields fields) {
        String id = fields.id("organisationId", true);
        String name = fields.required("name", 200);
        var kind = fields.choice("kind", Labels.ORGANISATION_KIND);
        var sector = fields.choice("sector", Labels.SECTOR);
        String parentId = fields.optional("parentId", 200);
        String townshipId = fields.required("townshipId", 200);
        boolean agency = fields.flag("agency");
        return new OrganisationRow(new Registration(id, name, kind, sector, parentId, townshipId, agency));
    }

    private static MemberRow member(Fields fields) {
        return new MemberRow(fields.id("memberId", true), fields.required("name", 100),
                fields.required("organisationId", 200), fields.choice("category", Labels.MEMBER_CATEGORY));
    }

    private PledgeRow pledge(Fields fields) {
        String id = fields.id("pledgeId", false);
        String campaignId = fields.required("campaignId", 200);
        PledgerType pledgerType = fields.choice("pledgerType", Labels.PLEDGER_TYPE);
        String pledgerId = fields.required("pledgerId", 200);
        var kind = fields.choice("kind", Labels.PLEDGE_KIND);
        var focus = fields.choice("focus", Labels.PLEDGE_FOCUS);
        String title = fields.required("title", 500);
        BigDecimal quantity = fields.positive("targetQuantity");
        String unit = fields.optional("targetUnit", 50);
        Target target = null;
        if (quantity != null && unit != null) {
            target = new Target(quantity, unit);
        } else if (quantity != null) {
            fields.error("targetUnit: required when targetQuantity is given");
        } else if (unit != null && fields.isBlank("targetQuantity")) {
            fields.error("targetQuantity: required when targetUnit is given");
        }
        LocalDate deadline = fields.date("deadline");
        boolean oral = fields.flag("oral");
        return new PledgeRow(new NewPledge(id == null ? newIds.get() : id, campaignId, pledgerType, pledgerId,
                kind, focus, title, target, deadline, oral));
    }

    /** The fields of one record, read by column name, collecting every problem found. */
    private static final class Fields {

        private final CsvHeader header;
        private final List<String> values;
        private final List<String> errors = new ArrayList<>();

        Fields(CsvHeader header, List<String> values) {
            this.header = header;
            this.values = values;
        }

        void checkWidth() {
            int width = header.width();
            boolean extraText = values.size() > width
                    && values.subList(width, values.size()).stream().anyMatch(value -> !value.isBlank());
            if (values.size() < width || extraText) {
                throw new RowRejected("The row has " + values.size() + " fields but the header row has " + width
                        + " (is a comma or a quote missing or extra?)");
            }
        }

        /** The trimmed value, or {@code null} if empty or the column is absent. */
        String text(String column) {
            String raw = header.value(values, column);
            if (raw == null) {
                return null;
            }
            String value = raw.strip();
            if (value.length() > 1 && value.charAt(0) == '\'' && CsvWriter.isFormulaStart(value.charAt(1))) {
                value = value.substring(1);
            }
            return value.isEmpty() ? null : value;
        }

        boolean isBlank(String column) {
            return text(column) == null;
        }

        String required(String column, int maxLength) {
            String value = text(column);
            if (value == null) {
                error(column + ": required");
                return null;
            }
            return checkLength(column, value, maxLength);
        }

        String optional(String column, int maxLength) {
            String value = text(column);
            return value == null ? null : checkLength(column, value, maxLength);
        }

        private String checkLength(String column, String value, int maxLength) {
            if (value.length() > maxLength) {
                error(column + ": at most " + maxLength + " characters (has " + value.length() + ")");
            }
            return value;
        }

        String id(String column, boolean required) {
            String value = required ? required(column, 64) : text(column);
            if (value != null && !ID.matcher(value).matches()) {
                error(column + ": '" + value + "' is not a valid identifier (1 to 64 letters, digits, '_', '.' "
                        + "or '-')");
            }
            return value;
        }

        <E extends Enum<E>> E choice(String column, Labels<E> labels) {
            String value = text(column);
            if (value == null) {
                error(column + ": required");
                return null;
            }
            Optional<E> parsed = labels.parse(value);
            if (parsed.isEmpty()) {
                error(column + ": '" + value + "' is not one of " + labels.accepted());
            }
            return parsed.orElse(null);
        }

        LocalDate date(String column) {
            String value = text(column);
            if (value == null) {
                error(column + ": required");
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException iso) {
                try {
                    return LocalDate.parse(value, SLASHED_DATE);
                } catch (DateTimeParseException slashed) {
                    error(column + ": '" + value + "' is not a date like 2011-12-31");
                    return null;
                }
            }
        }

        BigDecimal positive(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            String digits = GROUPED_NUMBER.matcher(value).matches() ? value.replace(",", "") : value;
            try {
                BigDecimal number = new BigDecimal(digits);
                if (number.signum() <= 0) {
                    error(column + ": must be greater than 0 (is " + value + ")");
                    return null;
                }
                return number;
            } catch (NumberFormatException e) {
                error(column + ": '" + value + "' is not a number");
                return null;
            }
        }

        boolean flag(String column) {
            String value = text(column);
            if (value == null) {
                return false;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1", "是" -> true;
                case "false", "no", "n", "0", "否" -> false;
                default -> {
                    error(column + ": '" + value + "' is not yes or no (true/false, 是/否)");
                    yield false;
                }
            };
        }

        void error(String message) {
            errors.add(message);
        }

        void rejectIfInvalid() {
            if (!errors.isEmpty()) {
                throw new RowRejected(String.join("; ", errors));
            }
        }
    }
}
