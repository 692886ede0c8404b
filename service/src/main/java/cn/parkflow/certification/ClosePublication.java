package cn.parkflow.certification;

import cn.parkflow.application.ApplicationWorkflow;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 公示结束: records whether the publication ended clear or with an upheld objection. */
@Component("closePublication")
class ClosePublication implements JavaDelegate {

    private final ApplicationWorkflow applications;

    ClosePublication(ApplicationWorkflow applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean upheld = "UPHELD".equals(execution.getVariableLocal("outcome"));
        applications.closePublication(Delegates.applicationId(execution), upheld);
    }
}
