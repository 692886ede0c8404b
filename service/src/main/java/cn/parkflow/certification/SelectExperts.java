package cn.parkflow.certification;

import cn.parkflow.identity.ExpertPanel;
import cn.parkflow.application.ApplicationStages;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 抽取评审专家: keeps the experts the reviewer named, or draws three without conflict of interest. */
@Component("selectExperts")
class SelectExperts implements JavaDelegate {

    private final ApplicationStages applications;
    private final ExpertPanel panel;

    SelectExperts(ApplicationStages applications, ExpertPanel panel) {
        this.applications = applications;
        this.panel = panel;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = Delegates.applicationId(execution);
        ApplicationStages.Facts facts = applications.facts(id);
        List<String> named = ExpertNames.of(execution.getVariable(CertificationProcess.EXPERTS));
        List<String> experts = named.isEmpty()
                ? panel.draw(facts.city(), facts.creditCode(), CertificationProcess.DEFAULT_EXPERT_COUNT)
                : named;
        applications.assignExperts(id, experts);
        execution.setVariable(CertificationProcess.EXPERTS, new ArrayList<>(experts));
    }
}
