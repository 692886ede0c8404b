package cn.parkflow.certification;

import cn.parkflow.publication.Objections;
import cn.parkflow.publication.PrefixedPublicationSubject;
import cn.parkflow.publication.PublicationProcess;

import cn.parkflow.application.ApplicationStages;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Publication of a certification's application. */
@Component
class ApplicationPublicationSubject extends PrefixedPublicationSubject {

    private final ApplicationStages applications;

    ApplicationPublicationSubject(ApplicationStages applications) {
        super("APPLICATION-");
        this.applications = applications;
    }

    @Override
    public Instant open(String subject, Instant end) {
        return applications.openPublication(id(subject), end);
    }

    @Override
    public void close(String subject, boolean upheld) {
        applications.closePublication(id(subject), upheld);
    }

    @Override
    public Map<String, Object> objectionView(Objections.Objection objection) {
        return Map.of(PublicationProcess.OBJECTION_EFFECT, "异议成立的，本次认定终止");
    }

    @Override
    public boolean objectionDecided(Objections.Objection objection) {
        applications.objectionDecided(objection.itemId(), objection.upheld(), objection.reply(), objection.decidedBy());
        return objection.upheld();
    }
}
