package cn.parkflow.certification;

import cn.parkflow.application.ApplicationWorkflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Publication of a certification's application. */
@Component
class ApplicationPublicationSubject extends PrefixedPublicationSubject {

    private final ApplicationWorkflow applications;

    ApplicationPublicationSubject(ApplicationWorkflow applications) {
        super("APPLICATION-");
        this.applications = applications;
    }

    @Override
    public Instant open(String subject, Duration period) {
        return applications.openPublication(id(subject), period);
    }

    @Override
    public void close(String subject, boolean upheld) {
        applications.closePublication(id(subject), upheld);
    }

    @Override
    public Map<String, Object> objectionView(String subject, long objectionId) {
        return Map.of("objectionEffect", "异议成立的，本次认定终止");
    }

    @Override
    public boolean decideObjection(String subject, long objectionId, boolean upheld, String reply, String actor) {
        applications.decideObjection(objectionId, upheld, reply, actor);
        return upheld;
    }
}
