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
