package org.campaign.pledging;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A clock that tests set to any day; it starts on 1 July 2011 in the district's time zone. */
@TestConfiguration
public class TestClock extends Clock {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private volatile Instant now = LocalDate.of(2011, 7, 1).atStartOfDay(ZONE).toInstant();

    @Bean
    @Primary
    Clock testClock() {
        return this;
    }

    public void setToday(LocalDate day) {
        now = day.atTime(12, 0).atZone(ZONE).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }

}
