package org.campaign.pledging.transfer;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180) one record at a time, so a file of any length needs memory for one record only.
 * <ul>
 *   <li>Fields are separated by commas; a field in double quotes may contain commas, line breaks and doubled
 *       quotes ({@code ""} stands for one {@code "}). A line break inside a field is read as LF, whichever
 *       form the file uses.</li>
 *   <li>Lines end with CRLF, LF or CR. Each record carries the number of the line it starts on (the first line
 *       is 1), counting the line breaks inside quoted fields, so reports point at the line a spreadsheet editor
 *       shows.</li>
 *   <li>A leading byte-order mark is skipped. Bytes that are not valid in the charset are an error, not silently
 *       replaced: a file saved in another encoding is refused instead of importing garbled names.</li>
 *   <li>A record that is well delimited but not well quoted (text after a closing quote, a quote that is never
 *       closed) is returned with {@link Record#malformed()} saying what is wrong, so that the caller can reject
 *       that row and go on. A record longer than the limit is a {@link CsvFormatException}: after it nothing can
 *       be trusted.</li>
 * </ul>
 */
public final class CsvReader implements Closeable {

    /** One record: the line it starts on, its fields, and what is wrong with its quoting if anything. */
    public record Record(long line, List<String> fields, String malformed) {

        /** True for an empty line or a line of empty fields (spreadsheets often leave such rows at the end). */
        public boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    /** The file cannot be read on from here; {@code line} is where the trouble started. */
    public static class CsvFormatException extends IOException {

        private final long line;

        public CsvFormatException(long line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    public static final int DEFAULT_MAX_RECORD_CHARS = 100_000;

    private static final int EOF = -1;
    private static final char BOM = '\uFEFF';

    private final Reader in;
    private final int maxRecordChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private long line = 1;
    private boolean started;
    private boolean finished;
    private final StringBuilder field = new StringBuilder();
    private int recordChars;

    public CsvReader(Reader in, int maxRecordChars) {
        this.in = in;
        this.maxRecordChars = maxRecordChars;
    }

    /** A reader of bytes in {@code charset} that refuses malformed input instead of replacing it. */
    public static CsvReader of(InputStream bytes, Charset charset, int maxRecordChars) {
        return new CsvReader(new InputStreamReader(bytes, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), maxRecordChars);
    }

    /** The next record, or {@code null} at the end of the input. */
    public Record next() throws IOException {
        if (!started) {
            started = true;
            if (peek() == BOM) {
                position++;
            }
        }
        if (finished || peek() == EOF) {
            finished = true;
            return null;
        }
        long start = line;
        recordChars = 0;
        List<String> fields = new ArrayList<>();
        String malformed = null;
        while (true) {
            field.setLength(0);
            int c = peek();
            if (c == '"') {
                position++;
                String problem = quoted(start);
                if (malformed == null) {
                    malformed = problem;
                }
            } else {
                unquoted();
            }
            fields.add(field.toString());
            c = read();
            if (c == ',') {
                continue;
            }
            if (c == EOF) {
                finished = true;
            } else {
                endOfLine(c);
            }
            return new Record(start, List.copyOf(fields), malformed);
        }
    }

    /** Reads an unquoted field up to (not including) the next comma, line break or end of input. */
    private void unquoted() throws IOException {
        int c;
        while ((c = peek()) != EOF && c != ',' && c != '\r' && c != '\n') {
            append(c);
            position++;
        }
    }

    /**
     * Reads a quoted field after its opening quote, leaving the position at the delimiter that follows; answers
     * what is wrong with its quoting, or {@code null}.
     */
    private String quoted(long start) throws IOException {
        long opened = line;
        while (true) {
            int c = read();
            if (c == EOF) {
                return "a quoted field opened on line " + opened + " is never closed";
            }
            if (c == '"') {
                if (peek() == '"') {
                    position++;
                    append('"');
                    continue;
                }
                break;
            }
            if (c == '\r' || c == '\n') {
                endOfLine(c);
                c = '\n';
            }
            append(c);
        }
        String problem = null;
        int c;
        while ((c = peek()) != EOF && c != ',' && c != '\r' && c != '\n') {
            if (problem == null) {
                problem = "text after the closing quote of a field on line " + line
                        + " (a quote inside a quoted field must be doubled)";
            }
            append(c);
            position++;
        }
        return problem;
    }

    /** Consumes a line break that started with {@code c}, counting it once whether CRLF, LF or CR. */
    private void endOfLine(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            position++;
        }
        line++;
    }

    private void append(int c) throws CsvFormatException {
        if (++recordChars > maxRecordChars) {
            throw new CsvFormatException(line, "a row is longer than " + maxRecordChars
                    + " characters; is a quote missing its closing quote?");
        }
        field.append((char) c);
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private int read() throws IOException {
        int c = peek();
        if (c != EOF) {
            position++;
        }
        return c;
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
