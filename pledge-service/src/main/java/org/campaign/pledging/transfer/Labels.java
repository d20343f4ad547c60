package org.campaign.pledging.transfer;

import org.campaign.contracts.pledge.MemberCategory;
import org.campaign.contracts.pledge.PledgeFocus;
import org.campaign.contracts.pledge.PledgeKind;
import org.campaign.contracts.pledge.PledgerType;
import org.campaign.contracts.pledge.Sector;
import org.campaign.contracts.roster.OrganisationKind;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The values of each enumerated column as spreadsheets may write them: the English name (any case, e.g.
 * {@code RURAL_VILLAGE}) or the Chinese label agencies use (农村). Unknown values are refused with the list of
 * accepted ones.
 */
final class Labels<E extends Enum<E>> {

    static final Labels<OrganisationKind> ORGANISATION_KIND = new Labels<>(OrganisationKind.class, Map.of(
            OrganisationKind.PARTY_COMMITTEE, "党委",
            OrganisationKind.GENERAL_BRANCH, "党总支",
            OrganisationKind.BRANCH, "党支部"));

    static final Labels<Sector> SECTOR = new Labels<>(Sector.class, Map.of(
            Sector.RURAL_VILLAGE, "农村",
            Sector.URBAN_COMMUNITY, "社区",
            Sector.GOVERNMENT_ORGAN, "机关",
            Sector.PUBLIC_INSTITUTION, "事业单位",
            Sector.STATE_ENTERPRISE, "国有企业",
            Sector.NON_PUBLIC_ENTERPRISE, "非公企业",
            Sector.NEW_SOCIAL_ORGANISATION, "新社会组织"));

    static final Labels<MemberCategory> MEMBER_CATEGORY = new Labels<>(MemberCategory.class, Map.of(
            MemberCategory.FARMER, "农民",
            MemberCategory.GOVERNMENT_STAFF, "机关干部",
            MemberCategory.COMMUNITY_RESIDENT, "社区居民",
            MemberCategory.ENTERPRISE_STAFF, "企业职工",
            MemberCategory.RETIRED, "离退休",
            MemberCategory.NO_POST, "无职党员"));

    static final Labels<PledgeKind> PLEDGE_KIND = new Labels<>(PledgeKind.class, Map.of(
            PledgeKind.WORK, "工作承诺",
            PledgeKind.PRACTICAL_DEED, "实事承诺"));

    static final Labels<PledgeFocus> PLEDGE_FOCUS = new Labels<>(PledgeFocus.class, Map.of(
            PledgeFocus.CENTRAL_WORK, "围绕中心工作",
            PledgeFocus.OWN_SITUATION, "围绕自身实际",
            PledgeFocus.PUBLIC_WISHES, "围绕群众愿望"));

    static final Labels<PledgerType> PLEDGER_TYPE = new Labels<>(PledgerType.class, Map.of(
            PledgerType.ORGANISATION, "党组织",
            PledgerType.MEMBER, "党员"));

    private final Class<E> type;
    private final Map<E, String> labels;
    private final Map<String, E> byText = new LinkedHashMap<>();

    private Labels(Class<E> type, Map<E, String> labels) {
        this.type = type;
        this.labels = new EnumMap<>(labels);
        for (E value : type.getEnumConstants()) {
            byText.put(value.name(), value);
        }
        labels.forEach((value, label) -> byText.put(label, value));
    }

    /** The value named by {@code text} (English name in any case, or Chinese label), if any. */
    Optional<E> parse(String text) {
        return Optional.ofNullable(byText.get(text.strip().toUpperCase(Locale.ROOT)));
    }

    /** The accepted values, for messages: {@code RURAL_VILLAGE (农村), ...}. */
    String accepted() {
        return Arrays.stream(type.getEnumConstants())
                .map(value -> labels.containsKey(value) ? value.name() + " (" + labels.get(value) + ")"
                        : value.name())
                .collect(Collectors.joining(", "));
    }
}
