package org.campaign.evaluation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * What superiors and inspection groups record about organisations and members: leadership reviews and the
 * rectifications they require, mass evaluations, year-end assessments and the ledger of lagging units —
 * event-sourced and published to Kafka.
 */
@SpringBootApplication
public class EvaluationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(EvaluationServiceApplication.class, args);
    }
}
