package cn.parkflow.certification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every user task has a Chinese name, a due date and a Camunda Form that fills exactly the variables of the contract. */
class FormsTest {

    static final Map<String, List<String>> CONTRACT = Map.ofEntries(
            Map.entry("AnnualReportTask", List.of("tenantCount", "graduatedCount", "highTechTenants", "investmentRaised", "mentorCount",
                    "eventsPerYear", "professionalStaffShare", "narrative")),
            Map.entry("CityConfirmTask", evaluationChangeKeys()),
            Map.entry("RevocationTask", List.of("revoke", "revocationReason")),
            Map.entry("CityRecommendationTask", benchmarkKeys("recommend", 30, List.of(), List.of("recommendationComment"))),
            Map.entry("ExpertScoringTask", List.of("score_FUTURE_FIT", "score_INCUBATION_PERFORMANCE", "score_PROFESSIONAL_SERVICES",
                    "score_INVESTMENT", "score_CHAIN_COMPLETENESS", "scoringComment")),
            Map.entry("ProvinceConfirmTask", benchmarkKeys("change", 10, List.of("confirmDecision"), List.of())),
            Map.entry("CitySiteCheckTask", List.of("siteCheckDate", "siteInspectors", "siteFindings", "sitePassed", "fraudFound",
                    "cityExperts")),
            Map.entry("CityExpertReviewTask", List.of("expertScore", "expertOpinion", "expertComment")),
            Map.entry("CityReviewTask", List.of("cityDecision", "cityComment", "fraudFound", "cityRemark")),
            Map.entry("SupplementTask", List.of()),
            Map.entry("ProvinceReviewTask", List.of("provinceCheck", "provinceComment", "fraudFound", "provinceRemark", "experts")),
            Map.entry("ExpertReviewTask", List.of("expertScore", "expertOpinion", "expertComment")),
            Map.entry("DecisionTask", List.of("decision", "nationalGrade", "eligibilityOverride", "decisionComment", "fraudFound")),
            Map.entry("NationalOutcomeTask", List.of("ministryApproved", "ministryDocumentNumber", "ministryDecisionDate", "ministryComment")),
            Map.entry("ObjectionTask", List.of("objectionUpheld", "objectionReply")),
            Map.entry("CityChangeCheckTask", List.of("changeCheck", "changeComment", "fraudFound")),
            Map.entry("ProvinceChangeConfirmTask", List.of("changeConfirm", "changeConfirmComment")),
            Map.entry("ChangeRevocationTask", List.of("revoke", "revocationReason")));

    static List<String> evaluationChangeKeys() {
        List<String> keys = new ArrayList<>(List.of("confirmDecision"));
        for (int i = 1; i <= 10; i++) {
            keys.addAll(List.of("change" + i, "change" + i + "Rating", "change" + i + "Reason"));
        }
        return keys;
    }

    /** The positional fields of the benchmark forms: recommend1…recommend30, change1/change1Reason…change10. */
    static List<String> benchmarkKeys(String prefix, int count, List<String> before, List<String> after) {
        List<String> keys = new ArrayList<>(before);
        for (int i = 1; i <= count; i++) {
            keys.add(prefix + i);
            if (prefix.equals("change")) {
                keys.add(prefix + i + "Reason");
            }
        }
        keys.addAll(after);
        return keys;
    }

