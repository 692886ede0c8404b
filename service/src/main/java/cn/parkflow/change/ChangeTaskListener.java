package cn.parkflow.change;

import static cn.parkflow.change.ChangeProcess.*;

import cn.parkflow.workflow.TaskAnswers;
import cn.parkflow.workflow.TaskRefusal;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On the change report's user tasks: on create the report enters the task's stage and the form shows the report; on
 * complete the answer is checked (allowed values, a comment wherever the answer is not a plain "yes", fraud only with a
 * refusal) and a finding of fraud bars the operator.
 */
@Component("changeTaskListener")
class ChangeTaskListener implements TaskListener {

    private static final Map<String, ChangeStatus> STAGES = Map.of(
            CITY_CHANGE_CHECK_TASK, ChangeStatus.CITY_CHECK,
            PROVINCE_CHANGE_CONFIRM_TASK, ChangeStatus.PROVINCE_CONFIRM,
            CHANGE_REVOCATION_TASK, ChangeStatus.REVOCATION);

    private final CarrierChanges changes;

    ChangeTaskListener(CarrierChanges changes) {
        this.changes = changes;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = ((Number) task.getVariable(CHANGE_ID)).longValue();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            changes.enter(id, STAGES.get(task.getTaskDefinitionKey()));
            task.setVariablesLocal(changes.formVariables(id));
            return;
        }
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        switch (task.getTaskDefinitionKey()) {
            case CITY_CHANGE_CHECK_TASK -> {
                String check = oneOf(task, CHANGE_CHECK, "核查结论", "CONFIRM", "REJECT");
                String comment = comment(task, CHANGE_COMMENT, "核查意见", check.equals("REJECT"));
                Object fraud = task.getVariable(FRAUD_FOUND);
                if (fraud != null && !(fraud instanceof Boolean)) {
                    throw TaskRefusal.of("弄虚作假认定（" + FRAUD_FOUND + "）应为 true 或 false");
                }
                if (Boolean.TRUE.equals(fraud)) {
                    if (!check.equals("REJECT")) {
                        throw TaskRefusal.of("只有在核查结论为不予备案（" + CHANGE_CHECK + "=REJECT）时才能认定弄虚作假");
                    }
                    changes.fraudFound(id, TaskAnswers.actor(task), comment);
                }
            }
            case PROVINCE_CHANGE_CONFIRM_TASK -> {
                String confirm = oneOf(task, CHANGE_CONFIRM, "确认结论", "CONFIRM", "REJECT");
                comment(task, CHANGE_CONFIRM_COMMENT, "确认意见", confirm.equals("REJECT"));
            }
            case CHANGE_REVOCATION_TASK -> {
                if (!(task.getVariable(REVOKE) instanceof Boolean)) {
                    throw TaskRefusal.of("撤销决定（" + REVOKE + "）应为 true（撤销认定）或 false（不撤销）");
                }
                comment(task, REVOCATION_REASON, "理由", true);
            }
            default -> throw new IllegalStateException("no listener for " + task.getTaskDefinitionKey());
        }
    }

    private static String oneOf(DelegateTask task, String name, String label, String... allowed) {
        String value = TaskAnswers.text(task.getVariable(name));
        if (!java.util.List.of(allowed).contains(value)) {
            throw TaskRefusal.of(label + "（" + name + "）应为 " + String.join("、", allowed) + " 之一");
        }
        return value;
    }

    private static String comment(DelegateTask task, String name, String label, boolean required) {
        String text = TaskAnswers.text(task.getVariable(name));
        if (required && text.isEmpty()) {
            throw TaskRefusal.of("请填写" + label + "（" + name + "）");
        }
        if (text.length() > 2000) {
            throw TaskRefusal.of(label + "最长2000字");
        }
        return text;
    }
}
