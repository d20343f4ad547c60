package org.campaign.launcher.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.campaign.launcher.LocalStack;
import org.campaign.launcher.SharedStack;
import org.campaign.launcher.StackClient;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaign.testsupport.Eventually.eventually;

/**
 * The running local stack as the browser tests use it: the web app's address, calls through the gateway as the
 * demo client systems (client credentials), and a small district — two townships with their villages, communities,
 * schools and enterprises, pledges at every stage, reviews and mass evaluations — recorded once per test JVM.
 */
final class WebStack {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CAMPAIGN = "web-demo";
    static final String EAST = "east-township";
    static final String WEST = "west-township";

    private static WebStack instance;

    private final LocalStack stack;
    private final StackClient client;

    private WebStack(LocalStack stack) {
        this.stack = stack;
        this.client = new StackClient(stack);
    }

    /** The stack shared by every end-to-end test of this JVM, with the demo district recorded. */
    static synchronized WebStack get() throws Exception {
        if (instance == null) {
            WebStack created = new WebStack(SharedStack.get());
            created.recordDistrict();
            instance = created;
        }
        return instance;
    }

    /**
     * The web app's address. The browser uses the loopback address 127.0.0.1: the sign-in server accepts the
     * app's callback there on any port (RFC 8252), and the gateway of the tests listens on a random one.
     */
    String appUrl() {
        return "http://127.0.0.1:" + URI.create(stack.gatewayUrl()).getPort();
    }

    // ------------------------------------------------------------------ calls through the gateway

    record Answer(int status, String body) {

        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    Answer post(String clientId, String path, String body) throws Exception {
        return send("POST", clientId, path, body);
    }

    Answer get(String clientId, String path) throws Exception {
        return send("GET", clientId, path, null);
    }

