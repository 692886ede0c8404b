package cn.parkflow.publication;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.ListCrudRepository;

/**
 * An objection to a publication: the subject under publication ({@code APPLICATION-12}, {@code CAMPAIGN-3}),
 * the item objected to (the application; in a campaign, one dossier on the list), the objector, and the finding.
 */
@Table("objection")
record ObjectionRow(@Id Long id, String subject, Long itemId, String objectorName, String contact, String text,
        Instant receivedAt, Boolean upheld, String reply, String decidedBy, Instant decidedAt) {

    Objections.Objection objection() {
        return new Objections.Objection(id, subject, itemId, objectorName, contact, text, receivedAt, upheld, reply, decidedBy,
                decidedAt);
    }
}

interface ObjectionRepository extends ListCrudRepository<ObjectionRow, Long> {}
