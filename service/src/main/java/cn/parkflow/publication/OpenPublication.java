package cn.parkflow.publication;

import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 发布公示: the subject is listed publicly until the period ends. */
@Component("openPublication")
class OpenPublication implements JavaDelegate {

    private final PublicationSubjects subjects;

    OpenPublication(PublicationSubjects subjects) {
        this.subjects = subjects;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String subject = (String) execution.getVariable(PublicationProcess.PUBLICATION_SUBJECT);
        Duration period = Duration.parse((String) execution.getVariable(PublicationProcess.PUBLICATION_PERIOD));
        execution.setVariable(PublicationProcess.PUBLICATION_END, subjects.of(subject).open(subject, period).toString());
    }
}
