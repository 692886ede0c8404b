package cn.parkflow.certification;

import static cn.parkflow.testsupport.CertificationDriver.action;
import static cn.parkflow.testsupport.CertificationDriver.await;
import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.testsupport.AbstractIT;
import cn.parkflow.testsupport.CertificationDriver;
import cn.parkflow.testsupport.Drafts;
import cn.parkflow.testsupport.Http;
import cn.parkflow.testsupport.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Certification end to end over HTTP, on MariaDB and S3Proxy, with each user's own account. */
class CertificationIT extends AbstractIT {

    CertificationDriver driver() {
        return new CertificationDriver(this::as);
    }

    @Test
    void nanjingIncubatorIsCertifiedAndEntersTheRegistry() {
        CertificationDriver d = driver();
        long id = d.draftWithDocuments(Drafts.nanjingIncubator(), "CREDIT_COMMITMENT");

        Http.Response missing = as("applicant1").post("/api/applications/" + id + "/submit", Map.of());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().path("missingDocumentTypes")).extracting(JsonNode::asText).containsExactly("CREDIT_COMMITMENT");

        d.upload(id, "CREDIT_COMMITMENT");
        Http.Response submitted = as("applicant1").post("/api/applications/" + id + "/submit", Map.of());
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        assertThat(submitted.json().path("status").asText()).isEqualTo("SUBMITTED");
        String processInstanceId = submitted.json().path("processInstanceId").asText();
        assertThat(processInstanceId).isNotBlank();
        assertThat(as("applicant1").post("/api/applications/" + id + "/submit", Map.of()).status()).isEqualTo(409);
        assertThat(as("admin").get("/engine-rest/process-instance/count?businessKey=" + id).json().path("count").asInt()).isEqualTo(1);

