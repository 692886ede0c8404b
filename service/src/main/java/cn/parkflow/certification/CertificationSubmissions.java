package cn.parkflow.certification;

import cn.parkflow.application.ApplicationStages;
import cn.parkflow.application.ApplicationStatus;
import cn.parkflow.identity.Caller;
import cn.parkflow.publication.Objections;
import cn.parkflow.workflow.Processes;
import cn.parkflow.workflow.Tasks;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An application enters certification: a first submission starts exactly one certification process, a
 * corrected one completes the operator's correction task (returning it to the reviewer who asked); during
 * publication anyone may object to it under their real name.
 */
@Service
public class CertificationSubmissions {

    /** What {@code POST /submit} answers. */
    public record Submitted(long id, ApplicationStatus status, String processInstanceId) {}

    public record ObjectionReceipt(long id, long applicationId, Instant receivedAt) {}

    private final ApplicationStages applications;
    private final CertificationForms forms;
    private final Objections objections;
    private final Processes processes;
    private final Tasks tasks;

    CertificationSubmissions(ApplicationStages applications, CertificationForms forms, Objections objections, Processes processes,
            Tasks tasks) {
        this.applications = applications;
        this.forms = forms;
        this.objections = objections;
        this.processes = processes;
        this.tasks = tasks;
    }

    /** Submits a draft or a corrected application (the checks and refusals of {@link ApplicationStages#submit}). */
    @Transactional
    public Submitted submit(long id, Caller caller) {
        ApplicationStages.Submission submission = applications.submit(id, caller);
        String business = String.valueOf(id);
        if (submission.afterCorrection()) {
            String correction = tasks.open(CertificationProcess.KEY, business, CertificationProcess.SUPPLEMENT_TASK)
                    .orElseThrow(() -> new IllegalStateException("no correction task open for application " + id));
            tasks.completeAs(correction, caller.userId(), null, Map.of());
            return new Submitted(id, ApplicationStatus.SUBMITTED, submission.processInstanceId());
        }
        String processInstanceId = processes.start(CertificationProcess.KEY, business, forms.startVariables(id));
        applications.linkProcess(id, processInstanceId);
        return new Submitted(id, ApplicationStatus.SUBMITTED, processInstanceId);
    }

    /** Accepts a written objection with the objector's real name and contact, during publication only (else 409). */
    @Transactional
    public ObjectionReceipt object(long id, Objections.Filed objection) {
        applications.requireUnderPublication(id);
        Objections.Objection saved = objections.receive(CertificationProcess.subject(id), id, objection);
        applications.record(id, "public", "OBJECTION_RECEIVED", "收到异议（异议人：" + objection.objectorName() + "）");
        return new ObjectionReceipt(saved.id(), id, saved.receivedAt());
    }
}
