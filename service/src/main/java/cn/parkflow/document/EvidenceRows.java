package cn.parkflow.document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.ListCrudRepository;

/** One row per stored evidence document, of any subject. */
@Table("evidence_document")
record EvidenceRow(@Id Long id, DocumentSubject subjectKind, Long subjectId, DocumentType type, String fileName, long size,
        String sha256, String contentType, String objectKey, String uploadedBy, Instant uploadedAt) {

    Evidence evidence() {
        return new Evidence(id, type, type.label(), fileName, size, sha256, contentType, uploadedAt);
    }
}

interface EvidenceRepository extends ListCrudRepository<EvidenceRow, Long> {
    List<EvidenceRow> findBySubjectKindAndSubjectIdOrderByUploadedAtAscIdAsc(DocumentSubject subjectKind, Long subjectId);

    Optional<EvidenceRow> findByIdAndSubjectKindAndSubjectId(Long id, DocumentSubject subjectKind, Long subjectId);
}
