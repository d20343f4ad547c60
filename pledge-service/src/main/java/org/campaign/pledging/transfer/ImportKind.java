package org.campaign.pledging.transfer;

import java.util.List;
import java.util.stream.Stream;

/**
 * What a CSV file holds, and the columns its header row must (and may) name. A required column must be present
 * even where a row may leave it empty ({@code parentId} empty means a top-level organisation, so a file without
 * that column is refused rather than read as a file of top-level organisations). Other columns are ignored, so an
 * export with its extra columns can be imported again.
 */
public enum ImportKind {

    ORGANISATIONS("organisations",
            List.of("organisationId", "name", "kind", "sector", "parentId", "townshipId"),
            List.of("agency")),
    MEMBERS("members",
            List.of("memberId", "name", "organisationId", "category"),
            List.of()),
    PLEDGES("pledges",
            List.of("campaignId", "pledgerType", "pledgerId", "kind", "focus", "title", "deadline"),
            List.of("pledgeId", "targetQuantity", "targetUnit", "oral"));

    private final String path;
    private final List<String> required;
    private final List<String> optional;

    ImportKind(String path, List<String> required, List<String> optional) {
        this.path = path;
        this.required = required;
        this.optional = optional;
    }

    /** The last segment of the import's URL, e.g. {@code /api/imports/pledges}. */
    public String path() {
        return path;
    }

    public List<String> required() {
        return required;
    }

    public List<String> columns() {
        return Stream.concat(required.stream(), optional.stream()).toList();
    }
}
