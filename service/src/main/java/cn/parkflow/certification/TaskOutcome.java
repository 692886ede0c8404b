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
            case CITY_SITE_CHECK_TASK -> {
                SiteCheck check = siteCheck(variables);
                yield new TaskOutcome(check.passed() ? "SITE_CHECK_PASSED" : "SITE_CHECK_FAILED",
                        (check.passed() ? "现场核查通过" : "现场核查未通过") + "（" + check.date() + "）：" + check.findings());
            }
            case EXPERT_REVIEW_TASK -> expertReview(variables, "EXPERT_");
            case CITY_EXPERT_REVIEW_TASK -> expertReview(variables, "CITY_EXPERT_");
            case DECISION_TASK -> {
                boolean national = "NATIONAL".equals(variables.apply(LEVEL));
                String decision = oneOf(variables, DECISION, national ? Set.of("RECOMMEND", "REJECT") : Set.of("APPROVE", "REJECT"),
                        national ? "审批结论（国家级申报由省推荐上报，由工业和信息化部认定）" : "审批结论");
                Object grade = variables.apply(NATIONAL_GRADE);
                boolean graded = national && GRADED_RULE_SET.equals(variables.apply(RULE_SET)) && decision.equals("RECOMMEND");
                if (graded) {
                    oneOf(variables, NATIONAL_GRADE, Set.of("STANDARD", "EXCELLENT"), "推荐等级（标准级或卓越级）");
                } else if (grade != null && !grade.toString().isBlank()) {
                    throw invalid("推荐等级（" + NATIONAL_GRADE + "）只适用于按 " + GRADED_RULE_SET + " 推荐上报的国家级孵化器");
                }
                String comment = comment(variables, false, DECISION_COMMENT, null, "审批意见");
                boolean ineligible = Boolean.FALSE.equals(variables.apply(ELIGIBLE));
                if (!decision.equals("REJECT") && ineligible) {
                    if (!Boolean.TRUE.equals(variables.apply(ELIGIBILITY_OVERRIDE))) {
                        throw invalid("该申报不符合认定条件（" + variables.apply(ELIGIBILITY_TEXT) + "）：批准或推荐须确认例外批准（"
                                + ELIGIBILITY_OVERRIDE + "=true）并在审批意见中说明理由");
                    }
                    yield new TaskOutcome("DECISION_" + decision + "_OVERRIDE", "不符合认定条件，审批人确认例外" + (national ? "推荐上报" : "批准")
                            + "，进入公示" + suffix(comment));
                }
                if (decision.equals("RECOMMEND")) {
                    yield new TaskOutcome("DECISION_RECOMMEND", "推荐上报国家级" + (graded ? "（" + ("EXCELLENT".equals(grade) ? "卓越级" : "标准级") + "）" : "")
                            + "，推荐名单进入公示" + suffix(comment));
                }
                yield new TaskOutcome("DECISION_" + decision, (decision.equals("APPROVE") ? "批准认定，进入公示" : "不予认定") + suffix(comment));
            }
            case NATIONAL_OUTCOME_TASK -> {
                Ministry ministry = ministry(variables);
                yield new TaskOutcome(ministry.approved() ? "MINISTRY_APPROVED" : "MINISTRY_REJECTED", (ministry.approved()
                        ? "工业和信息化部认定通过，文号 " + ministry.documentNumber() : "未获工业和信息化部认定")
                        + "（" + ministry.decidedOn() + "）" + suffix(ministry.comment()));
            }
            case SUPPLEMENT_TASK -> new TaskOutcome("CORRECTION_SUBMITTED", "运营机构完成补正");
            default -> throw new IllegalArgumentException("no outcome rules for task " + taskId);
        };
    }

    /** An expert's review, the same for the city's panel and the province's. */
    private static TaskOutcome expertReview(Function<String, Object> variables, String actionPrefix) {
        Object score = variables.apply(EXPERT_SCORE);
        if (!(score instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 100) {
            throw invalid("专家评分应为0到100之间的数字");
        }
        String opinion = oneOf(variables, EXPERT_OPINION, Set.of("SUPPORT", "OPPOSE"), "评审意见");
        String comment = comment(variables, false, EXPERT_COMMENT, null, "评审意见说明");
        return new TaskOutcome(actionPrefix + opinion, "评分 " + n.intValue() + "，" + (opinion.equals("SUPPORT") ? "支持" : "不支持") + suffix(comment));
    }

    /** The ministry's decision as the province records it: approved or not, the document number (when approved), the date. */
    record Ministry(boolean approved, String documentNumber, java.time.LocalDate decidedOn, String comment) {}

    static Ministry ministry(Function<String, Object> variables) {
        Object approved = variables.apply(MINISTRY_APPROVED);
        if (!(approved instanceof Boolean) && !"true".equals(approved) && !"false".equals(approved)) {
            throw invalid("国家认定结果（" + MINISTRY_APPROVED + "）应为 true（认定通过）或 false（未获认定）");
        }
        boolean yes = Boolean.parseBoolean(approved.toString());
        java.time.LocalDate date = date(variables, MINISTRY_DECISION_DATE, "批复日期");
        String number = comment(variables, !yes, MINISTRY_DOCUMENT_NUMBER, null, "批复文号");
        if (number.length() > 100) {
            throw invalid("批复文号最长100字");
        }
        String comment = comment(variables, yes, MINISTRY_COMMENT, null, "说明");
        return new Ministry(yes, number.isEmpty() ? null : number, date, comment);
    }

    /** An ISO date (yyyy-MM-dd) that is not after today (Beijing). */
    private static java.time.LocalDate date(Function<String, Object> variables, String name, String label) {
        java.time.LocalDate date;
        try {
            date = java.time.LocalDate.parse(String.valueOf(variables.apply(name)).strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid(label + "（" + name + "）应为 yyyy-MM-dd 格式的日期");
        }
        if (date.isAfter(java.time.LocalDate.now(cn.parkflow.system.WorkingCalendar.ZONE))) {
            throw invalid(label + "（" + name + "）不能晚于今天");
        }
        return date;
    }

    /** What the city found on site: the date (ISO, not in the future), who inspected, the findings, passed or not. */
    record SiteCheck(java.time.LocalDate date, String inspectors, String findings, boolean passed) {}

    static SiteCheck siteCheck(Function<String, Object> variables) {
        java.time.LocalDate checked = date(variables, SITE_CHECK_DATE, "现场核查日期");
        String inspectors = comment(variables, false, SITE_INSPECTORS, null, "核查人员");
        if (inspectors.length() > 500) {
            throw invalid("核查人员最长500字");
        }
        String findings = comment(variables, false, SITE_FINDINGS, null, "核查情况");
        // a boolean; a form's radio group may hand it over as the text "true" / "false", which the gateway reads alike
        Object passed = variables.apply(SITE_PASSED);
        if (!(passed instanceof Boolean) && !"true".equals(passed) && !"false".equals(passed)) {
            throw invalid("核查结论（" + SITE_PASSED + "）应为 true（通过）或 false（未通过）");
        }
        return new SiteCheck(checked, inspectors, findings, Boolean.parseBoolean(passed.toString()));
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
    private static final Map<String, Map.Entry<String, Object>> REJECTS = Map.of(
            CITY_SITE_CHECK_TASK, Map.entry(SITE_PASSED, false),
            CITY_REVIEW_TASK, Map.entry(CITY_DECISION, "REJECT"),
            PROVINCE_REVIEW_TASK, Map.entry(PROVINCE_CHECK, "REJECT"),
            DECISION_TASK, Map.entry(DECISION, "REJECT"));

    /** Whether the task's answers find fraud: only {@code fraudFound=true} on a reject outcome, which needs its comment anyway. */
    static boolean fraud(String taskId, Function<String, Object> variables) {
        Object found = variables.apply(FRAUD_FOUND);
        if (found == null || Boolean.FALSE.equals(found)) {
            return false;
        }
        Map.Entry<String, Object> reject = REJECTS.get(taskId);
        if (!(found instanceof Boolean) || reject == null) {
            throw invalid("弄虚作假认定（" + FRAUD_FOUND + "）应为 true 或 false，且只能随现场核查未通过、不予推荐或不予认定的结论提出");
        }
        if (!String.valueOf(reject.getValue()).equals(String.valueOf(variables.apply(reject.getKey())))) {
            throw invalid("只有在结论为现场核查未通过、不予推荐或不予认定（" + reject.getKey() + "=" + reject.getValue() + "）时才能认定弄虚作假");
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
