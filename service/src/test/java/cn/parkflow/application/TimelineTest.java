package cn.parkflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.identity.Caller;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the operator's timeline leaves out or rewords. */
class TimelineTest {

    static ApplicationView.TimelineEntry entry(String actor, String action, String comment) {
        return new ApplicationView.TimelineEntry(Instant.EPOCH, actor, action, comment);
    }

    @Test
    void theOperatorNeverReadsRemarksExpertsOrObjectors() {
        assertThat(Timeline.forOperator(entry("nanjing", Timeline.INTERNAL_REMARK, "内部"))).isNull();
        assertThat(Timeline.forOperator(entry("expert2", "EXPERT_SUPPORT", "评分 88，支持：保密"))).satisfies(e -> {
            assertThat(e.actor()).isEqualTo("评审专家");
            assertThat(e.comment()).doesNotContain("88").doesNotContain("保密");
        });
        assertThat(Timeline.forOperator(entry("expert3", "EXPERT_OPPOSE", "评分 20")).comment()).doesNotContain("20");
        assertThat(Timeline.forOperator(entry("system", "EXPERTS_ASSIGNED", "评审专家：expert2、expert3")).comment()).doesNotContain("expert");
        assertThat(Timeline.forOperator(entry("system", "CITY_EXPERTS_ASSIGNED", "市级评审专家：expert1、expert2")).comment())
                .isEqualTo("已确定市级评审专家");
        assertThat(Timeline.forOperator(entry("expert1", "CITY_EXPERT_OPPOSE", "评分 40，不支持：保密"))).satisfies(e -> {
            assertThat(e.actor()).isEqualTo("评审专家");
            assertThat(e.comment()).doesNotContain("40").doesNotContain("保密");
        });
        assertThat(Timeline.forOperator(entry("system", "EXPERT_REPLACED", "评审专家 expert2 已停用，其评审改由 expert4 承担")).comment())
                .isEqualTo("评审专家有调整");
        assertThat(Timeline.forOperator(entry("public", "OBJECTION_RECEIVED", "收到异议（异议人：张三）")).comment()).isEqualTo("收到异议");
        ApplicationView.TimelineEntry returned = entry("nanjing", "CITY_RETURN", "退回补正：补租赁合同");
        assertThat(Timeline.forOperator(returned)).isEqualTo(returned);
    }

    @Test
    void anOperatorWhoAlsoReviewsReadsEverything() {
        assertThat(Timeline.operatorOnly(new Caller("applicant1", Set.of("applicant")), true)).isTrue();
        assertThat(Timeline.operatorOnly(new Caller("x", Set.of("applicant", "province-reviewer")), true)).isFalse();
        assertThat(Timeline.operatorOnly(new Caller("x", Set.of("applicant", "city-320100")), true)).isFalse();
        assertThat(Timeline.operatorOnly(new Caller("nanjing", Set.of("city-320100")), false)).isFalse();
    }
}
