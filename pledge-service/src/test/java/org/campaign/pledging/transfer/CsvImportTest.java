package org.campaign.pledging.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import org.campaign.pledging.ApiClient;
import org.campaign.pledging.ApiClient.District;
import org.campaign.pledging.PledgeServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.pledging.ApiClient.expect;
import static org.campaign.pledging.transfer.TransferClient.BOM;

@PledgeServiceTest
class CsvImportTest {

    private static final String PLEDGE_HEADER = "pledgeId,campaignId,pledgerType,pledgerId,kind,focus,title,"
            + "targetQuantity,targetUnit,deadline,oral\r\n";
    private static final String MEMBER_HEADER = "memberId,name,organisationId,category\r\n";
    /** A file whose one row is rejected (400, an unknown organisation): it makes a job and records nothing. */
    private static final String UNKNOWN_ORGANISATION_MEMBER = MEMBER_HEADER
            + "m-nowhere,赵六,no-such-organisation,COMMUNITY_RESIDENT\r\n";

    @Autowired
    ApiClient api;
    @Autowired
    TestRestTemplate http;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ImportService imports;

    TransferClient transfer;
    District district;

    @BeforeEach
    void setUp() {
        transfer = new TransferClient(http);
        district = api.district();
    }

    @Test
    void goodOrganisationAndMemberRowsAreKeptAndBadRowsAreReportedWithTheirLines() {
        String agency = district.township();
        String v3 = district.village() + "-3";
        String v4 = district.village() + "-4";
        String v8 = district.village() + "-8";
        String organisations = BOM + "organisationId,name,kind,sector,parentId,townshipId,agency\r\n"
                + v3 + ",三村党支部,党支部,农村," + district.village() + "," + agency + ",\r\n"
                + v4 + ",四村党支部,BRANCH,RURAL_VILLAGE," + agency + "," + agency + ",否\r\n"
                + district.village() + "-5,,BRANCH,城市," + agency + "," + agency + ",\r\n"
                + district.village() + "-6,六村党支部,BRANCH,RURAL_VILLAGE," + district.otherTownship() + ","
                + district.otherTownship() + ",\r\n"
                + district.village() + "-7,七村党支部,BRANCH,RURAL_VILLAGE,nowhere-" + agency + "," + agency
                + ",\r\n"
                + "\r\n"
                + v8 + ",八村党支部,党支部,农村," + v3 + "," + agency + ",\r\n";

        JsonNode job = transfer.importAndWait(agency, "organisations", organisations);

        assertThat(job.get("status").asText()).isEqualTo("DONE");
        assertThat(job.get("kind").asText()).isEqualTo("ORGANISATIONS");
        assertThat(job.get("rowsRead").asLong()).isEqualTo(6);
        assertThat(job.get("accepted").asLong()).isEqualTo(3);
        assertThat(job.get("rejected").asLong()).isEqualTo(3);
        assertThat(errors(job)).containsExactly(
                "4 400 name: required; sector: '城市' is not one of RURAL_VILLAGE (农村), URBAN_COMMUNITY (社区), "
                        + "GOVERNMENT_ORGAN (机关), PUBLIC_INSTITUTION (事业单位), STATE_ENTERPRISE (国有企业), "
                        + "NON_PUBLIC_ENTERPRISE (非公企业), NEW_SOCIAL_ORGANISATION (新社会组织)",
                "5 403 Agency " + agency + " may not act on organisation " + district.otherTownship()
                        + ": it belongs to another agency",
                "6 400 parentId: there is no organisation nowhere-" + agency);
        JsonNode third = expect(200, api.get(agency, "/api/organisations/" + v3)).getBody();
        assertThat(third.get("name").asText()).isEqualTo("三村党支部");
        assertThat(third.get("kind").asText()).isEqualTo("BRANCH");
        expect(200, api.get(agency, "/api/organisations/" + v4));
        JsonNode eighth = expect(200, api.get(agency, "/api/organisations/" + v8)).getBody();
        assertThat(eighth.get("path")).extracting(JsonNode::asText).containsSubsequence(agency, v3, v8);
        expect(404, api.get(agency, "/api/organisations/" + district.village() + "-6"));

        String members = "memberId,name,organisationId,category\n"
                + "m1-" + v3 + ",\"张,大爷\"," + v3 + ",农民\n"
                + "m2-" + v3 + ",李四," + district.otherTownship() + ",RETIRED\n"
                + "m3-" + v3 + ",王五," + v3 + ",学生\n";

        JsonNode enrolled = transfer.importAndWait(agency, "members", members);

        assertThat(enrolled.get("accepted").asLong()).isEqualTo(1);
        assertThat(errors(enrolled)).hasSize(2);
        assertThat(errors(enrolled).get(0)).startsWith("3 403 Agency " + agency + " may not act on organisation");
        assertThat(errors(enrolled).get(1)).startsWith("4 400 category: '学生' is not one of FARMER (农民)");
        JsonNode roster = expect(200, api.get(agency, "/api/members?organisationId=" + v3)).getBody();
        assertThat(roster.get("total").asLong()).isEqualTo(1);
        assertThat(roster.at("/items/0/name").asText()).isEqualTo("张,大爷");
        assertThat(roster.at("/items/0/category").asText()).isEqualTo("FARMER");
    }

