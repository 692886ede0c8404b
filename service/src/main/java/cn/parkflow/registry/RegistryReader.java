package cn.parkflow.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of one carrier and its history, for the public registry and for other capabilities. */
@Service
public class RegistryReader {

    private final CarrierQueries queries;
    private final CertificationRepository certifications;
    private final TitleRepository titles;
    private final EvaluationRepository evaluations;
    private final AuditEventRepository audit;
    private final Clock clock;

    RegistryReader(CarrierQueries queries, CertificationRepository certifications, TitleRepository titles,
            EvaluationRepository evaluations, AuditEventRepository audit, Clock clock) {
        this.queries = queries;
        this.certifications = certifications;
        this.titles = titles;
        this.evaluations = evaluations;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<CarrierDetails> find(long id) {
        return queries.summary(id).map(summary -> {
            LocalDate today = LocalDate.now(clock);
            return new CarrierDetails(summary,
                    certifications.findByCarrierIdOrderByValidFromAsc(id).stream()
                            .map(c -> new CarrierDetails.Certification(c.id(), c.number(), c.kind(), c.kind().label(),
                                    c.level(), c.level().label(), c.ruleSet(), c.validFrom(), c.validUntil(),
                                    c.applicationId(), c.status()))
                            .toList(),
                    titles.findByCarrierIdOrderByValidFromAsc(id).stream()
                            .map(t -> new CarrierDetails.Title(t.id(), t.title(), t.source(), t.validFrom(), t.validUntil(),
                                    !t.validFrom().isAfter(today) && !t.validUntil().isBefore(today)))
                            .toList(),
                    evaluations.findByCarrierIdOrderByYearAsc(id).stream()
                            .map(e -> new CarrierDetails.Evaluation(e.year(), e.rating(), e.score(), e.remark()))
                            .toList(),
                    audit.findByEntityTypeAndEntityIdOrderByAtAscIdAsc(RegistryService.CARRIER, id).stream()
                            .map(a -> new CarrierDetails.HistoryEntry(a.at(), a.actor(), a.action(), a.detail()))
                            .toList());
        });
    }

    public PageResult<CarrierSummary> search(CarrierFilter filter, String sort, int page, int size) {
        return queries.page(filter, CarrierQueries.Sort.parse(sort), page, size);
    }

    List<CarrierSummary> all(CarrierFilter filter, String sort) {
        List<CarrierSummary> out = new java.util.ArrayList<>();
        queries.forEach(filter, CarrierQueries.Sort.parse(sort), out::add);
        return out;
    }
}
