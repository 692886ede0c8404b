package cn.parkflow.registry;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface CarrierRepository extends ListCrudRepository<CarrierRow, Long> {
    Optional<CarrierRow> findByCreditCodeAndKindAndName(String creditCode, CarrierKind kind, String name);
}

interface CertificationRepository extends ListCrudRepository<CertificationRow, Long> {
    List<CertificationRow> findByCarrierIdOrderByValidFromAsc(Long carrierId);
}

interface TitleRepository extends ListCrudRepository<TitleRow, Long> {
    List<TitleRow> findByCarrierIdOrderByValidFromAsc(Long carrierId);
}

interface EvaluationRepository extends ListCrudRepository<EvaluationRow, Long> {
    List<EvaluationRow> findByCarrierIdOrderByYearAsc(Long carrierId);
}

interface AuditEventRepository extends ListCrudRepository<AuditEventRow, Long> {
    List<AuditEventRow> findByEntityTypeAndEntityIdOrderByAtAscIdAsc(String entityType, Long entityId);
}
