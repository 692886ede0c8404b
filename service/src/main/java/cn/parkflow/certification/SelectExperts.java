package cn.parkflow.certification;

import cn.parkflow.accounts.ExpertPanel;
import cn.parkflow.application.ApplicationStages;
import cn.parkflow.application.ApplicationStages.Panel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 抽取评审专家, for the city's own panel ({@code SelectCityExperts}) and the province's ({@code SelectExperts}): keeps
 * the experts the reviewer named, or draws three without conflict of interest, of the application's industries where it
 * can. The city's panel may seat experts of its own city; the province's panel draws nobody who sat on the city's
 * while the pool has enough others.
 */
@Component("selectExperts")
class SelectExperts implements JavaDelegate {

    static final String CITY_ACTIVITY = "SelectCityExperts";

    private final ApplicationStages applications;
    private final ExpertPanel panel;

    SelectExperts(ApplicationStages applications, ExpertPanel panel) {
        this.applications = applications;
        this.panel = panel;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = Delegates.applicationId(execution);
        boolean city = CITY_ACTIVITY.equals(execution.getCurrentActivityId());
        String variable = city ? CertificationProcess.CITY_EXPERTS : CertificationProcess.EXPERTS;
        ExpertPanel.Subject subject = CertificationExpertSeats.subject(applications.facts(id));
        List<String> named = ExpertNames.of(execution.getVariable(variable));
        String note = null;
        List<String> experts = named;
        if (named.isEmpty()) {
            ExpertPanel.Draw draw = city
                    ? panel.draw(subject.forCityPanel(), CertificationProcess.DEFAULT_EXPERT_COUNT)
                    : panel.drawAvoiding(subject, CertificationProcess.DEFAULT_EXPERT_COUNT,
                            new HashSet<>(applications.experts(id, Panel.CITY)));
            experts = draw.experts();
            note = draw.note();
        }
        applications.assignExperts(id, city ? Panel.CITY : Panel.PROVINCE, experts, note);
        execution.setVariable(variable, new ArrayList<>(experts));
    }
}
