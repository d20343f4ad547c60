package org.campaign.pledging.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import org.campaign.pledging.ApiClient;
import org.campaign.pledging.ApiClient.District;
import org.campaign.pledging.PledgeServiceTest;
import org.campaign.pledging.transfer.CsvReader.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.pledging.ApiClient.expect;

@PledgeServiceTest
class CsvExportTest {

    private static final String TRICKY_TITLE = "修建\"连心桥\", 硬化村道\n(分两期)";

    @Autowired
    ApiClient api;
    @Autowired
    TestRestTemplate http;

    TransferClient transfer;
    District district;
    String tricky;
    String formula;
    String foreign;

    @BeforeEach
    void setUp() {
        transfer = new TransferClient(http);
        district = api.district();
        String agency = district.township();
        tricky = make(agency, district.village(), TRICKY_TITLE);
        formula = make(agency, district.otherVillage(), "=HYPERLINK(\"http://example.org\")");
        foreign = make(district.otherTownship(), district.otherTownship(), "西乡的承诺");
        expect(204, api.post(agency, "/api/pledges/" + tricky + "/approval", "{\"approvedOn\":\"2011-07-05\"}"));
        expect(204, api.post(agency, "/api/pledges/" + tricky + "/progress",
                "{\"achievedQuantity\":1.5,\"note\":\"已完成一半\",\"reportedOn\":\"2011-09-01\"}"));
    }

    @Test
    void anAgencyExportsOnlyItsOwnPledgesAsUtf8WithBomThatSpreadsheetsOpen() throws IOException {
        ResponseEntity<byte[]> response = transfer.export(district.township(),
                "?campaignId=" + district.campaign());

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(response.getHeaders().getContentType().getCharset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"pledges.csv\"");
        byte[] body = response.getBody();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFpledgeId,campaignId,pledgerType,pledgerId,kind,focus,title,"
                + "targetQuantity,targetUnit,deadline,oral,status,achievedQuantity,organisationId,memberCategory,"
                + "sector,townshipId,version,lastChangedAt\r\n");

        Map<String, Map<String, String>> rows = rows(body);
        assertThat(rows.keySet()).containsExactlyInAnyOrder(tricky, formula);
        Map<String, String> progressed = rows.get(tricky);
        assertThat(progressed.get("title")).isEqualTo(TRICKY_TITLE);
        assertThat(progressed.get("status")).isEqualTo("APPROVED");
        assertThat(progressed.get("achievedQuantity")).isEqualTo("1.5");
        assertThat(progressed.get("targetQuantity")).isEqualTo("3");
        assertThat(progressed.get("targetUnit")).isEqualTo("公里");
        assertThat(progressed.get("deadline")).isEqualTo("2011-12-31");
        assertThat(progressed.get("pledgerType")).isEqualTo("ORGANISATION");
        assertThat(progressed.get("organisationId")).isEqualTo(district.village());
        assertThat(progressed.get("sector")).isEqualTo("RURAL_VILLAGE");
        assertThat(progressed.get("version")).isEqualTo("2");
        assertThat(rows.get(formula).get("title")).isEqualTo("'=HYPERLINK(\"http://example.org\")");
        assertThat(rows.get(formula).get("status")).isEqualTo("MADE");
        assertThat(rows.get(formula).get("achievedQuantity")).isEmpty();
    }

    @Test
    void theFiltersOfThePledgeListApplyAndTheDistrictSeesEveryAgency() throws IOException {
        String campaign = "?campaignId=" + district.campaign();

        assertThat(rows(transfer.export(district.township(), campaign + "&status=APPROVED").getBody()).keySet())
                .containsExactly(tricky);
        assertThat(rows(transfer.export(district.township(), campaign + "&organisationId="
                + district.otherVillage()).getBody()).keySet()).containsExactly(formula);
        assertThat(rows(transfer.export(district.otherTownship(), campaign).getBody()).keySet())
                .containsExactly(foreign);
        assertThat(rows(transfer.export(ApiClient.DISTRICT, campaign).getBody()).keySet())
                .containsExactlyInAnyOrder(tricky, formula, foreign);
        assertThat(transfer.export(district.township(), "?status=NOT_A_STATUS").getStatusCode().value())
                .isEqualTo(400);
    }

    @Test
    void anExportImportedAgainComesBackAsDuplicatesWithTitlesUnchanged() {
        byte[] exported = transfer.export(district.township(), "?campaignId=" + district.campaign()).getBody();

        JsonNode job = transfer.waitFor(district.township(), TransferClient.started(
                transfer.upload(district.township(), "pledges", exported, "text/csv")),
                java.time.Duration.ofSeconds(30));

        assertThat(job.get("status").asText()).isEqualTo("DONE");
        assertThat(job.get("rowsRead").asLong()).isEqualTo(2);
        assertThat(job.get("duplicates").asLong()).isEqualTo(2);
        assertThat(job.get("accepted").asLong()).isZero();
        JsonNode listed = expect(200, api.get(district.township(), "/api/pledges?campaignId="
                + district.campaign())).getBody();
        assertThat(listed.get("total").asLong()).isEqualTo(2);
        // The export guards a formula with an apostrophe; the pledge it came from keeps its own title.
        assertThat(listed.get("items")).extracting(item -> item.get("title").asText())
                .containsExactlyInAnyOrder(TRICKY_TITLE, "=HYPERLINK(\"http://example.org\")");
    }

    private String make(String agency, String organisation, String title) {
        ResponseEntity<JsonNode> made = expect(201, api.post(agency, "/api/pledges", """
                {"campaignId":"%s","pledger":{"type":"ORGANISATION","id":"%s"},"kind":"PRACTICAL_DEED",
                 "focus":"PUBLIC_WISHES","title":%s,"target":{"quantity":3,"unit":"公里"},
                 "deadline":"2011-12-31"}""".formatted(district.campaign(), organisation, json(title))));
        return made.getBody().get("pledgeId").asText();
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** The exported rows by pledge id, each as column → value. */
    private static Map<String, Map<String, String>> rows(byte[] body) throws IOException {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        try (CsvReader reader = CsvReader.of(new ByteArrayInputStream(body), StandardCharsets.UTF_8, 100_000)) {
            List<String> header = reader.next().fields();
            for (Record record = reader.next(); record != null; record = reader.next()) {
                assertThat(record.malformed()).isNull();
                assertThat(record.fields()).hasSameSizeAs(header);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), record.fields().get(i));
                }
                rows.put(row.get("pledgeId"), row);
            }
        }
        return rows;
    }
}
