package cn.parkflow.evaluation;

import cn.parkflow.workflow.TaskRefusal;

import static cn.parkflow.evaluation.EvaluationProcess.*;

import cn.parkflow.workflow.TaskAnswers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On the evaluation's user tasks: the form's values and answer fields on create, the answer checked and recorded on complete. */
@Component("evaluationTaskListener")
class EvaluationTaskListener implements TaskListener {

    private final CarrierReports reports;
    private final CityConfirmations cities;

    EvaluationTaskListener(CarrierReports reports, CityConfirmations cities) {
        this.reports = reports;
        this.cities = cities;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean create = EVENTNAME_CREATE.equals(task.getEventName());
        if (!create && !EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        int year = EvaluationDelegates.year(task);
        try {
            switch (task.getTaskDefinitionKey()) {
                case ANNUAL_REPORT_TASK -> report(task, year, create);
                case CITY_CONFIRM_TASK -> city(task, year, create);
                case REVOCATION_TASK -> revocation(task, year, create);
                default -> throw new IllegalStateException("no listener for " + task.getTaskDefinitionKey());
            }
        } catch (IllegalArgumentException refused) {
            throw TaskRefusal.of(refused.getMessage());
        }
    }

    private void report(DelegateTask task, int year, boolean create) {
        long carrier = EvaluationDelegates.carrierId(task);
        if (create) {
            List<String> answers = new ArrayList<>(ReportColumns.RATED);
            answers.add(NARRATIVE);
            answers.add(REPORT_IMPORTED);
            TaskAnswers.declare(task.getExecution(), answers);
            task.setVariablesLocal(reports.reportView(carrier, year));
            return;
        }
        if (Boolean.TRUE.equals(task.getVariable(REPORT_IMPORTED))) {
            return; // the imported statistics are the report
        }
        Map<String, Object> indicators = new LinkedHashMap<>();
        for (String key : ReportColumns.RATED) {
            indicators.put(key, task.getVariable(key));
        }
        String narrative = TaskAnswers.text(task.getVariable(NARRATIVE));
        reports.fileReport(carrier, year, indicators, narrative.isEmpty() ? null : narrative, TaskAnswers.actor(task));
    }

    private void city(DelegateTask task, int year, boolean create) {
        String city = (String) task.getVariable(CITY);
        if (create) {
            List<String> answers = new ArrayList<>(List.of(CONFIRM_DECISION));
            for (int i = 1; i <= MAX_CHANGES; i++) {
                answers.addAll(List.of(CHANGE_PREFIX + i, CHANGE_PREFIX + i + RATING_SUFFIX, CHANGE_PREFIX + i + REASON_SUFFIX));
            }
            TaskAnswers.declare(task.getExecution(), answers);
            task.setVariablesLocal(cities.cityView(year, city));
            return;
        }
        String decision = TaskAnswers.text(task.getVariable(CONFIRM_DECISION));
        List<CityConfirmations.Change> changes = new ArrayList<>();
        for (int i = 1; i <= MAX_CHANGES; i++) {
            String carrier = TaskAnswers.text(task.getVariable(CHANGE_PREFIX + i));
            if (carrier.isEmpty()) {
                continue;
            }
            String rating = TaskAnswers.text(task.getVariable(CHANGE_PREFIX + i + RATING_SUFFIX));
            Rating to;
            try {
                to = Rating.valueOf(rating);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("第" + i + "项调整的等级应为 A、B、C 或 D");
            }
            long id;
            try {
                id = Long.parseLong(carrier);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("第" + i + "项调整的载体无效：" + carrier);
            }
            changes.add(new CityConfirmations.Change(id, to, TaskAnswers.text(task.getVariable(CHANGE_PREFIX + i + REASON_SUFFIX))));
        }
        switch (decision) {
            case "CONFIRM" -> {
                if (!changes.isEmpty()) {
                    throw new IllegalArgumentException("选择“全部确认”时不应填写调整；如需调整请选择“调整个别等级”");
                }
            }
            case "CHANGE" -> {
                if (changes.isEmpty()) {
                    throw new IllegalArgumentException("选择“调整个别等级”时至少填写一项调整及其理由");
                }
            }
            default -> throw new IllegalArgumentException("请选择确认结论（confirmDecision 应为 CONFIRM 或 CHANGE）");
        }
        cities.confirmCity(year, city, changes, TaskAnswers.actor(task));
    }

    private void revocation(DelegateTask task, int year, boolean create) {
        long carrier = Long.parseLong(TaskAnswers.text(task.getVariable(REVOCATION_CARRIER)));
        if (create) {
            TaskAnswers.declare(task.getExecution(), List.of(REVOKE, REVOCATION_REASON));
            task.setVariablesLocal(cities.revocationView(carrier, year));
            return;
        }
        String revoke = TaskAnswers.text(task.getVariable(REVOKE));
        if (!revoke.equals("true") && !revoke.equals("false")) {
            throw new IllegalArgumentException("请选择是否撤销（revoke 应为 true 或 false）");
        }
        cities.decideRevocation(carrier, year, Boolean.parseBoolean(revoke), TaskAnswers.text(task.getVariable(REVOCATION_REASON)),
                TaskAnswers.actor(task));
    }
}
