package cn.parkflow.testsupport;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;

/** Drives a process in a test with the job executor off: runs the due jobs, completes tasks as a user. */
public final class ProcessDriver {

    private final ManagementService management;
    private final IdentityService identity;
    private final TaskService tasks;

    public ProcessDriver(ManagementService management, IdentityService identity, TaskService tasks) {
        this.management = management;
        this.identity = identity;
        this.tasks = tasks;
    }

    /** Executes asynchronous continuations until none is left (timers only when fired explicitly). */
    public void runJobs() {
        for (int round = 0; round < 10_000; round++) {
            List<Job> jobs = management.createJobQuery().executable().messages().listPage(0, 200);
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> management.executeJob(j.getId()));
        }
        throw new AssertionError("jobs keep coming");
    }

    /** Fires a timer job now, then runs what follows. */
    public void fire(Job timer) {
        management.executeJob(timer.getId());
        runJobs();
    }

    /** Runs {@code action} authenticated as {@code user} in {@code group}, then the jobs that follow. */
    public void as(String user, String group, Runnable action) {
        identity.setAuthentication(user, List.of(group));
        try {
            action.run();
        } finally {
            identity.clearAuthentication();
        }
        runJobs();
    }

    public void complete(String taskId, String user, String group, Map<String, Object> variables) {
        as(user, group, () -> tasks.complete(taskId, variables));
    }
}
