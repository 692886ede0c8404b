package cn.parkflow.certification;

import cn.parkflow.application.ApplicationStages;
import cn.parkflow.registry.RegistryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 写入载体名录: the carrier becomes (or stays) ACTIVE with a new certification, in the engine's transaction. */
@Component("registerCertification")
class RegisterCertification implements JavaDelegate {

    private final ApplicationStages applications;

    RegisterCertification(ApplicationStages applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RegistryService.Certified certified = applications.certify(Delegates.applicationId(execution));
        execution.setVariable("certificationNumber", certified.number());
        execution.setVariable("carrierId", certified.carrierId());
    }
}
