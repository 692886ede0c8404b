package cn.parkflow.certification;

import cn.parkflow.application.ApplicationStatus;
import cn.parkflow.application.ApplicationStages;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 记录逾期撤回: the correction period lapsed without a resubmission. */
@Component("recordWithdrawal")
class RecordWithdrawal implements JavaDelegate {

    private final ApplicationStages applications;

    RecordWithdrawal(ApplicationStages applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        applications.finish(Delegates.applicationId(execution), ApplicationStatus.WITHDRAWN,
                "补正期（" + execution.getVariable(CertificationProcess.CORRECTION_PERIOD) + "）届满未重新提交，视为撤回");
    }
}
