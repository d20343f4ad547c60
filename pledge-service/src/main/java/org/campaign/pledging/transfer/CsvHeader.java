package org.campaign.pledging.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header row of an import file: where each known column is. Names are matched ignoring case and surrounding
 * blanks; unknown columns are ignored.
 */
public final class CsvHeader {

    /** The header row does not name every required column, or names one twice. */
    public static class HeaderException extends IllegalArgumentException {

        private final List<String> missing;

        HeaderException(String message, List<String> missing) {
            super(message);
            this.missing = List.copyOf(missing);
        }

        public List<String> missing() {
            return missing;
        }
    }

    private final ImportKind kind;
    private final int width;
    private final Map<String, Integer> positions;

    private CsvHeader(ImportKind kind, int width, Map<String, Integer> positions) {
        this.kind = kind;
        this.width = width;
        this.positions = positions;
    }

    /** The header of a file of {@code kind}; refused if a required column is missing or a column repeats. */
    public static CsvHeader of(ImportKind kind, List<String> names) {
        Map<String, String> known = new HashMap<>();
        kind.columns().forEach(column -> known.put(column.toLowerCase(Locale.ROOT), column));
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (i == 0 && !name.isEmpty() && name.charAt(0) == '\uFEFF') {
                name = name.substring(1).strip();
            }
            String column = known.get(name.toLowerCase(Locale.ROOT));
            if (column != null && positions.putIfAbsent(column, i) != null) {
                throw new HeaderException("Column " + column + " appears twice in the header row", List.of());
            }
        }
        List<String> missing = new ArrayList<>();
        for (String column : kind.required()) {
            if (!positions.containsKey(column)) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            List<String> optional = kind.columns().subList(kind.required().size(), kind.columns().size());
            throw new HeaderException("The header row lacks the column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; a file of " + kind.path() + " needs "
                    + String.join(",", kind.required())
                    + (optional.isEmpty() ? "" : " (optional: " + String.join(",", optional) + ")"), missing);
        }
        return new CsvHeader(kind, names.size(), Map.copyOf(positions));
    }

    public ImportKind kind() {
        return kind;
    }

    /** The number of fields in the header row. */
    public int width() {
        return width;
    }

    /** The raw value of {@code column} in {@code fields}, or {@code null} if the file has no such column. */
    String value(List<String> fields, String column) {
        Integer position = positions.get(column);
        return position == null || position >= fields.size() ? null : fields.get(position);
    }
}
