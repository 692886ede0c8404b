package cn.parkflow.publication;

import static cn.parkflow.publication.PublicationProcess.*;

import cn.parkflow.system.ApiException;
import cn.parkflow.workflow.Processes;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Objections to every publication (公示), in one table: a written objection is recorded and delivered to
 * the open publication of its subject, where a reviewer's 处理异议 task takes it up; the finding is
 * recorded here. Whether the subject is under publication at all, and what an upheld objection does
 * to it, is the subject's capability's to say.
 */
@Service
public class Objections {

    /** An objection as filed: who objects, how to reach them, what and why. */
    public record Filed(String objectorName, String contact, String text) {}

    /** An objection as recorded, with the finding once there is one. */
    public record Objection(long id, String subject, long itemId, String objectorName, String contact, String text,
            Instant receivedAt, Boolean upheld, String reply, String decidedBy, Instant decidedAt) {}

    private final ObjectionRepository rows;
    private final Processes processes;
    private final Clock clock;

    Objections(ObjectionRepository rows, Processes processes, Clock clock) {
        this.rows = rows;
        this.processes = processes;
        this.clock = clock;
    }

    /**
     * Records the objection to {@code itemId} under {@code subject} and delivers it to the subject's open
     * publication; 409 (and nothing recorded) when no publication of the subject is open any more.
     */
    @Transactional
    public Objection receive(String subject, long itemId, Filed filed) {
        Instant now = clock.instant();
        ObjectionRow saved = rows.save(new ObjectionRow(null, subject, itemId, filed.objectorName(), filed.contact(),
                filed.text(), now, null, null, null, null));
        Map<String, Object> variables = Map.of(
                OBJECTION_ID, saved.id(),
                OBJECTOR_NAME, saved.objectorName(),
                OBJECTION_CONTACT, saved.contact(),
                OBJECTION_TEXT, saved.text(),
                OBJECTION_RECEIVED_AT, now.atZone(clock.getZone()).toLocalDateTime().toString());
        if (!processes.deliver(MESSAGE_OBJECTION, PUBLICATION_SUBJECT, subject, variables)) {
            throw ApiException.conflict("公示已结束，异议不予受理");
        }
        return saved.objection();
    }

    @Transactional(readOnly = true)
    public Objection get(long id) {
        return row(id).objection();
    }

    /** Records the reviewer's finding; returns the objection as decided. */
    @Transactional
    public Objection decide(long id, boolean upheld, String reply, String actor) {
        ObjectionRow o = row(id);
        return rows.save(new ObjectionRow(o.id(), o.subject(), o.itemId(), o.objectorName(), o.contact(), o.text(),
                o.receivedAt(), upheld, reply, actor, clock.instant())).objection();
    }

    private ObjectionRow row(long id) {
        return rows.findById(id).orElseThrow(() -> new IllegalArgumentException("no objection " + id));
    }
}
