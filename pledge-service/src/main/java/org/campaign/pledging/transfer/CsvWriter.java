package org.campaign.pledging.transfer;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CSV (RFC 4180) that spreadsheet programs open as the agencies expect: UTF-8 with a byte-order mark (else
 * Excel shows Chinese text garbled), CRLF line ends, fields quoted when they contain a comma, quote or line break.
 * <p>
 * Free text typed by users is written through {@link #text(String)}: text that a spreadsheet would run as a
 * formula ({@code =}, {@code +}, {@code -}, {@code @}, tab or CR first) is prefixed with an apostrophe, so that
 * opening an export never executes what someone typed into a title. The importer removes that apostrophe again
 * ({@link ImportRows}), so an edited export can be imported back unchanged.
 */
public final class CsvWriter implements Flushable {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Writer out;

    private CsvWriter(Writer out) {
        this.out = out;
    }

    /** A writer of UTF-8 to {@code bytes}, starting with the byte-order mark. */
    public static CsvWriter utf8WithBom(OutputStream bytes) throws IOException {
        bytes.write(UTF8_BOM);
        return new CsvWriter(new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), 65_536));
    }

    /** Writes one record; {@code null} fields are written empty. */
    public void row(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            field(fields.get(i));
        }
        out.write("\r\n");
    }

    private void field(String value) throws IOException {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }

    /** Free text, guarded so that a spreadsheet shows it instead of evaluating it as a formula. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return isFormulaStart(value.charAt(0)) ? "'" + value : value;
    }

    static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
