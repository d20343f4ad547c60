package org.campaign.pledging;

import org.campaign.testsupport.WithTestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The pledge service running against real Kafka and a MongoDB wire-protocol server, with a clock the test can
 * move. All tests so annotated share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "campaign.pledges.lapse-check=PT24H")
@WithTestInfrastructure
@Import({TestClock.class, ApiClient.class})
public @interface PledgeServiceTest {
}
