package org.campaign.evaluation.assignment;

import org.campaign.service.security.Caller;
import org.campaign.service.security.Roles;
import org.campaign.write.CommandRefused;
import org.campaign.write.web.Acting;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The district office is the district agency acting as administrator — the agency alone is not enough. */
class ReviewerScopeTest {

    final ReviewerScope scope = new ReviewerScope(null, null, "district");

    static Acting acting(String agency, String... roles) {
        return new Acting(new Caller("u-1", agency, "direct", Set.of(roles)), null);
    }

    @Test
    void onlyAnAdministratorOfTheDistrictAgencyIsTheDistrictOffice() {
        assertThat(scope.isAdministrator(acting("district", Roles.ADMINISTRATOR))).isTrue();
        assertThat(scope.isAdministrator(acting("district", Roles.REVIEWER, Roles.INSPECTION_GROUP))).isFalse();
        assertThat(scope.isAdministrator(acting("east-township", Roles.ADMINISTRATOR))).isFalse();
        assertThatThrownBy(() -> scope.requireAdministrator(acting("district", Roles.REVIEWER), "assign reviewers"))
                .isInstanceOf(CommandRefused.class)
                .hasMessage("Only the district office may assign reviewers");
    }

    @Test
    void theDistrictOfficeCoversEverySubjectWithoutAnAssignment() {
        assertThat(scope.covers(acting("district", Roles.ADMINISTRATOR), "cxzy-2011", "v1", null)).isTrue();
    }
}
