package cn.parkflow.certification;

import cn.parkflow.accounts.ExpertPanel;
import cn.parkflow.accounts.ExpertSeats;
import cn.parkflow.application.ApplicationStages;
import cn.parkflow.workflow.Tasks;
import cn.parkflow.application.ApplicationStages.Panel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The experts' open review tasks of certification (the province's 专家评审 and the city's 市级专家评审), and their
 * hand-over when an expert is deactivated: a city seat's subject is the city-panel subject, which also tells
 * {@link #reassign} which panel the seat belongs to.
 */
@Component
class CertificationExpertSeats implements ExpertSeats {

    private final Tasks tasks;
    private final ApplicationStages applications;

    CertificationExpertSeats(Tasks tasks, ApplicationStages applications) {
        this.tasks = tasks;
        this.applications = applications;
    }

    /** What an expert reviewing this application must have no interest in. */
    static ExpertPanel.Subject subject(ApplicationStages.Facts facts) {
        return new ExpertPanel.Subject(facts.city(), facts.creditCode(), facts.industries());
    }

    @Override
    public List<Seat> openSeats(String expert) {
        List<Seat> seats = new ArrayList<>();
        for (Panel panel : Panel.values()) {
            String taskKey = panel == Panel.CITY ? CertificationProcess.CITY_EXPERT_REVIEW_TASK : CertificationProcess.EXPERT_REVIEW_TASK;
            tasks.assignedTo(CertificationProcess.KEY, taskKey, expert, List.of()).forEach(task -> {
                long id = Long.parseLong(task.businessKey());
                ExpertPanel.Subject subject = subject(applications.facts(id));
                seats.add(new Seat(task.id(), id, "认定申报 #" + id + (panel == Panel.CITY ? " 市级专家评审" : " 专家评审"),
                        panel == Panel.CITY ? subject.forCityPanel() : subject, new HashSet<>(applications.experts(id, panel))));
            });
        }
        return seats;
    }

    @Override
    public void reassign(Seat seat, String expert, String replacement) {
        boolean city = seat.subject().sameCityAllowed();
        tasks.reassign(seat.taskId(), replacement, Map.of(city ? CertificationProcess.CITY_EXPERT : CertificationProcess.EXPERT, replacement));
        applications.replaceExpert(seat.reference(), city ? Panel.CITY : Panel.PROVINCE, expert, replacement);
    }
}
