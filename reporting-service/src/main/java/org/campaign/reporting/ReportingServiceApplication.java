package org.campaign.reporting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Read side of the campaign platform: projects the pledge and evaluation events published on Kafka into MongoDB
 * read models and serves district-wide statistics to the leadership group (创先争优活动领导小组).
 */
@SpringBootApplication
public class ReportingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportingServiceApplication.class, args);
    }
}
