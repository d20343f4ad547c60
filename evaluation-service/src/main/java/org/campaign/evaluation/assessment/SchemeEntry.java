package org.campaign.evaluation.assessment;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The assessment scheme a campaign's scores are computed with; its id is the campaign's. */
@Document("assessment_schemes")
public record SchemeEntry(@Id String campaignId, Scheme scheme) {
}
