package org.campaign.pledging.transfer;

import org.campaign.contracts.pledge.MemberCategory;
import org.campaign.contracts.pledge.PledgeFocus;
import org.campaign.contracts.pledge.PledgeKind;
import org.campaign.contracts.pledge.PledgerType;
import org.campaign.contracts.pledge.Sector;
import org.campaign.contracts.roster.OrganisationKind;
import org.campaign.pledging.pledge.PledgeService.NewPledge;
import org.campaign.pledging.roster.RosterService.Registration;
import org.campaign.pledging.transfer.CsvHeader.HeaderException;
import org.campaign.pledging.transfer.CsvReader.Record;
import org.campaign.pledging.transfer.ImportRows.MemberRow;
import org.campaign.pledging.transfer.ImportRows.OrganisationRow;
import org.campaign.pledging.transfer.ImportRows.PledgeRow;
import org.campaign.pledging.transfer.ImportRows.RowRejected;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checking header rows and rows, without any service: what is refused, with which reason. */
class CsvRowsTest {

    private static final List<String> PLEDGE_COLUMNS = List.of("pledgeId", "campaignId", "pledgerType",
            "pledgerId", "kind", "focus", "title", "targetQuantity", "targetUnit", "deadline", "oral");

    private final ImportRows rows = new ImportRows(() -> "generated-id");

    @Test
    void aHeaderMustNameEveryRequiredColumnInAnyCaseAndOrder() {
        CsvHeader header = CsvHeader.of(ImportKind.MEMBERS, List.of("\uFEFFCategory", " memberid ", "NAME",
                "organisationId", "remarks"));
        assertThat(header.width()).isEqualTo(5);

        assertThatThrownBy(() -> CsvHeader.of(ImportKind.PLEDGES, List.of("campaignId", "pledgerId", "title")))
                .isInstanceOf(HeaderException.class)
                .hasMessageContaining("pledgerType, kind, focus, deadline")
                .satisfies(e -> assertThat(((HeaderException) e).missing())
                        .containsExactly("pledgerType", "kind", "focus", "deadline"));
        assertThatThrownBy(() -> CsvHeader.of(ImportKind.MEMBERS,
                List.of("memberId", "name", "organisationId", "category", "Name")))
                .isInstanceOf(HeaderException.class).hasMessageContaining("name appears twice");
        assertThatThrownBy(() -> CsvHeader.of(ImportKind.ORGANISATIONS,
                List.of("organisationId", "name", "kind", "sector", "townshipId")))
                .hasMessageContaining("lacks the column parentId");
    }

    @Test
    void organisationsAcceptEnglishNamesAndChineseLabels() {
        CsvHeader header = CsvHeader.of(ImportKind.ORGANISATIONS, List.of("organisationId", "name", "kind",
                "sector", "parentId", "townshipId", "agency"));

        OrganisationRow row = (OrganisationRow) rows.parse(header,
                record("v-3", " 三村党支部 ", "党支部", "农村", "east", "east", ""));
        assertThat(row.registration()).isEqualTo(new Registration("v-3", "三村党支部", OrganisationKind.BRANCH,
                Sector.RURAL_VILLAGE, "east", "east", false));
        OrganisationRow top = (OrganisationRow) rows.parse(header,
                record("edu", "教育局党委", "party_committee", "PUBLIC_INSTITUTION", "", "edu", "是"));
        assertThat(top.registration().parentId()).isNull();
        assertThat(top.registration().agency()).isTrue();
    }

    @Test
    void aRowIsRefusedWithEveryProblemItHas() {
        CsvHeader header = CsvHeader.of(ImportKind.ORGANISATIONS, List.of("organisationId", "name", "kind",
                "sector", "parentId", "townshipId"));

        assertThatThrownBy(() -> rows.parse(header, record("bad id", "", "党小组", "城市", "east", "")))
                .isInstanceOf(RowRejected.class)
                .hasMessageContaining("organisationId: 'bad id' is not a valid identifier")
                .hasMessageContaining("name: required")
                .hasMessageContaining("kind: '党小组' is not one of PARTY_COMMITTEE (党委), GENERAL_BRANCH (党总支), "
                        + "BRANCH (党支部)")
                .hasMessageContaining("sector: '城市' is not one of")
                .hasMessageContaining("townshipId: required");
    }

    @Test
    void membersNeedAKnownCategory() {
        CsvHeader header = CsvHeader.of(ImportKind.MEMBERS, List.of("memberId", "name", "organisationId",
                "category"));

        MemberRow row = (MemberRow) rows.parse(header, record("m1", "张大爷", "v1", "无职党员"));
        assertThat(row).isEqualTo(new MemberRow("m1", "张大爷", "v1", MemberCategory.NO_POST));
        assertThat(((MemberRow) rows.parse(header, record("m2", "李四", "v1", "离退休"))).category())
                .isEqualTo(MemberCategory.RETIRED);
        assertThatThrownBy(() -> rows.parse(header, record("m3", "王五", "v1", "学生")))
                .hasMessageContaining("category: '学生' is not one of FARMER (农民)");
    }