    /** Sends a request; a 429 is retried after the pause the gateway asks for (seeding sends many requests). */
    Answer send(String method, String clientId, String path, String body) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = client.send(method, client.token(clientId), path, body);
            if (response.statusCode() != 429 || attempt >= 20) {
                return new Answer(response.statusCode(), response.body());
            }
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Math.max(1, seconds) * 1000);
        }
    }

    private Answer expect(Answer answer, String what, int... statuses) {
        for (int status : statuses) {
            if (answer.status() == status) {
                return answer;
            }
        }
        throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
    }

    // ------------------------------------------------------------------ the demo district

    /** Makes a pledge of an organisation and answers its id. */
    String makePledge(String clientId, String organisationId, String title) throws Exception {
        Answer made = expect(post(clientId, "/api/pledges", """
                {"campaignId":"%s","pledger":{"type":"ORGANISATION","id":"%s"},"kind":"PRACTICAL_DEED",
                 "focus":"PUBLIC_WISHES","title":"%s","deadline":"%s"}"""
                .formatted(CAMPAIGN, organisationId, title, StackClient.deadlineBeyondTheTests())),
                "making a pledge", 201);
        return made.json().get("pledgeId").asText();
    }

    void approve(String clientId, String pledgeId) throws Exception {
        expect(post(clientId, "/api/pledges/" + pledgeId + "/approval",
                "{\"approvedOn\":\"" + LocalDate.now() + "\"}"), "approving " + pledgeId, 204);
    }

    void fulfil(String clientId, String pledgeId) throws Exception {
        expect(post(clientId, "/api/pledges/" + pledgeId + "/fulfilment",
                "{\"fulfilledOn\":\"" + LocalDate.now() + "\",\"evidence\":\"验收合格\"}"), "fulfilling " + pledgeId, 204);
    }

    void sendBack(String clientId, String pledgeId, String reason) throws Exception {
        expect(post(clientId, "/api/pledges/" + pledgeId + "/send-back", "{\"reasons\":[\"" + reason + "\"]}"),
                "sending back " + pledgeId, 204);
    }

    /** Records a leadership review that requires rectification and answers its id. */
    String recordReview(String clientId, String organisationId, String townshipId, String required) throws Exception {
        Answer recorded = expect(onceKnown(() -> post(clientId, "/api/reviews", """
                {"campaignId":"%s","round":"%d-R2","subjectType":"ORGANISATION","subjectId":"%s",
                 "organisationId":"%s","townshipId":"%s","rating":"FAIR","problems":"群众知晓率不高",
                 "rectificationRequired":"%s","rectificationDeadline":"%s"}"""
                .formatted(CAMPAIGN, LocalDate.now().getYear(), organisationId, organisationId, townshipId, required,
                        StackClient.deadlineBeyondTheTests()))), "recording a review", 201);
        return recorded.json().get("reviewId").asText();
    }

    /** The reviewed agency states its rectification and reports it done. */
    void commitAndComplete(String clientId, String reviewId) throws Exception {
        expect(post(clientId, "/api/reviews/" + reviewId + "/rectification/commitment",
                "{\"statement\":\"月底前完成整改\",\"committedOn\":\"" + LocalDate.now() + "\"}"),
                "committing to " + reviewId, 204);
        expect(post(clientId, "/api/reviews/" + reviewId + "/rectification/completion",
                "{\"report\":\"已在公开栏公示\",\"completedOn\":\"" + LocalDate.now() + "\"}"),
                "completing " + reviewId, 204);
    }

    /** Scores an organisation's year-end assessment through the inspection group's system; answers the outcome. */
    JsonNode assess(String organisationId, String townshipId, String post, String development, String satisfaction,
                    String reputation) throws Exception {
        return expect(onceKnown(() -> post("inspection-tool", "/api/assessments", """
                {"campaignId":"%s","year":%d,"subjectType":"ORGANISATION","subjectId":"%s","organisationId":"%s",
                 "townshipId":"%s","postCompetence":%s,"developmentContribution":%s,"publicSatisfaction":%s,
                 "socialReputation":%s,"checklist":{"goodLeadership":false,"goodMembership":true,
                 "goodMechanisms":false,"goodResults":false,"goodPublicOpinion":false,"strongInDevelopment":false,
                 "strongInServingThePublic":true,"strongInUnitingPeople":false,"strongInPromotingHarmony":false}}"""
                .formatted(CAMPAIGN, LocalDate.now().getYear(), organisationId, organisationId, townshipId, post,
                        development, satisfaction, reputation))), "assessing " + organisationId, 201).json();
    }

    interface Call {
        Answer send() throws Exception;
    }

    /**
     * Sends a request about an organisation or a campaign until the evaluation service knows it: that service learns
     * the roster and the campaigns from the pledge service's events on Kafka, and answers 409 "… (yet)" until they
     * arrived.
     */
    private static Answer onceKnown(Call call) {
        AtomicReference<Answer> answer = new AtomicReference<>();
        eventually(Duration.ofSeconds(30), () -> {
            answer.set(call.send());
            assertThat(answer.get().status() == 409 && answer.get().body().contains("(yet)"))
                    .as("%s is still waiting for the roster or the campaign", answer.get().body()).isFalse();
        });
        return answer.get();
    }

    private void registerIfNew(String clientId, String id, String name, String kind, String sector, String parentId,
                               String townshipId, boolean agency) throws Exception {
        expect(post(clientId, "/api/organisations", """
                {"organisationId":"%s","name":"%s","kind":"%s","sector":"%s","parentId":%s,"townshipId":"%s",
                 "agency":%s}""".formatted(id, name, kind, sector, parentId == null ? "null" : "\"" + parentId + "\"",
                townshipId, agency)), "registering " + id, 201, 409);
    }

    private void recordDistrict() throws Exception {
        LocalDate start = LocalDate.now().withDayOfYear(1);
        LocalDate end = StackClient.deadlineBeyondTheTests();
        expect(post("district-admin-tool", "/api/campaigns", """
                {"campaignId":"%s","name":"创先争优（演示）","startsOn":"%s","endsOn":"%s",
                 "phases":[{"name":"公开承诺","startsOn":"%s","endsOn":"%s"}]}"""
                .formatted(CAMPAIGN, start, end, start, end)),
                "defining the campaign", 201, 409);
        registerIfNew("district-admin-tool", "district-committee", "区委", "PARTY_COMMITTEE", "GOVERNMENT_ORGAN",
                null, "district-committee", false);
        registerIfNew("district-admin-tool", EAST, "东镇党委", "PARTY_COMMITTEE", "RURAL_VILLAGE",
                "district-committee", EAST, true);
        registerIfNew("district-admin-tool", WEST, "西镇党委", "PARTY_COMMITTEE", "RURAL_VILLAGE",
                "district-committee", WEST, true);

        List<String[]> organisations = List.of(
                new String[] {"east-township-system", "web-east-willow", "柳湾村党支部", "RURAL_VILLAGE", EAST},
                new String[] {"east-township-system", "web-east-river", "河畔社区党支部", "URBAN_COMMUNITY", EAST},
                new String[] {"east-township-system", "web-east-school", "东镇中心小学党支部", "PUBLIC_INSTITUTION", EAST},
                new String[] {"east-township-system", "web-east-works", "东镇建材公司党支部", "NON_PUBLIC_ENTERPRISE", EAST},
                new String[] {"west-township-system", "web-west-pine", "松林村党支部", "RURAL_VILLAGE", WEST},
                new String[] {"west-township-system", "web-west-street", "西街社区党支部", "URBAN_COMMUNITY", WEST},
                new String[] {"west-township-system", "web-west-clinic", "西镇卫生院党支部", "PUBLIC_INSTITUTION", WEST},
                new String[] {"west-township-system", "web-west-volunteers", "西镇志愿者协会党支部",
                        "NEW_SOCIAL_ORGANISATION", WEST});
        for (String[] o : organisations) {
            registerIfNew(o[0], o[1], o[2], "BRANCH", o[3], o[4], o[4], false);
        }
        expect(post("east-township-system", "/api/members", """
                {"memberId":"web-m-001","name":"张大爷","organisationId":"web-east-willow","category":"FARMER"}"""),
                "enrolling a member", 201, 409);

        // title, organisation, stage: 0 made, 1 approved, 2 fulfilled
        List<Object[]> pledges = List.of(
                new Object[] {"硬化村道3公里", "web-east-willow", 2},
                new Object[] {"帮助30户种植大棚甜瓜", "web-east-willow", 2},
                new Object[] {"推广草莓新品种10个", "web-east-willow", 1},
                new Object[] {"为留守老人配送午餐", "web-east-river", 2},
                new Object[] {"修缮社区活动室", "web-east-river", 2},
                new Object[] {"开设四点半课堂", "web-east-school", 2},
                new Object[] {"资助困难学生20名", "web-east-school", 1},
                new Object[] {"安装路灯50盏", "web-east-works", 0},
                new Object[] {"吸纳本地劳动力就业40人", "web-east-works", 2},
                new Object[] {"清理河道2公里", "web-west-pine", 2},
                new Object[] {"新修灌溉水渠1.5公里", "web-west-pine", 1},
                new Object[] {"组建邻里互助队", "web-west-street", 1},
                new Object[] {"组织义诊4次", "web-west-clinic", 2},
                new Object[] {"建立慢病随访档案", "web-west-clinic", 0},
                new Object[] {"开展志愿服务12场", "web-west-volunteers", 1});
        for (Object[] p : pledges) {
            String organisation = (String) p[1];
            String client = organisation.startsWith("web-east") ? "east-township-system" : "west-township-system";
            String id = makePledge(client, organisation, (String) p[0]);
            int stage = (Integer) p[2];
            if (stage >= 1) {
                approve(client, id);
            }
            if (stage >= 2) {
                fulfil(client, id);
            }
        }
        recordReviewsAndEvaluations();
        prepareAssessments();
    }

    /**
     * The campaign's assessment scheme (weights 30/30/25/15, advanced from 85, lagging below 60), and the demo
     * inspection group's account {@code inspector-li} assigned to both townships.
     */
    private void prepareAssessments() throws Exception {
        expect(onceKnown(() -> send("PUT", "district-admin-tool", "/api/assessments/schemes/" + CAMPAIGN, """
                {"weights":{"postCompetence":30,"developmentContribution":30,"publicSatisfaction":25,
                 "socialReputation":15},"advancedThreshold":85,"laggingThreshold":60}""")), "setting the scheme", 204);
        expect(onceKnown(() -> post("district-admin-tool", "/api/assignments", """
                {"campaignId":"%s","reviewerId":"inspector-li","kind":"INSPECTION_GROUP","townshipIds":["%s","%s"]}"""
                .formatted(CAMPAIGN, EAST, WEST))), "assigning inspector-li", 201);
    }

    /** Reviews and mass evaluations make the dashboard's other figures, which several tests read. */
    private void recordReviewsAndEvaluations() throws Exception {
        int year = LocalDate.now().getYear();
        for (String reviewer : List.of("review-tool", "leader-wang")) {
            expect(onceKnown(() -> post("district-admin-tool", "/api/assignments", """
                    {"campaignId":"%s","reviewerId":"%s","kind":"LEADER",
                     "organisationIds":["web-east-willow","web-west-pine"]}""".formatted(CAMPAIGN, reviewer))),
                    "assigning " + reviewer, 201);
        }
        expect(onceKnown(() -> post("district-admin-tool", "/api/assignments", """
                {"campaignId":"%s","reviewerId":"inspection-tool","kind":"INSPECTION_GROUP",
                 "townshipIds":["%s","%s"]}""".formatted(CAMPAIGN, EAST, WEST))), "assigning inspection", 201);
        for (String[] review : List.of(new String[] {"web-east-willow", EAST, "EXCELLENT"},
                new String[] {"web-west-pine", WEST, "GOOD"})) {
            expect(onceKnown(() -> post("review-tool", "/api/reviews", """
                    {"campaignId":"%s","round":"%d-R1","subjectType":"ORGANISATION","subjectId":"%s",
                     "organisationId":"%s","townshipId":"%s","rating":"%s","strengths":"承诺践诺扎实"}"""
                    .formatted(CAMPAIGN, year, review[0], review[0], review[1], review[2]))), "reviewing", 201);
        }
        for (Object[] evaluation : List.of(new Object[] {"web-east-river", EAST, 42, 6, 2},
                new Object[] {"web-west-street", WEST, 30, 8, 5})) {
            String id = expect(onceKnown(() -> post("inspection-tool", "/api/evaluations", """
                    {"campaignId":"%s","year":%d,"round":"%d-R1","subjectType":"ORGANISATION","subjectId":"%s",
                     "organisationId":"%s","townshipId":"%s","methods":["EVALUATION_MEETING"],"openedOn":"%s"}"""
                    .formatted(CAMPAIGN, year, year, evaluation[0], evaluation[0], evaluation[1], LocalDate.now()))),
                    "opening an evaluation", 201).json().get("evaluationId").asText();
            expect(post("inspection-tool", "/api/evaluations/" + id + "/tallies", """
                    {"method":"EVALUATION_MEETING","satisfied":%d,"basicallySatisfied":%d,"dissatisfied":%d}"""
                    .formatted(evaluation[2], evaluation[3], evaluation[4])), "tallying", 204);
            expect(post("inspection-tool", "/api/evaluations/" + id + "/closing",
                    "{\"closedOn\":\"" + LocalDate.now() + "\"}"), "closing an evaluation", 200);
        }
    }
}
