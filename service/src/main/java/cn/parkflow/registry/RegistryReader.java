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

    /** The carriers of {@code ids} that exist, by id (one query per thousand). */
    @Transactional(readOnly = true)
    public java.util.Map<Long, CarrierBrief> briefs(java.util.Collection<Long> ids) {
        java.util.Map<Long, CarrierBrief> out = new java.util.LinkedHashMap<>();
        queries.briefs(ids).forEach(b -> out.put(b.id(), b));
        return out;
    }

    public CarrierBrief brief(long id) {
        CarrierBrief brief = briefs(List.of(id)).get(id);
        if (brief == null) {
            throw new IllegalArgumentException("no carrier " + id);
        }
        return brief;
    }

    /** The carriers not revoked that these credit codes operate. */
    @Transactional(readOnly = true)
    public List<CarrierBrief> operatedBy(java.util.Collection<String> creditCodes) {
        return queries.briefsByCreditCode(creditCodes);
    }

    /** Carriers in force certified by the end of {@code year} that have no evaluation of it yet, by id. */
    @Transactional(readOnly = true)
    public List<Long> dueForEvaluation(int year) {
        return queries.dueForEvaluation(year);
    }

    @Transactional(readOnly = true)
    public Optional<CarrierDetails> find(long id) {
        return queries.summary(id).map(summary -> {
            LocalDate today = LocalDate.now(clock);
            return new CarrierDetails(summary,
                    certifications.findByCarrierIdOrderByValidFromAsc(id).stream()
                            .map(c -> new CarrierDetails.Certification(c.id(), c.number(), c.kind(), c.kind().label(),
                                    c.level(), c.level().label(), c.ruleSet(), c.ruleTable(), c.validFrom(), c.validUntil(),
                                    c.applicationId(), c.status(), c.grade(), c.grade() == null ? null : c.grade().label(),
                                    c.documentNumber(), c.recheckDue(), c.certificateSha256()))
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
