package org.campaign.reporting.store;

/** One set of a read model: its scope, kind and key ({@link BatchChanges.SetAddition} adds a member to it). */
public record SetRef(String scope, String kind, String key) {
}
