package cn.parkflow.benchmark;

import cn.parkflow.workflow.TaskRefusal;

import static cn.parkflow.benchmark.BenchmarkProcess.*;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import cn.parkflow.workflow.TaskAnswers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On the selection's user tasks. When a task is created its form's values are loaded and its answer
 * fields are declared on the task's own execution, so parallel tasks (one per city, one per expert and
 * application) never share an answer. When it is completed the answer is checked and recorded; a
 * refused answer leaves the task open with a 400 and the reason.
 */
@Component("benchmarkTaskListener")
class BenchmarkTaskListener implements TaskListener {

    private final SelectionWorkflow selection;
    private final SelectionRanking ranking;

    BenchmarkTaskListener(SelectionWorkflow selection, SelectionRanking ranking) {
        this.selection = selection;
        this.ranking = ranking;
    }

    @Override
    public void notify(DelegateTask task) {
        long campaignId = SelectionDelegates.campaignId(task);
        boolean create = EVENTNAME_CREATE.equals(task.getEventName());
        if (!create && !EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        try {
            switch (task.getTaskDefinitionKey()) {
                case CITY_RECOMMENDATION_TASK -> city(task, campaignId, create);
                case EXPERT_SCORING_TASK -> scoring(task, create);
                case PROVINCE_CONFIRM_TASK -> confirmation(task, campaignId, create);
                default -> throw new IllegalStateException("no listener for " + task.getTaskDefinitionKey());
            }
        } catch (IllegalArgumentException refused) {
            throw TaskRefusal.of(refused.getMessage());
        }
    }

    private void city(DelegateTask task, long campaignId, boolean create) {
        String city = (String) task.getVariable(CITY);
        if (create) {
            declare(task.getExecution(), positions(RECOMMEND_PREFIX, MAX_POSITIONS), RECOMMENDATION_COMMENT);
            task.setVariablesLocal(selection.recommendationView(campaignId, city));
            return;
        }
        List<Long> ordered = new ArrayList<>();
        int lastFilled = 0;
        for (int i = 1; i <= MAX_POSITIONS; i++) {
            String value = text(task.getVariable(RECOMMEND_PREFIX + i));
            if (value.isEmpty()) {
                continue;
            }
            if (i != lastFilled + 1) {
                throw new IllegalArgumentException("推荐顺位须连续：第" + (lastFilled + 1) + "位为空");
            }
            lastFilled = i;
            ordered.add(id(value, "第" + i + "位"));
        }
        selection.recommend(campaignId, city, ordered, actor(task));
    }

    private void scoring(DelegateTask task, boolean create) {
        String assignment = (String) task.getVariable(ASSIGNMENT);
        long applicationId = assignedApplication(assignment);
        if (create) {
            List<String> answers = new ArrayList<>();
            for (Criterion c : Criterion.values()) {
                answers.add(scoreVariable(c));
            }
            answers.add(SCORING_COMMENT);
            declare(task.getExecution(), answers);
            task.setVariablesLocal(ranking.scoringView(applicationId));
            return;
        }
        Map<Criterion, Integer> scores = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            Object value = task.getVariable(scoreVariable(c));
            if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.intValue() < 0 || n.intValue() > 100) {
                throw new IllegalArgumentException("“" + c.label() + "”应为0到100之间的整数（" + scoreVariable(c) + "）");
            }
            scores.put(c, n.intValue());
        }
        String expert = assignedExpert(assignment);
        ranking.score(applicationId, new ScoreSheet(expert, scores), text(task.getVariable(SCORING_COMMENT)));
    }

    private void confirmation(DelegateTask task, long campaignId, boolean create) {
        if (create) {
            List<String> answers = new ArrayList<>(List.of(CONFIRM_DECISION));
            for (int i = 1; i <= MAX_CHANGES; i++) {
                answers.add(CHANGE_PREFIX + i);
                answers.add(CHANGE_PREFIX + i + REASON_SUFFIX);
            }
            declare(task.getExecution(), answers);
            task.setVariablesLocal(ranking.confirmationView(campaignId));
            return;
        }
        String decision = text(task.getVariable(CONFIRM_DECISION));
        List<SelectionRanking.Change> changes = new ArrayList<>();
        for (int i = 1; i <= MAX_CHANGES; i++) {
            String application = text(task.getVariable(CHANGE_PREFIX + i));
            String reason = text(task.getVariable(CHANGE_PREFIX + i + REASON_SUFFIX));
            if (application.isEmpty()) {
                if (!reason.isEmpty()) {
                    throw new IllegalArgumentException("第" + i + "项调整填写了理由，但未选择载体");
                }
                continue;
            }
            changes.add(new SelectionRanking.Change(id(application, "第" + i + "项调整"), reason));
        }
        switch (decision) {
            case "CONFIRM" -> {
                if (!changes.isEmpty()) {
                    throw new IllegalArgumentException("选择“确认拟入选名单”时不应填写调整；如需调整请选择“调整名单”");
                }
            }
            case "CHANGE" -> {
                if (changes.isEmpty()) {
                    throw new IllegalArgumentException("选择“调整名单”时至少填写一项调整及其理由");
                }
            }
            default -> throw new IllegalArgumentException("请选择确认结论（confirmDecision 应为 CONFIRM 或 CHANGE）");
        }
        ranking.confirm(campaignId, changes, actor(task));
    }

    private static void declare(DelegateExecution execution, List<String> names) {
        TaskAnswers.declare(execution, names);
    }

    private static void declare(DelegateExecution execution, List<String> names, String more) {
        List<String> all = new ArrayList<>(names);
        all.add(more);
        TaskAnswers.declare(execution, all);
    }

    private static List<String> positions(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    private static String text(Object value) {
        return TaskAnswers.text(value);
    }

    private static long id(String value, String field) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + "不是申报编号：" + value);
        }
    }

    private String actor(DelegateTask task) {
        return TaskAnswers.actor(task);
    }
}
