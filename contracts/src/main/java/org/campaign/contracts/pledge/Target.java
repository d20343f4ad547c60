package org.campaign.contracts.pledge;

import java.math.BigDecimal;

/** A measurable target: 89.7 km of road, 30 households, 200,000 yuan. */
public record Target(BigDecimal quantity, String unit) {
}
