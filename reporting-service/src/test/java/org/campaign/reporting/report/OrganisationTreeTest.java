package org.campaign.reporting.report;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tree's townships: an organisation's own when it heads one, its parent's otherwise, moves included. */
class OrganisationTreeTest {

    static Document organisation(String id, String parentId, String townshipId) {
        return new Document("organisationId", id).append("name", id).append("parentId", parentId)
                .append("townshipId", townshipId).append("active", true);
    }

    @Test
    void aSubtreeFollowsAnOrganisationMovedIntoAnotherTownship() {
        // The village moved from east to west; only its own event named the new township.
        OrganisationTree tree = OrganisationTree.of(List.of(
                organisation("district", null, "district"),
                organisation("east", "district", "east"),
                organisation("west", "district", "west"),
                organisation("village", "west", "west"),
                organisation("group", "village", "east"),
                organisation("office", "village", "office"),
                organisation("office-branch", "office", "office")));

        assertThat(tree.node("east").townshipId()).isEqualTo("east");
        assertThat(tree.node("village").townshipId()).isEqualTo("west");
        assertThat(tree.node("group").townshipId()).isEqualTo("west");
        // An organisation that heads a township of its own keeps it, with its subtree.
        assertThat(tree.node("office").townshipId()).isEqualTo("office");
        assertThat(tree.node("office-branch").townshipId()).isEqualTo("office");
        assertThat(tree.node("district").townshipId()).isEqualTo("district");
        assertThat(tree.node("west").children()).containsExactly("village");
    }
}
