package cn.parkflow.certification;

import static cn.parkflow.certification.CertificationProcess.*;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import cn.parkflow.workflow.TaskRefusal;

/**
 * The outcome a reviewer completes a task with, checked against the process contract: allowed
 * values, a comment wherever the decision is not a plain "yes", an expert score between 0 and 100.
 * A violation is a 400 for the engine REST API, and the task stays open.
 */
record TaskOutcome(String action, String comment, String remark) {

    TaskOutcome(String action, String comment) {
        this(action, comment, "");
    }

    static RuntimeException invalid(String message) {
        return TaskRefusal.of(message);
    }

    static TaskOutcome of(String taskId, Function<String, Object> variables) {
        fraud(taskId, variables);
        return switch (taskId) {
            case CITY_REVIEW_TASK -> review(variables, "CITY_", CITY_DECISION, "市级审核结论", CITY_COMMENT, CITY_REMARK, "审核意见",
                    "RECOMMEND", Map.of("RECOMMEND", "推荐上报", "RETURN", "退回补正", "REJECT", "不予推荐"));
            case PROVINCE_REVIEW_TASK -> review(variables, "PROVINCE_", PROVINCE_CHECK, "省级审查结论", PROVINCE_COMMENT, PROVINCE_REMARK,
                    "审查意见", "PASS", Map.of("PASS", "形式审查通过", "RETURN", "退回补正", "REJECT", "不予认定"));
            case EXPERT_REVIEW_TASK -> {
                Object score = variables.apply(EXPERT_SCORE);
                if (!(score instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 100) {
                    throw invalid("专家评分应为0到100之间的数字");
                }
                String opinion = oneOf(variables, EXPERT_OPINION, Set.of("SUPPORT", "OPPOSE"), "评审意见");
                String comment = comment(variables, false, EXPERT_COMMENT, null, "评审意见说明");
                yield new TaskOutcome("EXPERT_" + opinion, "评分 " + n.intValue() + "，" + (opinion.equals("SUPPORT") ? "支持" : "不支持") + suffix(comment));
            }
            case DECISION_TASK -> {
                String decision = oneOf(variables, DECISION, Set.of("APPROVE", "REJECT"), "审批结论");
                String comment = comment(variables, false, DECISION_COMMENT, null, "审批意见");
                boolean ineligible = Boolean.FALSE.equals(variables.apply(ELIGIBLE));
                if (decision.equals("APPROVE") && ineligible) {
                    if (!Boolean.TRUE.equals(variables.apply(ELIGIBILITY_OVERRIDE))) {
                        throw invalid("该申报不符合认定条件（" + variables.apply(ELIGIBILITY_TEXT) + "）：批准须确认例外批准（"
                                + ELIGIBILITY_OVERRIDE + "=true）并在审批意见中说明理由");
                    }
                    yield new TaskOutcome("DECISION_APPROVE_OVERRIDE", "不符合认定条件，审批人确认例外批准，进入公示" + suffix(comment));
                }
                yield new TaskOutcome("DECISION_" + decision, (decision.equals("APPROVE") ? "批准认定，进入公示" : "不予认定") + suffix(comment));
            }
            case SUPPLEMENT_TASK -> new TaskOutcome("CORRECTION_SUBMITTED", "运营机构完成补正");
            default -> throw new IllegalArgumentException("no outcome rules for task " + taskId);
        };
    }

    /**
     * A reviewer's three-way outcome: one of the allowed values, with a comment (meant for the
     * operator) required unless the outcome is the plain "yes" ({@code approving}); the remark is
     * internal, for the reviewers who follow, and never shown to the operator.
     */
    private static TaskOutcome review(Function<String, Object> variables, String actionPrefix, String name, String label,
            String commentName, String remarkName, String commentLabel, String approving, Map<String, String> outcomes) {
        String outcome = oneOf(variables, name, outcomes.keySet(), label);
        String comment = comment(variables, outcome.equals(approving), commentName, null, commentLabel);
        String remark = comment(variables, true, remarkName, null, "内部备注");
        return new TaskOutcome(actionPrefix + outcome, outcomes.get(outcome) + suffix(comment), remark);
    }

    /** The reject outcome of each task that may find fraud. */
    private static final Map<String, Map.Entry<String, String>> REJECTS = Map.of(
            CITY_REVIEW_TASK, Map.entry(CITY_DECISION, "REJECT"),
            PROVINCE_REVIEW_TASK, Map.entry(PROVINCE_CHECK, "REJECT"),
            DECISION_TASK, Map.entry(DECISION, "REJECT"));

    /** Whether the task's answers find fraud: only {@code fraudFound=true} on a reject outcome, which needs its comment anyway. */
    static boolean fraud(String taskId, Function<String, Object> variables) {
        Object found = variables.apply(FRAUD_FOUND);
        if (found == null || Boolean.FALSE.equals(found)) {
            return false;
        }
        Map.Entry<String, String> reject = REJECTS.get(taskId);
        if (!(found instanceof Boolean) || reject == null) {
            throw invalid("弄虚作假认定（" + FRAUD_FOUND + "）应为 true 或 false，且只能随不予推荐或不予认定的结论提出");
        }
        if (!reject.getValue().equals(variables.apply(reject.getKey()))) {
            throw invalid("只有在结论为不予推荐或不予认定（" + reject.getKey() + "=" + reject.getValue() + "）时才能认定弄虚作假");
        }
        return true;
    }

    private static String oneOf(Function<String, Object> variables, String name, Set<String> allowed, String label) {
        Object value = variables.apply(name);
        if (!(value instanceof String s) || !allowed.contains(s)) {
            throw invalid(label + "（" + name + "）应为 " + String.join("、", allowed.stream().sorted().toList()) + " 之一");
        }
        return s;
    }

    private static String comment(Function<String, Object> variables, boolean optional, String name, String alternative, String label) {
        Object value = variables.apply(name);
        if ((value == null || value.toString().isBlank()) && alternative != null) {
            value = variables.apply(alternative);
        }
        String text = value == null ? "" : value.toString().strip();
        if (text.isEmpty() && !optional) {
            throw invalid("请填写" + label + "（" + name + "）");
        }
        if (text.length() > 2000) {
            throw invalid(label + "最长2000字");
        }
        return text;
    }

    private static String suffix(String comment) {
        return comment.isEmpty() ? "" : "：" + comment;
    }
}
