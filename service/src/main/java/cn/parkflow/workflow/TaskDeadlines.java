package cn.parkflow.workflow;

import cn.parkflow.system.ParkflowProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The engine side of task notices ({@link TaskNotices}).
 * <ul>
 * <li>Every task's creation, from the engine's task events (Spring eventing, {@code camunda.bpm.eventing.task}).</li>
 * <li>The timers: a user task with a due date carries two non-interrupting boundary timers, {@code <TaskId>Reminder} at
 *     {@code ${taskDeadlines.remindAt(<its due date>)}} and {@code <TaskId>Overdue} at its due date, each leading to a
 *     message end event implemented by this bean ({@code ${taskDeadlines}}). When one fires, every open task of the
 *     activity in that instance is reminded or reported overdue, unless its due date has moved meanwhile.</li>
 * <li>A due date changed in Tasklist moves the task's two timers with it (the task's update event).</li>
 * </ul>
 */
@Component("taskDeadlines")
public class TaskDeadlines implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(TaskDeadlines.class);
    /** The suffixes of the two boundary timers' ids; the message end events after them are named by the model. */
    public static final String REMINDER = "Reminder";
    public static final String OVERDUE = "Overdue";

    private final ObjectProvider<TaskNotices> notices;
    private final ObjectProvider<TaskService> tasks;
    private final ObjectProvider<ManagementService> management;
    private final ParkflowProperties properties;
    private final Clock clock;

    TaskDeadlines(ObjectProvider<TaskNotices> notices, ObjectProvider<TaskService> tasks,
            ObjectProvider<ManagementService> management, ParkflowProperties properties, Clock clock) {
        this.notices = notices;
        this.tasks = tasks;
        this.management = management;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * When the reminder of a task due at {@code due} fires: {@code parkflow.notify.remind-before} earlier, or halfway
     * from now when the task is shorter than that.
     */
    public Date remindAt(Date due) {
        return Date.from(reminderFor(due.toInstant(), clock.instant()));
    }

    private Instant reminderFor(Instant due, Instant now) {
        Instant at = due.minus(properties.notifications().remindBefore());
        return at.isAfter(now) ? at : now.plus(Duration.between(now, due).dividedBy(2));
    }

    @EventListener
    public void onTaskEvent(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            TaskNotices.TaskNotice notice = notice(task);
            notices.orderedStream().forEach(n -> n.arrived(notice));
        } else if (TaskListener.EVENTNAME_UPDATE.equals(task.getEventName()) && task instanceof TaskEntity entity
                && entity.getPropertyChanges().containsKey("dueDate")) {
            moveTimers(task);
        }
    }

    /** The message end event after a reminder or overdue timer. */
    @Override
    public void execute(DelegateExecution execution) {
        BoundaryEvent timer = timerBefore((FlowNode) execution.getBpmnModelElementInstance());
        String taskKey = timer.getAttachedTo().getId();
        boolean overdue = timer.getId().endsWith(OVERDUE);
        Instant now = clock.instant();
        TaskService taskService = tasks.getObject();
        for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskKey).list()) {
            Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
            if (due == null) {
                continue;
            }
            if (!overdue && !due.isAfter(now)) {
                continue; // already past its due date: the overdue notice says it
            }
            if (overdue ? due.isAfter(now.plusSeconds(60)) : due.isAfter(now.plus(properties.notifications().remindBefore()).plusSeconds(60))) {
                log.info("task {} ({}) is due {} by now: its {} timer is ignored", task.getId(), taskKey, due, overdue ? "overdue" : "reminder");
                continue;
            }
            TaskNotices.TaskNotice notice = notice(task, execution, taskService);
            notices.orderedStream().forEach(n -> {
                if (overdue) {
                    n.overdue(notice);
                } else {
                    n.dueSoon(notice);
                }
            });
        }
    }

    private static BoundaryEvent timerBefore(FlowNode end) {
        for (SequenceFlow flow : end.getIncoming()) {
            if (flow.getSource() instanceof BoundaryEvent boundary) {
                return boundary;
            }
        }
        throw new IllegalStateException(end.getId() + " does not follow a boundary timer of a user task");
    }

    /** Moves the task's reminder and overdue timers to its new due date (a reviewer or the province changed it). */
    private void moveTimers(DelegateTask task) {
        if (task.getDueDate() == null || task.getProcessInstanceId() == null) {
            return;
        }
        Instant due = task.getDueDate().toInstant();
        Collection<BoundaryEvent> boundaries = task.getBpmnModelElementInstance().getModelInstance()
                .getModelElementsByType(BoundaryEvent.class);
        Context.getCommandContext().runWithoutAuthorization(() -> {
            for (BoundaryEvent boundary : boundaries) {
                if (!boundary.getAttachedTo().getId().equals(task.getTaskDefinitionKey())) {
                    continue;
                }
                boolean reminder = boundary.getId().endsWith(REMINDER);
                if (!reminder && !boundary.getId().endsWith(OVERDUE)) {
                    continue;
                }
                for (Job job : management.getObject().createJobQuery().processInstanceId(task.getProcessInstanceId())
                        .activityId(boundary.getId()).timers().list()) {
                    Date at = Date.from(reminder ? reminderFor(due, clock.instant()) : due);
                    management.getObject().setJobDuedate(job.getId(), at);
                    log.info("task {} now due {}: timer {} moved to {}", task.getId(), due, boundary.getId(), at.toInstant());
                }
            }
            return null;
        });
    }

    private TaskNotices.TaskNotice notice(DelegateTask task) {
        List<String> users = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        candidates(task.getCandidates(), users, groups);
        String processKey = processKey(task.getBpmnModelElementInstance());
        return new TaskNotices.TaskNotice(task.getId(), task.getTaskDefinitionKey(), task.getName(), processKey,
                processName(task.getBpmnModelElementInstance()), task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(),
                task.getAssignee(), users, groups, task.getDueDate() == null ? null : task.getDueDate().toInstant(), task::getVariable);
    }

    private TaskNotices.TaskNotice notice(Task task, DelegateExecution execution, TaskService taskService) {
        List<String> users = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        candidates(taskService.getIdentityLinksForTask(task.getId()), users, groups);
        ModelElementInstance element = execution.getBpmnModelElementInstance();
        return new TaskNotices.TaskNotice(task.getId(), task.getTaskDefinitionKey(), task.getName(), processKey(element),
                processName(element), execution.getProcessBusinessKey(), task.getAssignee(), users, groups,
                task.getDueDate().toInstant(), name -> taskService.getVariable(task.getId(), name));
    }

    /** The candidate users and groups among a task's identity links. */
    private static void candidates(Collection<? extends IdentityLink> links, List<String> users, List<String> groups) {
        for (IdentityLink link : links) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                if (link.getUserId() != null) {
                    users.add(link.getUserId());
                }
                if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                }
            }
        }
    }

    private static Process process(ModelElementInstance element) {
        ModelElementInstance e = element;
        while (e != null && !(e instanceof Process)) {
            e = e.getParentElement();
        }
        return (Process) e;
    }

    private static String processKey(ModelElementInstance element) {
        Process p = process(element);
        return p == null ? null : p.getId();
    }

    private static String processName(ModelElementInstance element) {
        Process p = process(element);
        return p == null ? null : p.getName();
    }
}
