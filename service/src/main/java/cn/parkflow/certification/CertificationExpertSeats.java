package cn.parkflow.certification;

import cn.parkflow.accounts.ExpertPanel;
import cn.parkflow.accounts.ExpertSeats;
import cn.parkflow.application.ApplicationStages;
import cn.parkflow.workflow.Tasks;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The experts' open 专家评审 tasks of certification, and their hand-over when an expert is deactivated. */
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
        return tasks.assignedTo(CertificationProcess.KEY, CertificationProcess.EXPERT_REVIEW_TASK, expert, List.of()).stream()
                .map(task -> {
                    long id = Long.parseLong(task.businessKey());
                    return new Seat(task.id(), id, "认定申报 #" + id + " 专家评审", subject(applications.facts(id)),
                            new HashSet<>(applications.experts(id)));
                }).toList();
    }

    @Override
    public void reassign(Seat seat, String expert, String replacement) {
        tasks.reassign(seat.taskId(), replacement, Map.of(CertificationProcess.EXPERT, replacement));
        applications.replaceExpert(seat.reference(), expert, replacement);
    }
}
