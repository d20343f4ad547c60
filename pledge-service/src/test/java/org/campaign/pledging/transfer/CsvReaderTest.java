package org.campaign.pledging.transfer;

import org.campaign.pledging.transfer.CsvReader.CsvFormatException;
import org.campaign.pledging.transfer.CsvReader.Record;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTest {

    @Test
    void readsRecordsWithTheLineEachStartsOn() throws IOException {
        List<Record> records = read("a,b,c\n1,2,3\n4,5,6\n");

        assertThat(records).extracting(Record::line).containsExactly(1L, 2L, 3L);
        assertThat(records.get(1).fields()).containsExactly("1", "2", "3");
        assertThat(records).allMatch(record -> record.malformed() == null);
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaksWhichCountAsLines() throws IOException {
        List<Record> records = read("id,title,unit\r\n"
                + "p1,\"硬化村道, 修桥\",公里\r\n"
                + "p2,\"他说\"\"好\"\"\",个\r\n"
                + "p3,\"第一行\r\n第二行\n第三行\",户\r\n"
                + "p4,\"\",\r\n");

        assertThat(records).extracting(Record::line).containsExactly(1L, 2L, 3L, 4L, 7L);
        assertThat(records.get(1).fields()).containsExactly("p1", "硬化村道, 修桥", "公里");
        assertThat(records.get(2).fields()).containsExactly("p2", "他说\"好\"", "个");
        assertThat(records.get(3).fields()).containsExactly("p3", "第一行\n第二行\n第三行", "户");
        assertThat(records.get(4).fields()).containsExactly("p4", "", "");
    }

    @Test
    void skipsTheByteOrderMarkAndAcceptsEveryKindOfLineEnd() throws IOException {
        List<Record> records = read("\uFEFFa,b\r1,2\n3,4\r\n5,6");

        assertThat(records.get(0).fields()).containsExactly("a", "b");
        assertThat(records).extracting(Record::line).containsExactly(1L, 2L, 3L, 4L);
        assertThat(records.get(3).fields()).containsExactly("5", "6");
    }

    @Test
    void emptyLinesAreBlankRecordsAndAFinalLineBreakAddsNoRecord() throws IOException {
        List<Record> records = read("a,b\n\n1,2\n,\n");

        assertThat(records).hasSize(4);
        assertThat(records.get(1).isBlank()).isTrue();
        assertThat(records.get(2).isBlank()).isFalse();
        assertThat(records.get(3).isBlank()).isTrue();
        assertThat(read("")).isEmpty();
        assertThat(read("\uFEFF")).isEmpty();
    }

    @Test
    void badQuotingSpoilsOnlyItsOwnRecord() throws IOException {
        List<Record> records = read("a,b\n1,\"x\"y\n2,ok\n3,\"never closed\n4,lost\n");

        assertThat(records.get(1).malformed()).contains("text after the closing quote");
        assertThat(records.get(1).fields()).containsExactly("1", "xy");
        assertThat(records.get(2).fields()).containsExactly("2", "ok");
        assertThat(records.get(2).malformed()).isNull();
        assertThat(records.get(3).line()).isEqualTo(4);
        assertThat(records.get(3).malformed()).contains("opened on line 4 is never closed");
        assertThat(records).hasSize(4);
    }

    @Test
    void aRecordLongerThanTheLimitStopsTheReading() throws IOException {
        CsvReader reader = new CsvReader(new java.io.StringReader("a,b\n1,\"" + "x".repeat(500) + "\n"), 100);
        reader.next();

        assertThatThrownBy(reader::next).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 2").hasMessageContaining("longer than 100 characters");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNotGarbled() throws IOException {
        byte[] gbk = "名称\n农村\n".getBytes(Charset.forName("GBK"));
        CsvReader reader = CsvReader.of(new ByteArrayInputStream(gbk), StandardCharsets.UTF_8, 1000);

        assertThatThrownBy(reader::next).isInstanceOf(CharacterCodingException.class);
        CsvReader asGbk = CsvReader.of(new ByteArrayInputStream(gbk), Charset.forName("GBK"), 1000);
        assertThat(asGbk.next().fields()).containsExactly("名称");
    }

    @Test
    void whatTheWriterWritesTheReaderReadsBack() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvWriter writer = CsvWriter.utf8WithBom(bytes);
        List<String> tricky = List.of("plain", "with, comma", "with \"quotes\"", "two\nlines", "", "农村");
        writer.row(tricky);
        writer.row(List.of("second"));
        writer.flush();

        byte[] written = bytes.toByteArray();
        assertThat(written).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(written, StandardCharsets.UTF_8)).endsWith("\r\nsecond\r\n");
        List<Record> records = new ArrayList<>();
        CsvReader reader = CsvReader.of(new ByteArrayInputStream(written), StandardCharsets.UTF_8, 1000);
        for (Record record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
        }
        assertThat(records.get(0).fields()).isEqualTo(tricky);
        assertThat(records.get(1).line()).isEqualTo(3);
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsGuarded() {
        assertThat(CsvWriter.text("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CsvWriter.text("+1")).isEqualTo("'+1");
        assertThat(CsvWriter.text("@sum")).isEqualTo("'@sum");
        assertThat(CsvWriter.text("硬化村道")).isEqualTo("硬化村道");
        assertThat(CsvWriter.text(null)).isNull();
    }

    private static List<Record> read(String text) throws IOException {
        List<Record> records = new ArrayList<>();
        try (CsvReader reader = CsvReader.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8, CsvReader.DEFAULT_MAX_RECORD_CHARS)) {
            for (Record record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
        }
        return records;
    }
}
