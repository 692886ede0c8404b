package cn.parkflow.certification;

import cn.parkflow.application.ApplicationWorkflow;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 核验材料完整性: every document still in storage with the hash recorded at upload. */
@Component("verifyDocuments")
class VerifyDocuments implements JavaDelegate {

    private final ApplicationWorkflow applications;

    VerifyDocuments(ApplicationWorkflow applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        applications.verifyDocuments(Delegates.applicationId(execution));
    }
}
