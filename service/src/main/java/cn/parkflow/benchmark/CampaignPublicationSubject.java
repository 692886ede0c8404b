package cn.parkflow.benchmark;

import cn.parkflow.certification.PrefixedPublicationSubject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Publication of a campaign's confirmed list; an upheld objection removes one carrier, the rest stay listed. */
@Component
class CampaignPublicationSubject extends PrefixedPublicationSubject {

    private final SelectionWorkflow selection;

    CampaignPublicationSubject(SelectionWorkflow selection) {
        super("CAMPAIGN-");
        this.selection = selection;
    }

    @Override
    public Instant open(String subject, Duration period) {
        return selection.openPublication(id(subject), period);
    }

    @Override
    public void close(String subject, boolean upheld) {
        selection.closePublication(id(subject));
    }

    @Override
    public Map<String, Object> objectionView(String subject, long objectionId) {
        return selection.objectionView(objectionId);
    }

    @Override
    public boolean decideObjection(String subject, long objectionId, boolean upheld, String reply, String actor) {
        selection.decideObjection(objectionId, upheld, reply, actor);
        return false;
    }
}