    @Test
    void pledgesKeepMultiLineQuotedTitlesAndAReImportYieldsDuplicatesNotDoubles() {
        String agency = district.township();
        String campaign = district.campaign();
        String p = district.village();
        String title = "硬化村道, 修建\"连心桥\"\n(分两期完成)";
        String csv = PLEDGE_HEADER
                + p + "-p1," + campaign + ",ORGANISATION," + p + ",实事承诺,围绕群众愿望,"
                + "\"硬化村道, 修建\"\"连心桥\"\"\r\n(分两期完成)\",3,公里,2011-12-31,否\r\n"
                + p + "-p2," + campaign + ",党组织," + district.otherVillage() + ",WORK,CENTRAL_WORK,发展特色产业,"
                + "\"30\",户,2011/11/30,\r\n"
                + p + "-p3," + campaign + ",ORGANISATION," + district.otherTownship() + ",WORK,CENTRAL_WORK,"
                + "不属本乡,,,2011-12-31,\r\n"
                + p + "-p4,no-such-campaign,ORGANISATION," + p + ",WORK,CENTRAL_WORK,错的活动,,,2011-12-31,\r\n"
                + p + "-p5," + campaign + ",ORGANISATION," + p + ",WORK,CENTRAL_WORK,缺单位,3,,2011-12-31,\r\n";

        JsonNode first = transfer.importAndWait(agency, "pledges", csv);

        assertThat(first.get("status").asText()).isEqualTo("DONE");
        assertThat(first.get("rowsRead").asLong()).isEqualTo(5);
        assertThat(first.get("accepted").asLong()).isEqualTo(2);
        assertThat(first.get("duplicates").asLong()).isZero();
        List<String> reasons = List.of(
                "5 403 Agency " + agency + " may not act on organisation " + district.otherTownship()
                        + ": it belongs to another agency",
                "6 400 campaignId: there is no campaign no-such-campaign",
                "7 400 targetUnit: required when targetQuantity is given");
        assertThat(errors(first)).containsExactlyElementsOf(reasons);
        JsonNode pledge = expect(200, api.get(agency, "/api/pledges/" + p + "-p1")).getBody().get("pledge");
        assertThat(pledge.get("title").asText()).isEqualTo(title);
        assertThat(pledge.at("/target/quantity").asInt()).isEqualTo(3);
        assertThat(pledge.at("/target/unit").asText()).isEqualTo("公里");
        assertThat(pledge.get("kind").asText()).isEqualTo("PRACTICAL_DEED");
        assertThat(pledge.get("status").asText()).isEqualTo("MADE");
        JsonNode second = expect(200, api.get(agency, "/api/pledges/" + p + "-p2")).getBody().get("pledge");
        assertThat(second.get("deadline").asText()).isEqualTo("2011-11-30");
        long storedEvents = api.storedEvents();

        JsonNode again = transfer.importAndWait(agency, "pledges", csv);

        assertThat(again.get("status").asText()).isEqualTo("DONE");
        assertThat(again.get("accepted").asLong()).isZero();
        assertThat(again.get("rejected").asLong()).isEqualTo(5);
        assertThat(again.get("duplicates").asLong()).isEqualTo(2);
        List<String> expected = new ArrayList<>();
        expected.add("2 409 Pledge " + p + "-p1 already exists; the row was not imported again");
        expected.add("4 409 Pledge " + p + "-p2 already exists; the row was not imported again");
        expected.addAll(reasons);
        assertThat(errors(again)).containsExactlyElementsOf(expected);
        assertThat(api.storedEvents()).isEqualTo(storedEvents);
        JsonNode listed = expect(200, api.get(agency, "/api/pledges?campaignId=" + campaign)).getBody();
        assertThat(listed.get("total").asLong()).isEqualTo(2);
    }