    @Test
    void pledgesAreCheckedFieldByField() {
        CsvHeader header = CsvHeader.of(ImportKind.PLEDGES, PLEDGE_COLUMNS);

        PledgeRow row = (PledgeRow) rows.parse(header, record("p-1", "cxzy", "党组织", "v1", "实事承诺",
                "围绕群众愿望", "'=修路", "200,000", "元", "2011/9/30", "是"));
        NewPledge pledge = row.pledge();
        assertThat(pledge.pledgeId()).isEqualTo("p-1");
        assertThat(pledge.pledgerType()).isEqualTo(PledgerType.ORGANISATION);
        assertThat(pledge.kind()).isEqualTo(PledgeKind.PRACTICAL_DEED);
        assertThat(pledge.focus()).isEqualTo(PledgeFocus.PUBLIC_WISHES);
        assertThat(pledge.title()).isEqualTo("=修路");
        assertThat(pledge.target().quantity()).isEqualByComparingTo(new BigDecimal("200000"));
        assertThat(pledge.deadline()).isEqualTo(LocalDate.of(2011, 9, 30));
        assertThat(pledge.oral()).isTrue();

        PledgeRow withoutIdOrTarget = (PledgeRow) rows.parse(header, record("", "cxzy", "MEMBER", "m1", "WORK",
                "CENTRAL_WORK", "带头致富", "", "", "2011-12-31", ""));
        assertThat(withoutIdOrTarget.pledge().pledgeId()).isEqualTo("generated-id");
        assertThat(withoutIdOrTarget.pledge().target()).isNull();
        assertThat(withoutIdOrTarget.pledge().oral()).isFalse();
    }

    @Test
    void badPledgeFieldsAreNamed() {
        CsvHeader header = CsvHeader.of(ImportKind.PLEDGES, PLEDGE_COLUMNS);

        assertThatThrownBy(() -> rows.parse(header, record("p 1", "", "村民", "v1", "WORK", "CENTRAL_WORK", "标题",
                "-3", "公里", "2011-13-01", "maybe")))
                .isInstanceOf(RowRejected.class)
                .hasMessageContaining("pledgeId: 'p 1' is not a valid identifier")
                .hasMessageContaining("campaignId: required")
                .hasMessageContaining("pledgerType: '村民' is not one of ORGANISATION (党组织), MEMBER (党员)")
                .hasMessageContaining("targetQuantity: must be greater than 0")
                .hasMessageContaining("deadline: '2011-13-01' is not a date like 2011-12-31")
                .hasMessageContaining("oral: 'maybe' is not yes or no");
        assertThatThrownBy(() -> rows.parse(header, record("p2", "c", "MEMBER", "m", "WORK", "CENTRAL_WORK", "t",
                "3公里", "", "2011-02-30", "")))
                .hasMessageContaining("targetQuantity: '3公里' is not a number")
                .hasMessageContaining("deadline: '2011-02-30' is not a date");
        assertThatThrownBy(() -> rows.parse(header, record("p3", "c", "MEMBER", "m", "WORK", "CENTRAL_WORK", "t",
                "3", "", "2011-02-03", "")))
                .hasMessage("targetUnit: required when targetQuantity is given");
        assertThatThrownBy(() -> rows.parse(header, record("p4", "c", "MEMBER", "m", "WORK", "CENTRAL_WORK",
                "x".repeat(501), "", "", "2011-02-03", "")))
                .hasMessage("title: at most 500 characters (has 501)");
    }

    @Test
    void aRowMustHaveAsManyFieldsAsTheHeader() {
        CsvHeader header = CsvHeader.of(ImportKind.MEMBERS, List.of("memberId", "name", "organisationId",
                "category"));

        assertThatThrownBy(() -> rows.parse(header, record("m1", "张三", "v1")))
                .hasMessageContaining("The row has 3 fields but the header row has 4");
        assertThatThrownBy(() -> rows.parse(header, record("m1", "张三", "v1", "FARMER", "extra")))
                .hasMessageContaining("The row has 5 fields");
        assertThat(rows.parse(header, record("m1", "张三", "v1", "FARMER", "", " "))).isNotNull();
        assertThatThrownBy(() -> rows.parse(header, new Record(9, List.of("m1", "张三", "v1", "FARMER"),
                "text after the closing quote")))
                .hasMessageContaining("not valid CSV: text after the closing quote");
    }

    private static Record record(String... fields) {
        return new Record(2, Arrays.asList(fields), null);
    }
}
