package cn.parkflow.testsupport;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * {@code taskDeadlines} in process tests: the reminder is due an hour before the task, and each reminder or overdue
 * end that runs is recorded by its activity id.
 */
public class DeadlineTimers implements JavaDelegate {

    public final List<String> sent = new ArrayList<>();

    public Date remindAt(Date due) {
        return new Date(due.getTime() - 3_600_000L);
    }

    @Override
    public void execute(DelegateExecution execution) {
        sent.add(execution.getCurrentActivityId());
    }
}
