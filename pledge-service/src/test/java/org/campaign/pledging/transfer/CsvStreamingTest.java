package org.campaign.pledging.transfer;

import org.campaign.pledging.transfer.CsvReader.Record;
import org.campaign.pledging.transfer.ImportRows.PledgeRow;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 100,000-row pledges file streamed through the reader and the row checks. The file is generated while it is
 * read and never exists in memory as a whole; the test proves that rows are handed out while the file is still
 * being produced — the reader looks ahead by a buffer, not by the file — so memory does not grow with the file.
 */
class CsvStreamingTest {

    private static final int ROWS = 100_000;

    @Test
    void aHundredThousandRowsStreamThroughTheParserWithBoundedLookAhead() throws IOException {
        GeneratedPledges file = new GeneratedPledges(ROWS);
        ImportRows rows = new ImportRows();
        long started = System.nanoTime();
        long valid = 0;
        long maxLookAhead = 0;
        long lastLine = 0;
        try (CsvReader reader = CsvReader.of(file, StandardCharsets.UTF_8, CsvReader.DEFAULT_MAX_RECORD_CHARS)) {
            CsvHeader header = CsvHeader.of(ImportKind.PLEDGES, reader.next().fields());
            for (Record record = reader.next(); record != null; record = reader.next()) {
                PledgeRow row = (PledgeRow) rows.parse(header, record);
                assertThat(row.pledge().title()).startsWith("硬化村道");
                valid++;
                maxLookAhead = Math.max(maxLookAhead, file.rowsProduced() - valid);
                lastLine = record.line();
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(valid).isEqualTo(ROWS);
        assertThat(file.bytesProduced()).isGreaterThan(10_000_000);
        // Every 1,000th title spans two lines: the 99 such rows before the last one push it 99 lines down.
        assertThat(lastLine).isEqualTo(1 + ROWS + (ROWS / 1_000 - 1));
        // The reader's buffers hold a few dozen rows, however long the file.
        assertThat(maxLookAhead).isLessThan(1_000);
        System.out.printf("Parsed and checked %,d rows (%,d bytes) in %,d ms; look-ahead at most %d rows%n",
                valid, file.bytesProduced(), millis, maxLookAhead);
    }

    /** A pledges CSV produced row by row as it is read. */
    static final class GeneratedPledges extends InputStream {

        private final int rows;
        private byte[] current = ("\uFEFFpledgeId,campaignId,pledgerType,pledgerId,kind,focus,title,"
                + "targetQuantity,targetUnit,deadline,oral\r\n").getBytes(StandardCharsets.UTF_8);
        private int position;
        private int produced;
        private long bytes;

        GeneratedPledges(int rows) {
            this.rows = rows;
        }

        long rowsProduced() {
            return produced;
        }

        long bytesProduced() {
            return bytes;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            int n = 0;
            while (n < length && (position < current.length || nextRow())) {
                int chunk = Math.min(length - n, current.length - position);
                System.arraycopy(current, position, target, offset + n, chunk);
                position += chunk;
                n += chunk;
            }
            bytes += n;
            return n == 0 && length > 0 ? -1 : n;
        }

        private boolean nextRow() {
            if (produced == rows) {
                return false;
            }
            produced++;
            String title = produced % 1_000 == 0 ? "\"硬化村道, 第" + produced + "段\n(两行)\"" : "硬化村道第" + produced + "段";
            current = ("p-%06d,cxzy-2011,ORGANISATION,village-%d,PRACTICAL_DEED,围绕群众愿望,%s,%d.5,公里,2011-12-31,否\r\n"
                    .formatted(produced, produced % 50, title, produced % 7 + 1)).getBytes(StandardCharsets.UTF_8);
            position = 0;
            return true;
        }
    }
}
