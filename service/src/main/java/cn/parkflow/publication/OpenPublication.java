package cn.parkflow.publication;

import cn.parkflow.system.Period;
import cn.parkflow.system.WorkingCalendar;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 发布公示: the subject is listed publicly until the period ends; the period ({@code publicationPeriod}) is calendar
 * time (P7D) or working days (5WD) of the {@link WorkingCalendar}. The end is the process's timer date.
 */
@Component("openPublication")
class OpenPublication implements JavaDelegate {

    private final PublicationSubjects subjects;
    private final WorkingCalendar calendar;
    private final Clock clock;

    OpenPublication(PublicationSubjects subjects, WorkingCalendar calendar, Clock clock) {
        this.subjects = subjects;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String subject = (String) execution.getVariable(PublicationProcess.PUBLICATION_SUBJECT);
        Period period = Period.of((String) execution.getVariable(PublicationProcess.PUBLICATION_PERIOD));
        execution.setVariable(PublicationProcess.PUBLICATION_END,
                subjects.of(subject).open(subject, period.end(clock.instant(), calendar)).toString());
    }
}
