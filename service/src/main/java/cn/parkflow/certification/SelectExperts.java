package cn.parkflow.certification;

import cn.parkflow.accounts.ExpertPanel;
import cn.parkflow.application.ApplicationStages;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 抽取评审专家: keeps the experts the reviewer named, or draws three without conflict of interest, of the application's industries where it can. */
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
        String note = null;
        List<String> experts = named;
        if (named.isEmpty()) {
            ExpertPanel.Draw draw = panel.draw(CertificationExpertSeats.subject(facts), CertificationProcess.DEFAULT_EXPERT_COUNT);
            experts = draw.experts();
            note = draw.note();
        }
        applications.assignExperts(id, experts, note);
        execution.setVariable(CertificationProcess.EXPERTS, new ArrayList<>(experts));
    }
}
