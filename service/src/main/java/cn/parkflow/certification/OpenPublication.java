package cn.parkflow.certification;

import cn.parkflow.application.ApplicationWorkflow;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 发布公示: the subject is listed publicly until the period ends. */
@Component("openPublication")
class OpenPublication implements JavaDelegate {

    private final ApplicationWorkflow applications;

    OpenPublication(ApplicationWorkflow applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Duration period = Duration.parse((String) execution.getVariable(CertificationProcess.PUBLICATION_PERIOD));
        applications.openPublication(Delegates.applicationId(execution), period);
    }
}