    static Map<String, JsonNode> forms() throws Exception {
        Map<String, JsonNode> forms = new HashMap<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            try (InputStream in = r.getInputStream()) {
                JsonNode form = new ObjectMapper().readTree(in);
                forms.put(form.path("id").asText(), form);
            }
        }
        return forms;
    }

    static List<UserTask> userTasks() {
        return Stream.of("certification.bpmn", "publication.bpmn", "benchmark-selection.bpmn", "annual-evaluation.bpmn", "carrier-evaluation.bpmn", "carrier-change.bpmn").flatMap(file -> {
            BpmnModelInstance model = Bpmn.readModelFromStream(FormsTest.class.getResourceAsStream("/" + file));
            return model.getModelElementsByType(UserTask.class).stream();
        }).toList();
    }

    static List<String> keys(JsonNode form) {
        List<String> keys = new ArrayList<>();
        form.path("components").forEach(c -> {
            if (c.has("key")) {
                keys.add(c.path("key").asText());
            }
        });
        return keys;
    }

    @Test
    void everyUserTaskHasItsFormDueDateAndChineseName() throws Exception {
        Map<String, JsonNode> forms = forms();
        List<UserTask> tasks = userTasks();
        assertThat(tasks).extracting(UserTask::getId).containsExactlyInAnyOrderElementsOf(CONTRACT.keySet());
        for (UserTask task : tasks) {
            assertThat(task.getName()).as(task.getId()).matches(".*\\p{IsHan}.*");
            assertThat(task.getCamundaDueDate()).as(task.getId()).isNotBlank();
            String formRef = task.getCamundaFormRef();
            assertThat(formRef).as(task.getId()).isNotBlank();
            assertThat(forms).as("form %s of %s", formRef, task.getId()).containsKey(formRef);
            JsonNode form = forms.get(formRef);
            assertThat(keys(form)).as(formRef).containsExactlyInAnyOrderElementsOf(CONTRACT.get(task.getId()));
            assertThat(form.path("schemaVersion").asInt()).isLessThanOrEqualTo(16); // form-js 1.8.7 in Tasklist 7.24
        }
    }

    @Test
    void choicesOfferExactlyTheAllowedValues() throws Exception {
        Map<String, JsonNode> forms = forms();
        assertThat(values(forms.get("CityReviewForm"), "cityDecision")).containsExactly("RECOMMEND", "RETURN", "REJECT");
        assertThat(values(forms.get("ProvinceReviewForm"), "provinceCheck")).containsExactly("PASS", "RETURN", "REJECT");
        assertThat(values(forms.get("ExpertReviewForm"), "expertOpinion")).containsExactly("SUPPORT", "OPPOSE");
        assertThat(values(forms.get("DecisionForm"), "decision")).containsExactly("APPROVE", "RECOMMEND", "REJECT");
        assertThat(values(forms.get("DecisionForm"), "nationalGrade")).containsExactly("STANDARD", "EXCELLENT");
        assertThat(values(forms.get("CitySiteCheckForm"), "sitePassed")).containsExactly("true", "false");
        assertThat(values(forms.get("NationalOutcomeForm"), "ministryApproved")).containsExactly("true", "false");
        JsonNode score = component(forms.get("ExpertReviewForm"), "expertScore");
        assertThat(score.path("validate").path("min").asInt()).isZero();
        assertThat(score.path("validate").path("max").asInt()).isEqualTo(100);
        assertThat(component(forms.get("ObjectionForm"), "objectionReply").path("validate").path("required").asBoolean()).isTrue();
    }

    @Test
    void cityRecommendationHidesPositionsBeyondTheQuotaAndConfirmationNeedsAReasonPerChange() throws Exception {
        Map<String, JsonNode> forms = forms();
        JsonNode city = forms.get("CityRecommendationForm");
        assertThat(component(city, "recommend1").path("conditional").path("hide").asText()).isEqualTo("=quota < 1");
        assertThat(component(city, "recommend8").path("conditional").path("hide").asText()).isEqualTo("=quota < 8 or recommend7 = null");
        assertThat(component(city, "recommend8").path("valuesKey").asText()).isEqualTo("applicantOptions");
        JsonNode confirm = forms.get("ProvinceConfirmForm");
        assertThat(values(confirm, "confirmDecision")).containsExactly("CONFIRM", "CHANGE");
        for (int i = 1; i <= 10; i++) {
            JsonNode reason = component(confirm, "change" + i + "Reason");
            assertThat(reason.path("validate").path("required").asBoolean()).as("reason %d required", i).isTrue();
            assertThat(reason.path("conditional").path("hide").asText()).contains("change" + i + " = null");
        }
        for (String key : CONTRACT.get("ExpertScoringTask").subList(0, 5)) {
            JsonNode score = component(forms.get("ExpertScoringForm"), key);
            assertThat(score.path("validate").path("min").asInt()).as(key).isZero();
            assertThat(score.path("validate").path("max").asInt()).as(key).isEqualTo(100);
            assertThat(score.path("validate").path("required").asBoolean()).as(key).isTrue();
        }
    }

    @Test
    void reviewFormsShowIndicatorsEligibilityHistoryAndDocumentLinks() throws Exception {
        for (String id : List.of("CityReviewForm", "ProvinceReviewForm", "ExpertReviewForm", "DecisionForm")) {
            String text = forms().get(id).toString();
            assertThat(text).as(id).contains("{{indicatorsMarkdown}}", "{{eligibilityText}}", "{{historyMarkdown}}", "{{documentsMarkdown}}");
        }
    }

    static JsonNode component(JsonNode form, String key) {
        for (JsonNode c : form.path("components")) {
            if (key.equals(c.path("key").asText())) {
                return c;
            }
        }
        throw new AssertionError("no component " + key);
    }

    static List<String> values(JsonNode form, String key) {
        List<String> values = new ArrayList<>();
        component(form, key).path("values").forEach(v -> values.add(v.path("value").asText()));
        return values;
    }
}