    @Test
    void aPledgeOfAnUnknownPledgerIsRejectedNamingItsColumn() {
        String agency = district.township();
        long before = api.storedEvents();
        JsonNode job = transfer.importAndWait(agency, "pledges", PLEDGE_HEADER + "," + district.campaign()
                + ",MEMBER,nobody-" + agency + ",WORK,CENTRAL_WORK,无人,,,2011-12-31,\r\n");
        assertThat(errors(job)).containsExactly("2 400 pledgerId: there is no member nobody-" + agency);
        assertThat(api.storedEvents()).isEqualTo(before);
    }

    @Test
    void filesThatCannotBeReadAreRefusedAtOnceAndNoJobIsStarted() {
        String agency = district.township();
        long jobs = mongo.getCollection("imports").countDocuments();

        ResponseEntity<JsonNode> json = transfer.upload(agency, "pledges",
                "{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(json.getStatusCode().value()).isEqualTo(415);
        assertThat(json.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        ResponseEntity<JsonNode> empty = transfer.upload(agency, "pledges", "");
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(empty.getBody().get("detail").asText()).contains("The file is empty");

        ResponseEntity<JsonNode> missing = transfer.upload(agency, "pledges",
                BOM + "campaignId,pledgerId,title,备注\r\ncxzy,v1,修路,无\r\n");
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getBody().get("detail").asText())
                .contains("lacks the columns pledgerType, kind, focus, deadline");
        assertThat(missing.getBody().get("missingColumns")).extracting(JsonNode::asText)
                .containsExactly("pledgerType", "kind", "focus", "deadline");

        ResponseEntity<JsonNode> headerOnly = transfer.upload(agency, "members",
                "memberId,name,organisationId,category\r\n\r\n");
        assertThat(headerOnly.getStatusCode().value()).isEqualTo(400);
        assertThat(headerOnly.getBody().get("detail").asText()).contains("no rows");

        byte[] gbk = ("memberId,name,organisationId,category\r\nm1,张三," + district.village() + ",农民\r\n")
                .getBytes(Charset.forName("GBK"));
        ResponseEntity<JsonNode> notUtf8 = transfer.upload(agency, "members", gbk, "text/csv");
        assertThat(notUtf8.getStatusCode().value()).isEqualTo(400);
        assertThat(notUtf8.getBody().get("detail").asText()).contains("not valid UTF-8");

        assertThat(mongo.getCollection("imports").countDocuments()).isEqualTo(jobs);
    }

    @Test
    void aFileInAnotherCharsetIsReadWhenTheContentTypeNamesIt() {
        String agency = district.township();
        byte[] gbk = ("memberId,name,organisationId,category\r\nm-gbk-" + agency + ",张三," + district.village()
                + ",农民\r\n").getBytes(Charset.forName("GBK"));

        JsonNode job = transfer.waitFor(agency, TransferClient.started(
                transfer.upload(agency, "members", gbk, "text/csv; charset=GBK")), Duration.ofSeconds(30));

        assertThat(job.get("accepted").asLong()).as("%s", job).isEqualTo(1);
        assertThat(job.get("charset").asText()).isEqualTo("GBK");
        assertThat(expect(200, api.get(agency, "/api/members/m-gbk-" + agency)).getBody().get("name").asText())
                .isEqualTo("张三");
    }

    @Test
    void undecodableBytesFurtherDownStopTheImportAndRowsBeforeStayRead() {
        String agency = district.township();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("memberId,name,organisationId,category\r\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 1_000; i++) {
            file.writeBytes(("m" + i + ",name,v,NOT_A_CATEGORY\r\n").getBytes(StandardCharsets.UTF_8));
        }
        file.writeBytes("m-gbk,张三,v,农民\r\n".getBytes(Charset.forName("GBK")));

        JsonNode job = transfer.waitFor(agency, TransferClient.started(
                transfer.upload(agency, "members", file.toByteArray(), "text/csv")), Duration.ofSeconds(30));

        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        assertThat(job.get("failure").asText()).contains("not valid UTF-8");
        assertThat(job.get("rowsRead").asLong()).isPositive().isLessThanOrEqualTo(1_000);
        assertThat(job.get("rejected").asLong()).isEqualTo(job.get("rowsRead").asLong());
        assertThat(job.get("finishedAt").isNull()).isFalse();
    }

    @Test
    void onlyTheUploadingAgencyAndTheDistrictMayReadAJob() {
        String agency = district.township();
        String location = TransferClient.started(transfer.upload(agency, "members",
                "memberId,name,organisationId,category\r\nm-" + agency + ",赵六," + district.village()
                        + ",COMMUNITY_RESIDENT\r\n"));
        transfer.waitFor(agency, location, Duration.ofSeconds(30));

        ResponseEntity<JsonNode> other = transfer.job(district.otherTownship(), location);
        assertThat(other.getStatusCode().value()).isEqualTo(403);
        assertThat(other.getBody().get("detail").asText()).contains("another agency started it");
        ResponseEntity<JsonNode> byDistrict = transfer.job(ApiClient.DISTRICT, location);
        assertThat(byDistrict.getStatusCode().value()).isEqualTo(200);
        assertThat(byDistrict.getBody().get("accepted").asLong()).isEqualTo(1);
        assertThat(byDistrict.getBody().get("agencyId").asText()).isEqualTo(agency);
        assertThat(transfer.job(agency, "/api/imports/no-such-job").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void anAgencyListsItsOwnImportsNewestFirstAndTheDistrictListsEveryAgencys() {
        String agency = district.township();
        String other = district.otherTownship();
        String first = TransferClient.started(transfer.upload(agency, "members", MEMBER_HEADER + "m1-" + agency
                + ",赵六," + district.village() + ",COMMUNITY_RESIDENT\r\n"));
        transfer.waitFor(agency, first, Duration.ofSeconds(30)); // so that the second starts later
        String second = TransferClient.started(transfer.upload(agency, "members", UNKNOWN_ORGANISATION_MEMBER));
        String ofOther = TransferClient.started(transfer.upload(other, "members", UNKNOWN_ORGANISATION_MEMBER));
        transfer.waitFor(agency, second, Duration.ofSeconds(30));
        transfer.waitFor(other, ofOther, Duration.ofSeconds(30));

        JsonNode own = expect(200, transfer.jobs(agency, "?size=200")).getBody();
        List<String> ids = new ArrayList<>();
        own.get("items").forEach(job -> {
            assertThat(job.get("agencyId").asText()).isEqualTo(agency);
            ids.add("/api/imports/" + job.get("id").asText());
        });
        assertThat(ids).containsSubsequence(second, first).doesNotContain(ofOther);
        assertThat(own.get("total").asLong()).isEqualTo(ids.size());
        assertThat(own.get("items").get(ids.indexOf(first)).get("accepted").asLong()).isEqualTo(1);
        // The list leaves the rejected rows to the job itself.
        JsonNode rejectedInList = own.get("items").get(ids.indexOf(second));
        assertThat(rejectedInList.get("rejected").asLong()).isEqualTo(1);
        assertThat(rejectedInList.has("errors")).isFalse();
        assertThat(errors(expect(200, transfer.job(agency, second)).getBody())).singleElement().asString()
                .startsWith("2 400 organisationId: there is no organisation");

        JsonNode all = expect(200, transfer.jobs(ApiClient.DISTRICT, "?size=200")).getBody();
        List<String> allIds = new ArrayList<>();
        all.get("items").forEach(job -> allIds.add("/api/imports/" + job.get("id").asText()));
        assertThat(allIds).contains(first, second, ofOther);

        JsonNode refused = expect(400, transfer.jobs(agency, "?size=0")).getBody();
        assertThat(refused.get("detail").asText()).contains("size between 1 and");
    }

    @Test
    void aJobLeftRunningByAStoppedServiceIsListedAsFailedAndKeepsItsErrors() {
        String agency = district.township();
        Instant silentSince = Instant.now().minus(Duration.ofMinutes(11));
        ImportJob silent = new ImportJob("silent-" + agency, ImportKind.MEMBERS, ImportJob.Status.RUNNING, agency,
                "clerk-of-" + agency, "UTF-8", 100, silentSince, silentSince, null, 3, 2, 1, 0, 4,
                List.of(new ImportJob.RowError(3, 400, "organisationId: there is no organisation v9")), 0, null);
        mongo.insert(silent);

        JsonNode listed = expect(200, transfer.jobs(agency, "?size=200")).getBody();
        JsonNode row = null;
        for (JsonNode job : listed.get("items")) {
            row = job.get("id").asText().equals(silent.id()) ? job : row;
        }
        assertThat(row).isNotNull();
        assertThat(row.get("status").asText()).isEqualTo("FAILED");
        assertThat(row.get("failure").asText()).contains("line 4");

        ImportJob stored = mongo.findById(silent.id(), ImportJob.class);
        assertThat(stored.status()).isEqualTo(ImportJob.Status.FAILED);
        assertThat(stored.errors()).hasSize(1);
        JsonNode job = expect(200, transfer.job(agency, "/api/imports/" + silent.id())).getBody();
        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        assertThat(job.get("finishedAt").isNull()).isFalse();
        assertThat(errors(job)).containsExactly("3 400 organisationId: there is no organisation v9");
    }

    @Test
    void importsLastChangedLongerAgoThanTheyAreKeptAreForgotten() {
        String agency = district.township();
        String recent = TransferClient.started(transfer.upload(agency, "members", UNKNOWN_ORGANISATION_MEMBER));
        transfer.waitFor(agency, recent, Duration.ofSeconds(30));
        Instant longAgo = Instant.now().minus(Duration.ofDays(91));
        ImportJob old = new ImportJob("old-" + agency, ImportKind.MEMBERS, ImportJob.Status.DONE, agency,
                "clerk-of-" + agency, "UTF-8", 10, longAgo, longAgo, longAgo, 1, 1, 0, 0, 2, List.of(), 0, null);
        mongo.insert(old);
        assertThat(transfer.job(agency, "/api/imports/" + old.id()).getStatusCode().value()).isEqualTo(200);

        imports.forgetOld();

        assertThat(transfer.job(agency, "/api/imports/" + old.id()).getStatusCode().value()).isEqualTo(404);
        assertThat(transfer.job(agency, recent).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void twoThousandPledgesImportThroughHttpWhileProgressIsPolled() {
        String agency = district.township();
        int rows = 2_000;
        StringBuilder csv = new StringBuilder(BOM + PLEDGE_HEADER);
        for (int i = 1; i <= rows; i++) {
            String pledger = i % 2 == 0 ? district.village() : district.otherVillage();
            csv.append(",").append(district.campaign()).append(",ORGANISATION,").append(pledger)
                    .append(",实事承诺,围绕群众愿望,\"为民办实事, 第").append(i).append("件\",")
                    .append(i % 9 + 1).append(",件,2011-12-31,否\r\n");
        }

        long started = System.nanoTime();
        String location = TransferClient.started(transfer.upload(agency, "pledges", csv.toString()));
        long accepted = System.nanoTime();
        List<Long> progress = new ArrayList<>();
        JsonNode job = transfer.waitFor(agency, location, Duration.ofMinutes(5),
                polled -> progress.add(polled.get("rowsRead").asLong()));
        long done = System.nanoTime();

        assertThat(job.get("status").asText()).as("%s", job).isEqualTo("DONE");
        assertThat(job.get("rowsRead").asLong()).isEqualTo(rows);
        assertThat(job.get("accepted").asLong()).isEqualTo(rows);
        assertThat(job.get("errors")).isEmpty();
        JsonNode listed = expect(200, api.get(agency, "/api/pledges?size=1&campaignId=" + district.campaign()))
                .getBody();
        assertThat(listed.get("total").asLong()).isEqualTo(rows);
        assertThat(progress).isSorted().last().isEqualTo((long) rows);
        System.out.printf("Imported %,d pledges through HTTP: upload answered in %,d ms, all rows done after "
                        + "%,d ms (%.0f rows/s); rows read as polled: %s%n", rows, (accepted - started) / 1_000_000,
                (done - started) / 1_000_000, rows * 1e9 / (done - started), progress);
    }

    /** The job's errors as "line status reason". */
    private static List<String> errors(JsonNode job) {
        List<String> errors = new ArrayList<>();
        job.get("errors").forEach(error -> errors.add(error.get("line").asLong() + " "
                + error.get("status").asInt() + " " + error.get("reason").asText()));
        return errors;
    }
}
