package cn.parkflow.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.Test;

/** The outcomes reviewers may complete their tasks with, as the process contract fixes them. */
class TaskOutcomeTest {

    static TaskOutcome outcome(String task, Object... pairs) {
        Map<String, Object> v = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            v.put((String) pairs[i], pairs[i + 1]);
        }
        return TaskOutcome.of(task, v::get);
    }

    @Test
    void cityRecommendsWithoutCommentButReturnsAndRejectsWithOne() {
        assertThat(outcome("CityReviewTask", "cityDecision", "RECOMMEND").action()).isEqualTo("CITY_RECOMMEND");
        // the recommendation opinion is internal (for the province), never the operator's timeline comment
        TaskOutcome recommended = outcome("CityReviewTask", "cityDecision", "RECOMMEND", "cityRemark", "材料真实");
        assertThat(recommended.comment()).isEqualTo("推荐上报");
        assertThat(recommended.remark()).isEqualTo("材料真实");
        assertThat(outcome("CityReviewTask", "cityDecision", "RETURN", "cityComment", "补租赁合同").comment()).isEqualTo("退回补正：补租赁合同");
        assertThatThrownBy(() -> outcome("CityReviewTask", "cityDecision", "RETURN")).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("cityComment");
        assertThatThrownBy(() -> outcome("CityReviewTask", "cityDecision", "REJECT", "cityComment", "  "))
                .isInstanceOf(BadUserRequestException.class);
        assertThatThrownBy(() -> outcome("CityReviewTask", "cityDecision", "MAYBE")).hasMessageContaining("RECOMMEND");
        assertThatThrownBy(() -> outcome("CityReviewTask")).isInstanceOf(BadUserRequestException.class);
    }

    @Test
    void aSiteCheckHasADateNotInTheFutureInspectorsFindingsAndAYesOrNo() {
        Object[] passed = {"siteCheckDate", "2026-03-02", "siteInspectors", "周核查", "siteFindings", "与申报一致", "sitePassed", true};
        assertThat(outcome("CitySiteCheckTask", passed).action()).isEqualTo("SITE_CHECK_PASSED");
        assertThat(outcome("CitySiteCheckTask", passed).comment()).isEqualTo("现场核查通过（2026-03-02）：与申报一致");
        TaskOutcome failed = outcome("CitySiteCheckTask", "siteCheckDate", "2026-03-02", "siteInspectors", "周核查", "siteFindings", "场地空置",
                "sitePassed", "false", "fraudFound", true);
        assertThat(failed.action()).isEqualTo("SITE_CHECK_FAILED");
        assertThat(TaskOutcome.fraud("CitySiteCheckTask", vars(passed, "sitePassed", false, "fraudFound", true))).isTrue();
        assertThatThrownBy(() -> TaskOutcome.fraud("CitySiteCheckTask", vars(passed, "fraudFound", true)))
                .hasMessageContaining("sitePassed=false");
        assertThatThrownBy(() -> outcome("CitySiteCheckTask", v(passed, "siteCheckDate", "2026/03/02")))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("yyyy-MM-dd");
        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        assertThatThrownBy(() -> outcome("CitySiteCheckTask", v(passed, "siteCheckDate", tomorrow))).hasMessageContaining("不能晚于今天");
        assertThatThrownBy(() -> outcome("CitySiteCheckTask", v(passed, "siteCheckDate", null))).hasMessageContaining("siteCheckDate");
        assertThatThrownBy(() -> outcome("CitySiteCheckTask", v(passed, "siteInspectors", " "))).hasMessageContaining("siteInspectors");
        assertThatThrownBy(() -> outcome("CitySiteCheckTask", v(passed, "siteInspectors", "人".repeat(501)))).hasMessageContaining("500");
        assertThatThrownBy(() -> outcome("CitySiteCheckTask", v(passed, "siteFindings", null))).hasMessageContaining("siteFindings");
        assertThatThrownBy(() -> outcome("CitySiteCheckTask", v(passed, "sitePassed", "yes"))).hasMessageContaining("sitePassed");
        assertThatThrownBy(() -> outcome("CitySiteCheckTask", v(passed, "sitePassed", null))).hasMessageContaining("sitePassed");
    }

    @Test
    void theCitysExpertsScoreAsTheProvincesDo() {
        assertThat(outcome("CityExpertReviewTask", "expertScore", 77, "expertOpinion", "SUPPORT", "expertComment", "好").action())
                .isEqualTo("CITY_EXPERT_SUPPORT");
        assertThatThrownBy(() -> outcome("CityExpertReviewTask", "expertScore", 120, "expertOpinion", "SUPPORT", "expertComment", "好"))
                .hasMessageContaining("0到100");
    }

    static java.util.function.Function<String, Object> vars(Object[] pairs, Object... replacements) {
        Object[] all = v(pairs, replacements);
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < all.length; i += 2) {
            m.put((String) all[i], all[i + 1]);
        }
        return m::get;
    }

    /** The pairs with some replaced (a null value removes). */
    static Object[] v(Object[] pairs, Object... replacements) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        for (int i = 0; i < replacements.length; i += 2) {
            m.put((String) replacements[i], replacements[i + 1]);
        }
        return m.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray();
    }

    @Test
    void provinceChecksTheSameWay() {
        assertThat(outcome("ProvinceReviewTask", "provinceCheck", "PASS").action()).isEqualTo("PROVINCE_PASS");
        assertThat(outcome("ProvinceReviewTask", "provinceCheck", "REJECT", "provinceComment", "不实").action()).isEqualTo("PROVINCE_REJECT");
        assertThatThrownBy(() -> outcome("ProvinceReviewTask", "provinceCheck", "RETURN")).isInstanceOf(BadUserRequestException.class);
    }

    @Test
    void expertsScoreBetweenZeroAndHundredWithAnOpinionAndAComment() {
        assertThat(outcome("ExpertReviewTask", "expertScore", 0, "expertOpinion", "OPPOSE", "expertComment", "不足").comment())
                .isEqualTo("评分 0，不支持：不足");
        assertThat(outcome("ExpertReviewTask", "expertScore", 100, "expertOpinion", "SUPPORT", "expertComment", "优").action())
                .isEqualTo("EXPERT_SUPPORT");
        assertThatThrownBy(() -> outcome("ExpertReviewTask", "expertScore", 101, "expertOpinion", "SUPPORT", "expertComment", "x"))
                .hasMessageContaining("0到100");
        assertThatThrownBy(() -> outcome("ExpertReviewTask", "expertScore", -1, "expertOpinion", "SUPPORT", "expertComment", "x"))
                .isInstanceOf(BadUserRequestException.class);
        assertThatThrownBy(() -> outcome("ExpertReviewTask", "expertScore", "90", "expertOpinion", "SUPPORT", "expertComment", "x"))
                .isInstanceOf(BadUserRequestException.class);
        assertThatThrownBy(() -> outcome("ExpertReviewTask", "expertScore", 90, "expertOpinion", "SUPPORT"))
                .hasMessageContaining("expertComment");
    }

    @Test
    void approverDecidesWithAComment() {
        assertThat(outcome("DecisionTask", "decision", "APPROVE", "decisionComment", "同意").action()).isEqualTo("DECISION_APPROVE");
        assertThatThrownBy(() -> outcome("DecisionTask", "decision", "APPROVE")).isInstanceOf(BadUserRequestException.class);
        assertThatThrownBy(() -> outcome("DecisionTask", "decision", "MAYBE", "decisionComment", "x")).isInstanceOf(BadUserRequestException.class);
        assertThatThrownBy(() -> outcome("DecisionTask", "decision", "APPROVE", "decisionComment", "长".repeat(2001)))
                .hasMessageContaining("2000");
    }

    @Test
    void fraudIsFoundOnlyWithARejectOutcome() {
        assertThat(TaskOutcome.fraud("CityReviewTask", Map.of("cityDecision", "REJECT", "fraudFound", true)::get)).isTrue();
        assertThat(TaskOutcome.fraud("CityReviewTask", Map.of("cityDecision", "REJECT", "fraudFound", false)::get)).isFalse();
        assertThat(TaskOutcome.fraud("CityReviewTask", Map.of("cityDecision", "REJECT")::get)).isFalse();
        assertThat(TaskOutcome.fraud("ProvinceReviewTask", Map.of("provinceCheck", "REJECT", "fraudFound", true)::get)).isTrue();
        assertThat(TaskOutcome.fraud("DecisionTask", Map.of("decision", "REJECT", "fraudFound", true)::get)).isTrue();
        assertThatThrownBy(() -> outcome("CityReviewTask", "cityDecision", "RECOMMEND", "fraudFound", true))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("cityDecision=REJECT");
        assertThatThrownBy(() -> outcome("DecisionTask", "decision", "APPROVE", "decisionComment", "同意", "fraudFound", true))
                .isInstanceOf(BadUserRequestException.class);
        assertThatThrownBy(() -> outcome("CityReviewTask", "cityDecision", "REJECT", "cityComment", "材料造假", "fraudFound", "yes"))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("fraudFound");
        assertThatThrownBy(() -> outcome("ExpertReviewTask", "expertScore", 10, "expertOpinion", "OPPOSE", "expertComment", "x", "fraudFound", true))
                .isInstanceOf(BadUserRequestException.class);
        // a fraud finding needs the reject's comment, as every reject does
        assertThatThrownBy(() -> outcome("CityReviewTask", "cityDecision", "REJECT", "fraudFound", true)).hasMessageContaining("cityComment");
    }

    @Test
    void aNationalApplicationIsRecommendedNotApprovedWithAGradeUnderThe2025Rules() {
        Object[] national = {"level", "NATIONAL", "ruleSet", "NATIONAL-2025", "eligible", true, "decisionComment", "推荐"};
        assertThatThrownBy(() -> outcome("DecisionTask", v(national, "decision", "APPROVE"))).hasMessageContaining("RECOMMEND");
        assertThatThrownBy(() -> outcome("DecisionTask", v(national, "decision", "RECOMMEND"))).hasMessageContaining("nationalGrade");
        assertThatThrownBy(() -> outcome("DecisionTask", v(national, "decision", "RECOMMEND", "nationalGrade", "GOLD")))
                .hasMessageContaining("EXCELLENT");
        TaskOutcome excellent = outcome("DecisionTask", v(national, "decision", "RECOMMEND", "nationalGrade", "EXCELLENT"));
        assertThat(excellent.action()).isEqualTo("DECISION_RECOMMEND");
        assertThat(excellent.comment()).contains("卓越级");
        // under the 2018 rules a recommendation has no grade; a provincial application is approved, never recommended, never graded
        Object[] older = v(national, "ruleSet", "NATIONAL-2018", "decision", "RECOMMEND");
        assertThat(outcome("DecisionTask", older).comment()).doesNotContain("级）");
        assertThatThrownBy(() -> outcome("DecisionTask", v(older, "nationalGrade", "STANDARD"))).hasMessageContaining("NATIONAL-2025");
        Object[] provincial = {"level", "PROVINCIAL", "ruleSet", "JIANGSU-2019", "eligible", true, "decisionComment", "同意"};
        assertThatThrownBy(() -> outcome("DecisionTask", v(provincial, "decision", "RECOMMEND"))).hasMessageContaining("APPROVE");
        assertThatThrownBy(() -> outcome("DecisionTask", v(provincial, "decision", "APPROVE", "nationalGrade", "STANDARD")))
                .hasMessageContaining("nationalGrade");
        // recommending an ineligible national application needs the override as approving does
        assertThatThrownBy(() -> outcome("DecisionTask", v(national, "eligible", false, "decision", "RECOMMEND", "nationalGrade", "STANDARD")))
                .hasMessageContaining("eligibilityOverride");
        assertThat(outcome("DecisionTask", v(national, "eligible", false, "decision", "RECOMMEND", "nationalGrade", "STANDARD",
                "eligibilityOverride", true)).action()).isEqualTo("DECISION_RECOMMEND_OVERRIDE");
    }

    @Test
    void theMinistrysDecisionNeedsItsDateAndWhenApprovedItsDocumentNumber() {
        Object[] approved = {"ministryApproved", true, "ministryDocumentNumber", "工信部科函〔2026〕12号", "ministryDecisionDate", "2026-11-20"};
        assertThat(outcome("NationalOutcomeTask", approved).action()).isEqualTo("MINISTRY_APPROVED");
        assertThat(outcome("NationalOutcomeTask", approved).comment()).contains("工信部科函〔2026〕12号").contains("2026-11-20");
        assertThatThrownBy(() -> outcome("NationalOutcomeTask", v(approved, "ministryDocumentNumber", null)))
                .hasMessageContaining("ministryDocumentNumber");
        assertThatThrownBy(() -> outcome("NationalOutcomeTask", v(approved, "ministryDecisionDate", "20.11.2026")))
                .hasMessageContaining("yyyy-MM-dd");
        assertThatThrownBy(() -> outcome("NationalOutcomeTask", v(approved, "ministryApproved", null))).hasMessageContaining("ministryApproved");
        Object[] refused = {"ministryApproved", "false", "ministryDecisionDate", "2026-11-20"};
        assertThatThrownBy(() -> outcome("NationalOutcomeTask", refused)).hasMessageContaining("ministryComment");
        assertThat(outcome("NationalOutcomeTask", v(refused, "ministryComment", "未入选")).action()).isEqualTo("MINISTRY_REJECTED");
    }

    @Test
    void approvingAnIneligibleApplicationNeedsTheOverrideAndItsReason() {
        assertThatThrownBy(() -> outcome("DecisionTask", "eligible", false, "eligibilityText", "不符合认定条件（…）：孵化资金不足300万元",
                "decision", "APPROVE", "decisionComment", "同意")).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("eligibilityOverride").hasMessageContaining("孵化资金不足300万元");
        assertThatThrownBy(() -> outcome("DecisionTask", "eligible", false, "decision", "APPROVE", "decisionComment", "同意",
                "eligibilityOverride", "true")).as("only the boolean true confirms").isInstanceOf(BadUserRequestException.class);
        assertThatThrownBy(() -> outcome("DecisionTask", "eligible", false, "decision", "APPROVE", "eligibilityOverride", true))
                .hasMessageContaining("decisionComment");
        TaskOutcome overridden = outcome("DecisionTask", "eligible", false, "decision", "APPROVE", "eligibilityOverride", true,
                "decisionComment", "资金已到位");
        assertThat(overridden.action()).isEqualTo("DECISION_APPROVE_OVERRIDE");
        assertThat(overridden.comment()).contains("例外批准").endsWith("资金已到位");
        // rejecting needs no override, nor does approving an eligible one
        assertThat(outcome("DecisionTask", "eligible", false, "decision", "REJECT", "decisionComment", "不予认定").action()).isEqualTo("DECISION_REJECT");
        assertThat(outcome("DecisionTask", "eligible", true, "decision", "APPROVE", "decisionComment", "同意").action()).isEqualTo("DECISION_APPROVE");
    }
}