        // the city task goes to Nanjing only, with its Camunda Form as Tasklist loads it
        JsonNode cityTask = d.awaitCityReview(id);
        Http.Response form = as("nanjing").get("/engine-rest/task/" + cityTask.path("id").asText() + "/deployed-form");
        assertThat(form.status()).as(form.text()).isEqualTo(200);
        assertThat(form.json().path("id").asText()).isEqualTo("CityReviewForm");
        JsonNode formVariables = as("nanjing").get("/engine-rest/task/" + cityTask.path("id").asText() + "/form-variables").json();
        assertThat(formVariables.path("carrierName").path("value").asText()).isEqualTo("南京江北新区生命科学园孵化器");
        assertThat(formVariables.path("documentsMarkdown").path("value").asText()).contains("/api/applications/" + id + "/documents/");
        assertThat(formVariables.path("eligibilityText").path("value").asText()).startsWith("符合认定条件");
        assertThat(d.tasks(id, null, "suzhou")).isEmpty();
        assertThat(d.complete("suzhou", cityTask.path("id").asText(), Map.of("cityDecision", "RECOMMEND")).status()).isEqualTo(403);
        assertThat(as("suzhou").get("/api/applications/" + id).status()).isEqualTo(404);
        // an outcome outside the contract is refused and the task stays open
        Http.Response invalid = d.complete("nanjing", cityTask.path("id").asText(), Map.of("cityDecision", "MAYBE"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(d.complete("nanjing", cityTask.path("id").asText(), Map.of("cityDecision", "RETURN")).status()).isEqualTo(400);

        JsonNode underReview = d.application(id, "nanjing");
        assertThat(underReview.path("status").asText()).isEqualTo("CITY_REVIEW");
        assertThat(underReview.path("eligibility").path("eligible").asBoolean()).isTrue();
        assertThat(underReview.path("eligibility").path("ruleSet").asText()).isEqualTo("JIANGSU-2019");
        String ruleTable = underReview.path("eligibility").path("ruleTable").asText();
        assertThat(ruleTable).matches("EligibilityIncubator v[1-9][0-9]*");

        List<String> experts = d.throughDecision(id);
        assertThat(experts).hasSize(3).doesNotContain("expert1"); // expert1's home city is Nanjing
        // the approver and the province read the panel's summary (scores 85, 86, 87, all in support); the operator does not
        JsonNode panels = d.application(id, "approver").path("expertPanels");
        assertThat(panels).hasSize(2); // the city's own panel first, the province's after it
        assertThat(panels.get(0).path("panel").asText()).isEqualTo("CITY");
        assertThat(panels.get(0).path("count").asInt()).isEqualTo(3);
        JsonNode panel = panels.get(1);
        assertThat(panel.path("panel").asText()).isEqualTo("PROVINCE");
        assertThat(panel.path("count").asInt()).isEqualTo(3);
        assertThat(panel.path("mean").decimalValue()).isEqualByComparingTo("86.00");
        assertThat(panel.path("min").decimalValue()).isEqualByComparingTo("85");
        assertThat(panel.path("max").decimalValue()).isEqualByComparingTo("87");
        assertThat(panel.path("support").asInt()).isEqualTo(3);
        assertThat(panel.path("oppose").asInt()).isZero();
        assertThat(d.application(id, "applicant1").path("expertPanels")).isEmpty();

        JsonNode published = d.awaitStatus(id, "PUBLICATION");
        assertThat(published.path("publicationEnd").asText()).isNotBlank();
        JsonNode list = anonymous().get("/api/publications").json();
        assertThat(list).anySatisfy(p -> {
            assertThat(p.path("applicationId").asLong()).isEqualTo(id);
            assertThat(p.path("carrierName").asText()).isEqualTo("南京江北新区生命科学园孵化器");
            assertThat(p.path("cityName").asText()).isEqualTo("南京市");
        });

        // an objection from the public during the period, dismissed by the province
        Http.Response objection = anonymous().post("/api/applications/" + id + "/objections",
                Map.of("objectorName", "李四", "contact", "13800000000", "text", "在孵企业数量存疑"));
        assertThat(objection.status()).as(objection.text()).isEqualTo(201);
        assertThat(anonymous().post("/api/applications/" + id + "/objections", Map.of("objectorName", "", "contact", "x", "text", "y"))
                .json().path("errors").get(0).path("field").asText()).isEqualTo("objectorName");
        JsonNode objectionTask = await("objection task", () -> {
            JsonNode tasks = as("province").get("/engine-rest/task?taskDefinitionKey=ObjectionTask&candidateGroup=province-reviewer").json();
            for (JsonNode t : tasks) {
                JsonNode v = as("province").get("/engine-rest/task/" + t.path("id").asText() + "/variables/objectorName").json();
                if ("李四".equals(v.path("value").asText())) {
                    return t;
                }
            }
            return null;
        });
        d.completeOk("province", objectionTask.path("id").asText(), Map.of("objectionUpheld", false, "objectionReply", "经核实在孵企业数量属实"));

        JsonNode certified = d.awaitStatus(id, "CERTIFIED");
        assertThat(certified.path("certificationNumber").asText()).startsWith("JSP-INC-");
        List<String> actions = new ArrayList<>();
        certified.path("timeline").forEach(e -> actions.add(e.path("action").asText()));
        assertThat(actions).containsSubsequence("CREATED", "SUBMITTED", "ELIGIBLE", "CITY_RECOMMEND", "PROVINCE_PASS",
                "EXPERTS_ASSIGNED", "EXPERT_SUPPORT", "DECISION_APPROVE", "PUBLICATION_OPENED", "OBJECTION_RECEIVED",
                "OBJECTION_DISMISSED", "PUBLICATION_CLOSED", "CERTIFIED");
        assertThat(certified.path("timeline")).filteredOn(action("CITY_RECOMMEND"))
                .allSatisfy(e -> assertThat(e.path("actor").asText()).isEqualTo("nanjing"));

        // the operator's carriers in the registry: exactly one is this incubator (other ITs register more for the operator)
        JsonNode registry = anonymous().get("/api/registry/carriers?size=200&q=" + Drafts.APPLICANT1_CREDIT_CODE).json();
        List<JsonNode> mine = new ArrayList<>();
        registry.path("content").forEach(c -> {
            if ("南京江北新区生命科学园孵化器".equals(c.path("name").asText()) && "INCUBATOR".equals(c.path("kind").asText())) {
                mine.add(c);
            }
        });
        assertThat(mine).hasSize(1);
        JsonNode carrier = anonymous().get("/api/registry/carriers/" + mine.get(0).path("id").asLong()).json();
        assertThat(carrier.path("carrier").path("status").asText()).isEqualTo("ACTIVE");
        assertThat(carrier.path("carrier").path("level").asText()).isEqualTo("PROVINCIAL");
        assertThat(carrier.path("certifications")).anySatisfy(c -> {
            assertThat(c.path("number").asText()).isEqualTo(certified.path("certificationNumber").asText());
            assertThat(c.path("ruleSet").asText()).isEqualTo("JIANGSU-2019");
            assertThat(c.path("ruleTable").asText()).isEqualTo(ruleTable);
            assertThat(c.path("applicationId").asLong()).isEqualTo(id);
        });

        // after the period: objections are refused; nobody else reads the application
        assertThat(anonymous().post("/api/applications/" + id + "/objections",
                Map.of("objectorName", "王五", "contact", "x@y.cn", "text", "迟到的异议")).status()).isEqualTo(409);
        assertThat(as("applicant2").get("/api/applications/" + id).status()).isEqualTo(404);
        long docId = certified.path("documents").get(0).path("id").asLong();
        assertThat(as("applicant2").get("/api/applications/" + id + "/documents/" + docId).status()).isEqualTo(404);
        assertThat(as(experts.get(0)).get("/api/applications/" + id + "/documents/" + docId).status()).isEqualTo(302);
    }

    @Test
    void theCityChecksOnSiteAndHearsThreeExpertsBeforeItsReview() {
        CertificationDriver d = driver();
        long id = d.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", "现场核查测试孵化器"));
        assertThat(as("applicant1").post("/api/applications/" + id + "/submit", Map.of()).status()).isEqualTo(202);
        JsonNode check = d.awaitTask(id, "CitySiteCheckTask", "nanjing");
        String taskId = check.path("id").asText();
        assertThat(d.application(id, "nanjing").path("status").asText()).isEqualTo("SITE_CHECK");
        assertThat(as("nanjing").get("/engine-rest/task/" + taskId + "/deployed-form").json().path("id").asText()).isEqualTo("CitySiteCheckForm");
        JsonNode options = as("nanjing").get("/engine-rest/task/" + taskId + "/variables/cityExpertOptions?deserializeValue=false").json();
        assertThat(options.path("value").asText()).contains("expert1"); // the city's own panel may seat a Nanjing expert

        // no report yet: refused, the task stays open; only the city uploads the report, and only now
        Http.Response noReport = d.complete("nanjing", taskId, CertificationDriver.passedSiteCheck());
        assertThat(noReport.status()).as(noReport.text()).isEqualTo(400);
        assertThat(noReport.text()).contains("SITE_CHECK_REPORT");
        Http.Response byOperator = as("applicant1").upload("/api/applications/" + id + "/documents", Map.of("type", "SITE_CHECK_REPORT"),
                "file", "report.pdf", "application/pdf", TestFiles.pdf("not the city's"));
        assertThat(byOperator.status()).isEqualTo(403);
        Http.Response byOtherCity = as("suzhou").upload("/api/applications/" + id + "/documents", Map.of("type", "SITE_CHECK_REPORT"),
                "file", "report.pdf", "application/pdf", TestFiles.pdf("not Suzhou's"));
        assertThat(byOtherCity.status()).isEqualTo(404);
        d.uploadSiteCheckReport(id);
        assertThat(d.application(id, "province").path("documents").toString()).contains("SITE_CHECK_REPORT");
        assertThat(d.application(id, "applicant1").path("documents").toString()).doesNotContain("SITE_CHECK_REPORT");

        Map<String, Object> twoExperts = new java.util.HashMap<>(CertificationDriver.passedSiteCheck());
        twoExperts.put("cityExperts", List.of("expert1", "expert2"));
        assertThat(d.complete("nanjing", taskId, twoExperts).text()).contains("至少需要3名");
        Map<String, Object> future = new java.util.HashMap<>(CertificationDriver.passedSiteCheck());
        future.put("siteCheckDate", java.time.LocalDate.now().plusDays(3).toString());
        assertThat(d.complete("nanjing", taskId, future).status()).isEqualTo(400);
        assertThat(d.tasks(id, "CitySiteCheckTask", "nanjing")).hasSize(1);

        Map<String, Object> named = new java.util.HashMap<>(CertificationDriver.passedSiteCheck());
        named.put("cityExperts", List.of("expert1", "expert2", "expert3"));
        d.completeOk("nanjing", taskId, named);
        JsonNode cityExperts = CertificationDriver.await("three city expert tasks", () -> {
            JsonNode all = as("admin").get("/engine-rest/task?processInstanceBusinessKey=" + id + "&taskDefinitionKey=CityExpertReviewTask").json();
            return all.size() == 3 ? all : null;
        });
        assertThat(cityExperts).extracting(t -> t.path("assignee").asText()).containsExactlyInAnyOrder("expert1", "expert2", "expert3");
        int score = 70;
        for (JsonNode task : cityExperts) {
            assertThat(d.tasks(id, "CityReviewTask", "nanjing")).isEmpty(); // not before the third score
            d.completeOk(task.path("assignee").asText(), task.path("id").asText(),
                    Map.of("expertScore", score, "expertOpinion", score == 70 ? "OPPOSE" : "SUPPORT", "expertComment", "现场核查后评审"));
            score += 10;
        }
        JsonNode review = d.awaitTask(id, "CityReviewTask", "nanjing");
        JsonNode form = as("nanjing").get("/engine-rest/task/" + review.path("id").asText() + "/form-variables").json();
        assertThat(form.path("siteCheckMarkdown").path("value").asText()).contains("通过").contains("场地、在孵企业与服务团队与申报一致");
        assertThat(form.path("expertSummaryMarkdown").path("value").asText())
                .contains("市级专家评审：3位专家，平均分 80\\.00，最低 70，最高 90；支持 2，不支持 1");
        JsonNode seen = d.application(id, "province");
        assertThat(seen.path("siteChecks")).hasSize(1);
        assertThat(seen.path("siteChecks").get(0).path("passed").asBoolean()).isTrue();
        assertThat(seen.path("siteChecks").get(0).path("inspectors").asText()).contains("周核查");
        assertThat(seen.path("expertPanels").get(0).path("panel").asText()).isEqualTo("CITY");
        JsonNode operator = d.application(id, "applicant1");
        assertThat(operator.path("siteChecks")).isEmpty();
        assertThat(operator.path("timeline").toString()).contains("现场核查通过").doesNotContain("expert1");
        d.completeOk("nanjing", review.path("id").asText(), Map.of("cityDecision", "REJECT", "cityComment", "测试结束"));
        d.awaitStatus(id, "REJECTED");
    }

    @Test
    void aFailedSiteCheckEndsTheApplicationRejectedWithTheFindings() {
        CertificationDriver d = driver();
        long id = d.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", "现场核查未通过孵化器"));
        assertThat(as("applicant1").post("/api/applications/" + id + "/submit", Map.of()).status()).isEqualTo(202);
        String taskId = d.awaitTask(id, "CitySiteCheckTask", "nanjing").path("id").asText();
        d.uploadSiteCheckReport(id);
        Map<String, Object> failed = new java.util.HashMap<>(CertificationDriver.passedSiteCheck());
        failed.put("sitePassed", false);
        failed.put("siteFindings", "孵化场地大部分空置，在孵企业与名单不符");
        failed.put("cityExperts", List.of("expert1", "expert2", "expert3"));
        d.completeOk("nanjing", taskId, failed);
        JsonNode rejected = d.awaitStatus(id, "REJECTED");
        assertThat(rejected.path("timeline").toString()).contains("现场核查未通过：孵化场地大部分空置");
        assertThat(as("admin").get("/engine-rest/task?processInstanceBusinessKey=" + id).json()).isEmpty();
        assertThat(d.application(id, "province").path("siteChecks").get(0).path("passed").asBoolean()).isFalse();
    }

    /** A national incubator filed today (rule set NATIONAL-2025), reviewed by the city and the province: waits for the approver. */
    long nationalAtDecision(CertificationDriver d, String name) {
        long id = d.draftWithDocuments(Drafts.with(Drafts.with(Drafts.nanjingIncubator(), "carrierName", name), "level", "NATIONAL"));
        Http.Response submitted = as("applicant1").post("/api/applications/" + id + "/submit", Map.of());
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        d.throughExperts(id);
        assertThat(d.application(id, "province").path("eligibility").path("ruleSet").asText()).isEqualTo("NATIONAL-2025");
        return id;
    }

    @Test
    void aNationalApplicationIsRecommendedWithinTheExcellentQuotaAndEntersTheRegistryOnlyWithTheMinistrysDecision() {
        // this year's graded recommendations of earlier runs are moved out of the year: the quota starts from zero
        jdbc.update("UPDATE application SET recommended_at = DATE_SUB(recommended_at, INTERVAL 5 YEAR) WHERE national_grade IS NOT NULL");
        CertificationDriver d = driver();
        String tag = Long.toString(System.nanoTime() % 100_000);
        long first = nationalAtDecision(d, "国家级推荐测试孵化器甲" + tag);
        long second = nationalAtDecision(d, "国家级推荐测试孵化器乙" + tag);

        // the province recommends, it does not certify: APPROVE is refused for a national application
        String decideFirst = d.awaitTask(first, "DecisionTask", "approver").path("id").asText();
        Http.Response approve = d.complete("approver", decideFirst, Map.of("decision", "APPROVE", "decisionComment", "同意"));
        assertThat(approve.status()).isEqualTo(400);
        assertThat(approve.text()).contains("RECOMMEND");
        // one recommendation this year: ceil(10 % × 1) = 1 EXCELLENT allowed
        d.completeOk("approver", decideFirst, Map.of("decision", "RECOMMEND", "nationalGrade", "EXCELLENT", "decisionComment", "推荐卓越级"));
        // two recommendations: ceil(10 % × 2) = 1, already used: refused with the numbers, the task stays open
        String decideSecond = d.awaitTask(second, "DecisionTask", "approver").path("id").asText();
        Http.Response overQuota = d.complete("approver", decideSecond,
                Map.of("decision", "RECOMMEND", "nationalGrade", "EXCELLENT", "decisionComment", "推荐卓越级"));
        assertThat(overQuota.status()).as(overQuota.text()).isEqualTo(400);
        assertThat(overQuota.text()).contains("推荐国家级孵化器2家", "卓越级至多1家", "已推荐卓越级1家");
        assertThat(d.tasks(second, "DecisionTask", "approver")).hasSize(1);
        d.completeOk("approver", decideSecond, Map.of("decision", "RECOMMEND", "nationalGrade", "STANDARD", "decisionComment", "推荐标准级"));

        // the recommendation is published, then the application waits for the ministry, outside the registry
        JsonNode recommended = d.awaitStatus(first, "RECOMMENDED");
        assertThat(recommended.path("certificationNumber").asText(null)).isNull();
        assertThat(recommended.path("national").path("grade").asText()).isEqualTo("EXCELLENT");
        assertThat(recommended.path("timeline").toString()).contains("推荐上报国家级（卓越级）");
        String outcome = d.awaitTask(first, "NationalOutcomeTask", "province").path("id").asText();
        assertThat(as("province").get("/engine-rest/task/" + outcome + "/deployed-form").json().path("id").asText())
                .isEqualTo("NationalOutcomeForm");
        Map<String, Object> approved = Map.of("ministryApproved", true, "ministryDocumentNumber", "工信部科函〔2026〕" + tag + "号",
                "ministryDecisionDate", "2026-11-20");
        Http.Response withoutFile = d.complete("province", outcome, approved);
        assertThat(withoutFile.status()).isEqualTo(400);
        assertThat(withoutFile.text()).contains("MINISTRY_DECISION");
        Http.Response byOperator = as("applicant1").upload("/api/applications/" + first + "/documents", Map.of("type", "MINISTRY_DECISION"),
                "file", "decision.pdf", "application/pdf", TestFiles.pdf("not the ministry's"));
        assertThat(byOperator.status()).isEqualTo(403);
        Http.Response file = as("province").upload("/api/applications/" + first + "/documents", Map.of("type", "MINISTRY_DECISION"),
                "file", "ministry-decision.pdf", "application/pdf", TestFiles.pdf("MIIT decision " + tag));
        assertThat(file.status()).as(file.text()).isEqualTo(201);
        d.completeOk("province", outcome, approved);
        JsonNode certified = d.awaitStatus(first, "CERTIFIED");
        JsonNode carrier = as("province").get("/api/registry/carriers/" + certified.path("carrierId").asLong()).json();
        JsonNode national = null;
        for (JsonNode c : carrier.path("certifications")) {
            if (c.path("applicationId").asLong() == first) {
                national = c;
            }
        }
        assertThat(national).isNotNull();
        assertThat(national.path("level").asText()).isEqualTo("NATIONAL");
        assertThat(national.path("grade").asText()).isEqualTo("EXCELLENT");
        assertThat(national.path("gradeLabel").asText()).isEqualTo("卓越级");
        assertThat(national.path("documentNumber").asText()).isEqualTo("工信部科函〔2026〕" + tag + "号");
        assertThat(national.path("validFrom").asText()).isEqualTo("2026-11-20");
        assertThat(national.path("recheckDue").asText()).isEqualTo("2029-11-20"); // 卓越级: re-checked every three years

        // the ministry does not certify the second: it ends REJECTED, nothing enters the registry
        d.awaitStatus(second, "RECOMMENDED");
        String refuse = d.awaitTask(second, "NationalOutcomeTask", "province").path("id").asText();
        assertThat(as("province").upload("/api/applications/" + second + "/documents", Map.of("type", "MINISTRY_DECISION"), "file",
                "ministry-decision.pdf", "application/pdf", TestFiles.pdf("MIIT list " + tag)).status()).isEqualTo(201);
        d.completeOk("province", refuse, Map.of("ministryApproved", false, "ministryDecisionDate", "2026-11-20",
                "ministryComment", "未列入本批国家级孵化器名单"));
        JsonNode rejected = d.awaitStatus(second, "REJECTED");
        assertThat(rejected.path("carrierId").asText(null)).isNull();
        assertThat(rejected.path("national").path("ministryApproved").asBoolean(true)).isFalse();
        assertThat(rejected.path("timeline").toString()).contains("未获工业和信息化部认定，保留原有认定：未列入本批国家级孵化器名单");
    }

    @Test
    void anExpertCannotCompleteAnotherExpertsTask() {
        CertificationDriver d = driver();
        long id = d.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", "南京专家回避测试孵化器"));
        assertThat(as("applicant1").post("/api/applications/" + id + "/submit", Map.of()).status()).isEqualTo(202);
        d.completeOk("nanjing", d.awaitCityReview(id).path("id").asText(), Map.of("cityDecision", "RECOMMEND"));
        d.completeOk("province", d.awaitTask(id, "ProvinceReviewTask", "province").path("id").asText(),
                Map.of("provinceCheck", "PASS", "experts", List.of("expert2", "expert3", "expert4")));
        JsonNode mine = d.awaitTask(id, "ExpertReviewTask", "expert2");
        assertThat(d.tasks(id, "ExpertReviewTask", "expert2")).hasSize(1);
        assertThat(mine.path("assignee").asText()).isEqualTo("expert2");
        Http.Response stolen = d.complete("expert3", mine.path("id").asText(),
                Map.of("expertScore", 10, "expertOpinion", "OPPOSE", "expertComment", "x"));
        assertThat(stolen.status()).isEqualTo(403);
        Http.Response badScore = d.complete("expert2", mine.path("id").asText(),
                Map.of("expertScore", 120, "expertOpinion", "SUPPORT", "expertComment", "x"));
        assertThat(badScore.status()).isEqualTo(400);
        // a named expert with a conflict of interest is refused at the province's task
        long other = d.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", "南京利益冲突测试孵化器"));
        assertThat(as("applicant1").post("/api/applications/" + other + "/submit", Map.of()).status()).isEqualTo(202);
        d.completeOk("nanjing", d.awaitCityReview(other).path("id").asText(), Map.of("cityDecision", "RECOMMEND"));
        Http.Response conflict = d.complete("province", d.awaitTask(other, "ProvinceReviewTask", "province").path("id").asText(),
                Map.of("provinceCheck", "PASS", "experts", List.of("expert1", "expert2", "expert3")));
        assertThat(conflict.status()).isEqualTo(400);
        assertThat(conflict.text()).contains("回避");
    }

    @Test
    void anIneligibleApplicationIsApprovedOnlyWithAnOverrideAndTheTimelineSaysSo() {
        CertificationDriver d = driver();
        Map<String, Object> draft = Drafts.with(Drafts.nanjingIncubator(), "carrierName", "南京例外批准测试孵化器");
        @SuppressWarnings("unchecked")
        Map<String, Object> indicators = new java.util.LinkedHashMap<>((Map<String, Object>) draft.get("indicators"));
        indicators.remove("tenantAreaShare");
        indicators.put("incubationArea", 6000);
        indicators.put("tenantArea", 6001); // more than the whole: refused on its field
        Http.Response refused = as("applicant1").post("/api/applications", Drafts.with(draft, "indicators", indicators));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors")).anySatisfy(e -> {
            assertThat(e.path("field").asText()).isEqualTo("indicators.tenantArea");
            assertThat(e.path("detail").asText()).contains("不能大于");
        });
        indicators.put("tenantArea", 3999); // just under 2/3 of 6000 m²
        long id = d.draftWithDocuments(Drafts.with(draft, "indicators", indicators));
        assertThat(as("applicant1").post("/api/applications/" + id + "/submit", Map.of()).status()).isEqualTo(202);
        d.throughExperts(id);

