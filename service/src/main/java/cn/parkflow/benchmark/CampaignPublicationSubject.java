package cn.parkflow.benchmark;

import cn.parkflow.publication.Objections;
import cn.parkflow.publication.PrefixedPublicationSubject;
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
    public Instant open(String subject, Instant end) {
        return selection.openPublication(id(subject), end);
    }

    @Override
    public void close(String subject, boolean upheld) {
        selection.closePublication(id(subject));
    }

    @Override
    public Map<String, Object> objectionView(Objections.Objection objection) {
        return selection.objectionView(objection);
    }

    @Override
    public boolean objectionDecided(Objections.Objection objection) {
        selection.objectionDecided(objection);
        return false;
    }
}
