package cn.parkflow.publication;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 公示结束: records whether the publication ended clear or with an upheld objection. */
@Component("closePublication")
class ClosePublication implements JavaDelegate {

    private final PublicationSubjects subjects;

    ClosePublication(PublicationSubjects subjects) {
        this.subjects = subjects;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String subject = (String) execution.getVariable(PublicationProcess.PUBLICATION_SUBJECT);
        subjects.of(subject).close(subject, "UPHELD".equals(execution.getVariableLocal("outcome")));
    }
}