        JsonNode app = d.application(id, "approver");
        assertThat(app.path("eligibility").path("eligible").asBoolean()).isFalse();
        assertThat(app.path("eligibility").path("failedCriteria")).extracting(JsonNode::asText).singleElement().asString().contains("不足2/3");
        JsonNode decision = d.awaitTask(id, "DecisionTask", "approver");
        String taskId = decision.path("id").asText();
        Http.Response plain = d.complete("approver", taskId, Map.of("decision", "APPROVE", "decisionComment", "同意认定"));
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.text()).contains("eligibilityOverride");
        assertThat(d.complete("approver", taskId, Map.of("decision", "APPROVE", "decisionComment", "同意", "eligibilityOverride", false)).status())
                .isEqualTo(400);
        assertThat(d.complete("approver", taskId, Map.of("decision", "APPROVE", "eligibilityOverride", true)).status())
                .as("the override needs its reason").isEqualTo(400);
        assertThat(d.tasks(id, "DecisionTask", "approver")).as("the task stays open").hasSize(1);

        d.completeOk("approver", taskId, Map.of("decision", "APPROVE", "eligibilityOverride", true,
                "decisionComment", "在孵面积差1平方米，经现场核实新增孵化场地已投入使用"));
        JsonNode published = d.awaitStatus(id, "PUBLICATION");
        assertThat(published.path("timeline")).filteredOn(action("DECISION_APPROVE_OVERRIDE")).singleElement().satisfies(e -> {
            assertThat(e.path("actor").asText()).isEqualTo("approver");
            assertThat(e.path("comment").asText()).contains("不符合认定条件", "例外批准", "新增孵化场地已投入使用");
        });
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aFraudFindingEndsTheApplicationAndBarsTheOperatorUntilTheBarLifts() {
        CertificationDriver d = driver();
        try {
            long id = d.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", "南京弄虚作假测试孵化器"));
            assertThat(as("applicant1").post("/api/applications/" + id + "/submit", Map.of()).status()).isEqualTo(202);
            String city = d.awaitCityReview(id).path("id").asText();
            assertThat(d.complete("nanjing", city, Map.of("cityDecision", "RECOMMEND", "fraudFound", true)).status())
                    .as("fraud goes with a reject only").isEqualTo(400);
            d.completeOk("nanjing", city, Map.of("cityDecision", "REJECT", "fraudFound", true,
                    "cityComment", "现场核查发现在孵企业名单中12家企业并未入驻"));
            JsonNode rejected = d.awaitStatus(id, "REJECTED");
            java.time.LocalDate until = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusYears(2);
            assertThat(rejected.path("timeline")).filteredOn(action("FRAUD_FOUND")).singleElement()
                    .satisfies(e -> assertThat(e.path("comment").asText()).contains(until.toString()));
            assertThat(rejected.path("timeline")).filteredOn(action("REJECTED")).singleElement()
                    .satisfies(e -> assertThat(e.path("comment").asText()).startsWith("弄虚作假，市级不予推荐"));

            // the operator's next application, for another carrier, is refused until the bar lifts
            long next = d.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", "南京禁入期后申报测试孵化器"));
            Http.Response barred = as("applicant1").post("/api/applications/" + next + "/submit", Map.of());
            assertThat(barred.status()).isEqualTo(409);
            assertThat(barred.json().path("barredUntil").asText()).isEqualTo(until.toString());
            assertThat(d.application(next, "applicant1").path("status").asText()).isEqualTo("DRAFT");

            // two years on (the finding's bar moved into the past): the same submission is accepted
            jdbc.update("UPDATE fraud_finding SET barred_until = ? WHERE application_id = ?",
                    java.sql.Date.valueOf(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))), id);
            Http.Response accepted = as("applicant1").post("/api/applications/" + next + "/submit", Map.of());
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        } finally {
            jdbc.update("DELETE FROM fraud_finding WHERE credit_code = ?", Drafts.APPLICANT1_CREDIT_CODE); // other tests file for applicant1
        }
    }

    @Test
    void aSecondOpenApplicationForTheSameCarrierAndKindIsRefused() {
        CertificationDriver d = driver();
        var draft = Drafts.with(Drafts.nanjingIncubator(), "carrierName", "南京重复申报测试孵化器");
        long first = d.draftWithDocuments(draft);
        long second = d.draftWithDocuments(draft);
        assertThat(as("applicant1").post("/api/applications/" + first + "/submit", Map.of()).status()).isEqualTo(202);
        Http.Response refused = as("applicant1").post("/api/applications/" + second + "/submit", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("openApplicationId").asLong()).isEqualTo(first);
        assertThat(d.application(second, "applicant1").path("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void cityReturnThenCorrectionGoesBackToTheCity() {
        CertificationDriver d = driver();
        long id = d.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", "南京补正测试孵化器"));
        assertThat(as("applicant1").post("/api/applications/" + id + "/submit", Map.of()).status()).isEqualTo(202);
        d.completeOk("nanjing", d.awaitCityReview(id).path("id").asText(),
                Map.of("cityDecision", "RETURN", "cityComment", "请补充场地租赁合同"));
        JsonNode returned = d.awaitStatus(id, "CORRECTION_REQUESTED");
        assertThat(returned.path("timeline")).anySatisfy(e -> assertThat(e.path("comment").asText()).contains("请补充场地租赁合同"));
        // the correction task is finished by resubmitting, not by completing it in Tasklist
        JsonNode supplement = d.awaitTask(id, "SupplementTask", "applicant1");
        assertThat(d.complete("applicant1", supplement.path("id").asText(), Map.of()).status()).isEqualTo(400);
        assertThat(as("applicant1").put("/api/applications/" + id,
                Drafts.with(Drafts.with(Drafts.nanjingIncubator(), "carrierName", "南京补正测试孵化器"), "address", "南京市江北新区药谷大道12号"))
                .status()).isEqualTo(200);
        d.upload(id, "SITE_PROOF");
        assertThat(as("applicant1").post("/api/applications/" + id + "/submit", Map.of()).status()).isEqualTo(202);
        JsonNode second = d.awaitCityReview(id);
        assertThat(d.application(id, "applicant1").path("address").asText()).isEqualTo("南京市江北新区药谷大道12号");
        // the second round starts blank: last round's RETURN comment is not the new outcome's comment
        JsonNode secondVariables = as("nanjing").get("/engine-rest/task/" + second.path("id").asText() + "/form-variables").json();
        assertThat(secondVariables.has("cityComment")).isFalse();
        assertThat(secondVariables.has("cityDecision")).isFalse();
        d.completeOk("nanjing", second.path("id").asText(), Map.of("cityDecision", "RECOMMEND", "cityRemark", "补正后材料齐全"));
        JsonNode recommended = d.awaitStatus(id, "PROVINCE_REVIEW");
        // the operator reads the recommendation; the city's opinion is for the province only (an internal remark)
        assertThat(recommended.path("timeline")).filteredOn(CertificationDriver.action("CITY_RECOMMEND"))
                .singleElement().satisfies(e -> assertThat(e.path("comment").asText()).isEqualTo("推荐上报"));
        assertThat(recommended.path("timeline")).filteredOn(CertificationDriver.action("INTERNAL_REMARK")).isEmpty();
        assertThat(d.application(id, "province").path("timeline")).filteredOn(CertificationDriver.action("INTERNAL_REMARK"))
                .singleElement().satisfies(e -> assertThat(e.path("comment").asText()).isEqualTo("补正后材料齐全"));
    }
}
