package org.campaign.evaluation;

import org.campaign.testsupport.WithTestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The evaluation service running against real Kafka and a MongoDB wire-protocol server. All tests so annotated
 * share one application context, and so one database and one topic: each test works on its own campaign and
 * subjects and finds its events by their aggregate ids. The subjects must be on the roster: tests publish it with
 * {@link RosterFixture}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithTestInfrastructure
@Import({ApiClient.class, RosterFixture.class})
public @interface EvaluationServiceTest {
}
