package cn.parkflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.testsupport.AbstractIT;
import cn.parkflow.testsupport.CertificationDriver;
import cn.parkflow.testsupport.Drafts;
import cn.parkflow.testsupport.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Security regression suite, part 1 (issue "Integrity of every decision", items 1, 4, 5, 7, 8): each
 * test replays what a participant did over engine REST and {@code /api} on the running application,
 * and fails if it works again.
 */
class TaskIntegrityIT extends AbstractIT {

    CertificationDriver driver() {
        return new CertificationDriver(this::as);
    }

    /** A submitted application of applicant1 waiting in Nanjing's city review; its task. */
    JsonNode submittedToNanjing(CertificationDriver d, String name) {
        long id = d.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", name));
        assertThat(as("applicant1").post("/api/applications/" + id + "/submit", Map.of()).status()).isEqualTo(202);
        return d.awaitCityReview(id);
    }

    /** Nanjing recommends with an internal remark, the province answers; the application's id. */
    long throughProvince(CertificationDriver d, String name, String cityRemark, Map<String, Object> provinceAnswer) {
        JsonNode city = submittedToNanjing(d, name);
        long id = Long.parseLong(businessKey(city));
        d.completeOk("nanjing", city.path("id").asText(), Map.of("cityDecision", "RECOMMEND", "cityRemark", cityRemark));
        JsonNode province = d.awaitTask(id, "ProvinceReviewTask", "province");
        d.completeOk("province", province.path("id").asText(), provinceAnswer);
        return id;
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void item1_aCityReviewerCannotShortenThePublicationOrWriteAnyFact() {
        CertificationDriver d = driver();
        JsonNode task = submittedToNanjing(d, "公示期篡改测试孵化器" + tag());
        String taskId = task.path("id").asText();
        String instance = task.path("processInstanceId").asText();

        Http.Response forged = d.complete("nanjing", taskId, Map.of("cityDecision", "RECOMMEND", "cityComment", "ok",
                "publicationPeriod", "PT90S"));
        assertThat(forged.status()).as(forged.text()).isEqualTo(400);
        assertThat(forged.json().path("message").asText()).contains("publicationPeriod");
        for (String fact : List.of("applicationId", "cityGroup", "applicant", "returnedBy")) {
            assertThat(d.complete("nanjing", taskId, Map.of("cityDecision", "RECOMMEND", fact, "x")).status()).as(fact).isEqualTo(400);
        }
        // nor around the completion: variables, local variables, errors, comments
        Http nanjing = as("nanjing");
        assertThat(nanjing.put("/engine-rest/task/" + taskId + "/variables/publicationPeriod", Map.of("value", "PT90S")).status()).isEqualTo(403);
        assertThat(nanjing.post("/engine-rest/task/" + taskId + "/localVariables",
                Map.of("modifications", Map.of("cityDecision", Map.of("value", "RECOMMEND")))).status()).isEqualTo(403);
        assertThat(nanjing.post("/engine-rest/task/" + taskId + "/bpmnError", Map.of("errorCode", "OBJECTION_UPHELD")).status()).isEqualTo(403);
        assertThat(nanjing.post("/engine-rest/task/" + taskId + "/comment/create", Map.of("message", "x")).status()).isIn(400, 403);
        assertThat(as("admin").get("/engine-rest/task/" + taskId + "/comment").json()).isEmpty();
        assertThat(nanjing.put("/engine-rest/process-instance/" + instance + "/variables/publicationPeriod", Map.of("value", "PT90S"))
                .status()).isIn(403, 404);
        // the task is still open, the fact untouched, and the right answer completes it
        assertThat(d.tasks(Long.parseLong(businessKey(task)), "CityReviewTask", "nanjing")).hasSize(1);
        assertThat(as("admin").get("/engine-rest/process-instance/" + instance + "/variables/publicationPeriod").json().path("value").asText())
                .isEqualTo("PT8S");
        d.completeOk("nanjing", taskId, Map.of("cityDecision", "RECOMMEND"));
        // the answer lives on the task; the gateway's copy on the process
        JsonNode history = as("admin").get("/engine-rest/history/variable-instance?variableName=cityDecision&processInstanceId=" + instance).json();
        assertThat(history).anySatisfy(v -> assertThat(v.path("taskId").asText()).isEqualTo(taskId));
    }

    String businessKey(JsonNode task) {
        JsonNode instance = as("admin").get("/engine-rest/process-instance/" + task.path("processInstanceId").asText()).json();
        return instance.path("businessKey").asText();
    }

    @Test
    void item4_noParticipantHandsATaskToSomeoneElse() {
        CertificationDriver d = driver();
        JsonNode task = submittedToNanjing(d, "代人认领测试孵化器" + tag());
        String path = "/engine-rest/task/" + task.path("id").asText();
        Http nanjing = as("nanjing");
        assertThat(nanjing.post(path + "/claim", Map.of("userId", "applicant1")).status()).isEqualTo(403);
        assertThat(nanjing.post(path + "/assignee", Map.of("userId", "applicant1")).status()).isEqualTo(403);
        assertThat(nanjing.post(path + "/delegate", Map.of("userId", "applicant1")).status()).isEqualTo(403);
        assertThat(nanjing.post(path + "/identity-links", Map.of("userId", "applicant1", "type", "candidate")).status()).isEqualTo(403);
        assertThat(as("wuxi").post(path + "/claim", Map.of("userId", "wuxi")).status()).isIn(403, 404);
        // the applicant can neither claim nor complete the review of its own application
        assertThat(as("applicant1").post(path + "/claim", Map.of("userId", "applicant1")).status()).isIn(403, 404);
        assertThat(d.complete("applicant1", task.path("id").asText(), Map.of("cityDecision", "RECOMMEND")).status()).isIn(403, 404);
        // for oneself: claim (giving back needs Camunda's TASK_ASSIGN, which participants do not hold); an admin may assign
        assertThat(nanjing.post(path + "/claim", Map.of("userId", "nanjing")).status()).isEqualTo(204);
        assertThat(as("nanjing").post(path + "/claim", Map.of("userId", "nanjing")).status()).isEqualTo(204);
        Http.Response assigned = as("admin").post(path + "/assignee", Map.of("userId", "nanjing"));
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(204);
        assertThat(as("admin").get(path).json().path("assignee").asText()).isEqualTo("nanjing");
    }

    @Test
    void items5and7_expertsAndOperatorsSeeOnlyWhatIsMeantForThem() {
        CertificationDriver d = driver();
        long id = throughProvince(d, "专家隔离测试孵化器" + tag(), "市里内部推荐意见X", Map.of("provinceCheck", "PASS",
                "provinceRemark", "省里内部备注Y", "experts", List.of("expert2", "expert3", "expert4")));
        JsonNode experts = CertificationDriver.await("three expert tasks", () -> {
            JsonNode all = as("admin").get("/engine-rest/task?processInstanceBusinessKey=" + id + "&taskDefinitionKey=ExpertReviewTask").json();
            return all.size() == 3 ? all : null;
        });
        Map<String, String> taskOf = new java.util.HashMap<>();
        experts.forEach(t -> taskOf.put(t.path("assignee").asText(), t.path("id").asText()));
        d.completeOk("expert2", taskOf.get("expert2"), Map.of("expertScore", 88, "expertOpinion", "SUPPORT", "expertComment", "保密意见Z"));

        // expert3 sees nothing of expert2's answer, and cannot borrow it
        for (String view : List.of("/variables", "/form-variables")) {
            JsonNode v = as("expert3").get("/engine-rest/task/" + taskOf.get("expert3") + view).json();
            assertThat(v.has("expertScore")).as(view).isFalse();
            assertThat(v.has("expertComment")).as(view).isFalse();
        }
        Http.Response empty = d.complete("expert3", taskOf.get("expert3"), Map.of());
        assertThat(empty.status()).isEqualTo(400);
        d.completeOk("expert3", taskOf.get("expert3"), Map.of("expertScore", 70, "expertOpinion", "SUPPORT", "expertComment", "第三位意见"));
        JsonNode reviewers = d.application(id, "province").path("timeline");
        assertThat(reviewers).filteredOn(e -> "expert3".equals(e.path("actor").asText()) && "EXPERT_SUPPORT".equals(e.path("action").asText()))
                .singleElement()
                .satisfies(e -> assertThat(e.path("comment").asText()).contains("70").doesNotContain("保密意见Z").doesNotContain("88"));

        // the operator's view: decisions, no expert names or scores, no internal remarks
        String operatorView = d.application(id, "applicant1").path("timeline").toString();
        assertThat(operatorView).doesNotContain("expert2").doesNotContain("expert3").doesNotContain("88").doesNotContain("保密意见Z")
                .doesNotContain("市里内部推荐意见X").doesNotContain("省里内部备注Y");
        assertThat(d.application(id, "province").path("timeline").toString()).contains("市里内部推荐意见X").contains("省里内部备注Y");
    }

    @Test
    void items7and8_aCorrectionShowsTheOperatorNoInternalsAndCannotMoveTheApplication() {
        CertificationDriver d = driver();
        String name = "补正迁移测试孵化器" + tag();
        long id = throughProvince(d, name, "市内部意见Q", Map.of("provinceCheck", "RETURN", "provinceComment", "请补充场地证明",
                "provinceRemark", "省内部备注R", "experts", List.of("expert2")));
        JsonNode supplement = d.awaitTask(id, "SupplementTask", "applicant1");
        JsonNode variables = as("applicant1").get("/engine-rest/task/" + supplement.path("id").asText() + "/variables").json();
        assertThat(variables.has("cityRemark")).isFalse();
        assertThat(variables.has("provinceRemark")).isFalse();
        assertThat(variables.has("expertOptions")).isFalse();
        assertThat(variables.has("experts")).isFalse();
        assertThat(variables.toString()).doesNotContain("市内部意见Q").doesNotContain("省内部备注R").doesNotContain("expert");
        assertThat(variables.path("returnComment").path("value").asText()).isEqualTo("请补充场地证明");

        // city, kind and level are fixed after the first submission
        Http applicant = as("applicant1");
        Map<String, Object> draft = Drafts.with(Drafts.nanjingIncubator(), "carrierName", name);
        for (Map.Entry<String, Object> move : Map.<String, Object>of("city", "320600", "level", "NATIONAL", "kind", "ACCELERATOR").entrySet()) {
            Http.Response moved = applicant.put("/api/applications/" + id, Drafts.with(draft, move.getKey(), move.getValue()));
            assertThat(moved.status()).as(move.getKey()).isEqualTo(400);
            assertThat(moved.json().path("errors").findValuesAsText("field")).contains(move.getKey());
        }
        assertThat(d.application(id, "applicant1").path("city").asText()).isEqualTo("320100");
        assertThat(as("nantong").get("/api/applications/" + id).status()).isEqualTo(404);

        // a changed correction after a province return goes through the city again
        assertThat(applicant.put("/api/applications/" + id, Drafts.with(draft, "address", "南京市江北新区药谷大道99号")).status()).isEqualTo(200);
        d.upload(id, "SITE_PROOF");
        assertThat(applicant.post("/api/applications/" + id + "/submit", Map.of()).status()).isEqualTo(202);
        d.awaitCityReview(id);
        assertThat(d.tasks(id, "ProvinceReviewTask", "province")).isEmpty();
    }

    @Test
    void item7_theOperatorNeverLearnsWhoObjectedOrWhoReviewed_andNoParticipantCorrelatesAMessage() {
        CertificationDriver d = driver();
        long id = d.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", "异议人保密测试孵化器" + tag()));
        assertThat(as("applicant1").post("/api/applications/" + id + "/submit", Map.of()).status()).isEqualTo(202);
        List<String> experts = d.throughDecision(id);
        d.awaitStatus(id, "PUBLICATION");
        String certification = d.application(id, "applicant1").path("processInstanceId").asText();
        JsonNode publication = as("admin").get("/engine-rest/process-instance?processDefinitionKey=publication&superProcessInstance="
                + certification).json();
        JsonNode timer = as("admin").get("/engine-rest/job?timers=true&processInstanceId=" + publication.get(0).path("id").asText()).json();
        as("admin").put("/engine-rest/job/" + timer.get(0).path("id").asText() + "/duedate", Map.of("duedate", "2099-01-01T00:00:00.000+0000"));
        Http.Response objection = anonymous().post("/api/applications/" + id + "/objections",
                Map.of("objectorName", "李四甲", "contact", "13900000000", "text", "场地面积不实"));
        assertThat(objection.status()).as(objection.text()).isEqualTo(201);

        Http.Response correlate = as("nanjing").post("/engine-rest/message", Map.of("messageName", "ObjectionReceived",
                "processVariables", Map.of("publicationSubject", Map.of("value", "APPLICATION-" + id)), "all", true));
        assertThat(correlate.status()).as(correlate.text()).isIn(400, 403);

        String operatorView = d.application(id, "applicant1").path("timeline").toString();
        assertThat(operatorView).contains("收到异议").doesNotContain("李四甲").doesNotContain("13900000000");
        experts.forEach(expert -> assertThat(operatorView).doesNotContain(expert));
        assertThat(d.application(id, "province").path("timeline").toString()).contains("李四甲");
    }
}
