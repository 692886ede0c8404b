package cn.parkflow.evaluation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;

/** What the evaluation process tests share: due dates for the BPMN's expressions, and working the async jobs. */
final class ProcessHarness {

    private ProcessHarness() {}

    /** Due dates for {@code ${dueDates...}}: a day from now. */
    public static class FixedDueDates {
        public Date of(String task) {
            return new Date(System.currentTimeMillis() + 86_400_000L);
        }

        public Date after(String period) {
            return of(period);
        }
    }

    /** Works every async (message) job until none is left; timers stay. */
    static void runAsyncJobs() {
        for (int guard = 0; guard < 50; guard++) {
            List<Job> jobs = jobQuery().messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> execute(j));
        }
        throw new AssertionError("async jobs keep coming");
    }
}
