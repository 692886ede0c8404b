package cn.parkflow.application;

import cn.parkflow.document.DocumentType;
import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.Level;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.ListCrudRepository;

@Table("application")
class ApplicationRow {
    @Id Long id;
    String ownerId;
    CarrierKind kind;
    Level level;
    String carrierName;
    String operatorName;
    String creditCode;
    String city;
    String industries;
    String address;
    String indicators;
    ApplicationStatus status;
    String processInstanceId;
    Instant createdAt;
    Instant updatedAt;
    Instant submittedAt;
    String ruleSet;
    String ruleTable;
    Boolean eligible;
    String failedCriteria;
    String experts;
    String cityExperts;
    String nationalGrade;
    Instant recommendedAt;
    Boolean ministryApproved;
    String ministryDocument;
    java.time.LocalDate ministryDecidedOn;
    Instant publicationStart;
    Instant publicationEnd;
    String certificationNumber;
    Long carrierId;
    String openKey;
    @Version Integer version;
}

@Table("expert_review")
record ExpertReviewRow(@Id Long id, Long applicationId, String panel, String expert, java.math.BigDecimal score, String opinion,
        Instant reviewedAt) {}

interface ExpertReviewRepository extends ListCrudRepository<ExpertReviewRow, Long> {
    List<ExpertReviewRow> findByApplicationIdOrderByReviewedAtAscIdAsc(Long applicationId);
}

@Table("application_event")
record EventRow(@Id Long id, Long applicationId, Instant at, String actor, String action, String comment) {}

interface ApplicationRepository extends ListCrudRepository<ApplicationRow, Long> {
    Optional<ApplicationRow> findByOpenKey(String openKey);

    List<ApplicationRow> findByStatusOrderByPublicationEndAsc(ApplicationStatus status);
}

interface EventRepository extends ListCrudRepository<EventRow, Long> {
    List<EventRow> findByApplicationIdOrderByAtAscIdAsc(Long applicationId);
}
