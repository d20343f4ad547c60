package org.campaign.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoDatesTest {

    private final ObjectMapper json = EventJson.newObjectMapper();

    @Test
    void readsInstantsAsTheJdkDoes() throws Exception {
        for (String text : List.of("2011-06-05T08:00:00Z", "2011-06-05T08:00:00.1Z", "2011-06-05T08:00:00.123Z",
                "2011-06-05T08:00:00.123456Z", "2011-06-05T08:00:00.123456789Z", "1969-12-31T23:59:59.999Z",
                "2012-02-29T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z")) {
            assertThat(IsoDates.instant(text)).as(text).isEqualTo(Instant.parse(text));
            assertThat(json.readValue("\"" + text + "\"", Instant.class)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void leavesEveryOtherFormToTheJavaTimeModule() throws Exception {
        for (String text : List.of("2011-06-05T08:00:00+08:00", "2011-06-05T08:00Z", "2011-06-05T08:00:00.Z",
                "2011-02-30T08:00:00Z", "2011-06-05T24:00:00Z", "2011-06-05T08:00:60Z", "2011-06-05 08:00:00Z",
                "+2011-06-05T08:00:00Z")) {
            assertThat(IsoDates.instant(text)).as(text).isNull();
        }
        assertThat(json.readValue("\"2011-06-05T16:00:00+08:00\"", Instant.class))
                .isEqualTo(Instant.parse("2011-06-05T08:00:00Z"));
        assertThat(json.readValue("1307260800", Instant.class)).isEqualTo(Instant.parse("2011-06-05T08:00:00Z"));
        assertThatThrownBy(() -> json.readValue("\"2011-02-30T08:00:00Z\"", Instant.class))
                .isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void readsDatesAsTheJdkDoes() throws Exception {
        assertThat(json.readValue("\"2011-12-31\"", LocalDate.class)).isEqualTo(LocalDate.of(2011, 12, 31));
        assertThat(IsoDates.date("2012-02-29")).isEqualTo(LocalDate.of(2012, 2, 29));
        assertThat(IsoDates.date("2011-02-29")).isNull();
        assertThat(IsoDates.date("2011-1-31")).isNull();
        assertThatThrownBy(() -> json.readValue("\"2011-02-29\"", LocalDate.class))
                .isInstanceOf(InvalidFormatException.class);
        assertThat(json.readValue("[2011,12,31]", LocalDate.class)).isEqualTo(LocalDate.of(2011, 12, 31));
    }
}
