package cn.parkflow.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes into the park registry. Every change leaves an audit event naming who made it. Called by
 * the certification, benchmark and evaluation processes in the transaction of their engine step.
 */
@Service
public class RegistryService {

    static final String CARRIER = "CARRIER";

    private final CarrierRepository carriers;
    private final CertificationRepository certifications;
    private final TitleRepository titles;
    private final AuditEventRepository audit;
    private final EvaluationRepository evaluations;
    private final CertificationNumbers numbers;
    private final CarrierQueries queries;
    private final Certificates certificates;
    private final Clock clock;

    RegistryService(CarrierRepository carriers, CertificationRepository certifications, TitleRepository titles,
            AuditEventRepository audit, EvaluationRepository evaluations, CertificationNumbers numbers, CarrierQueries queries,
            Certificates certificates, Clock clock) {
        this.certificates = certificates;
        this.evaluations = evaluations;
        this.carriers = carriers;
        this.certifications = certifications;
        this.titles = titles;
        this.audit = audit;
        this.numbers = numbers;
        this.queries = queries;
        this.clock = clock;
    }

    /** How many carriers in force a city has of one kind and level. */
    public record CarrierCount(String city, CarrierKind kind, Level level, long count) {}

    /** Carriers in force (active or warned), counted by city, kind and level (the province's dashboard). */
    @Transactional(readOnly = true)
    public List<CarrierCount> countsInForce() {
        return queries.countsInForce();
    }

    /** The result of a certification: the carrier's id and the new certification's number. */
    public record Certified(long carrierId, long certificationId, String number) {}

    /**
     * Records a certification. The carrier is identified by operator credit code, kind and name: a
     * provincial carrier certified as national keeps one entry with both certifications, and its
     * level becomes the higher of the two.
     */
    @Transactional
    public Certified certify(Certify command, String actor) {
        Instant now = clock.instant();
        CarrierRow carrier = carriers.findByCreditCodeAndKindAndName(
                command.creditCode().value(), command.kind(), command.carrierName()).orElseGet(() -> {
                    CarrierRow row = new CarrierRow();
                    row.creditCode = command.creditCode().value();
                    row.kind = command.kind();
                    row.name = command.carrierName();
                    row.createdAt = now;
                    return row;
                });
        boolean created = carrier.id == null;
        carrier.operatorName = command.operatorName();
        carrier.city = command.city().code();
        carrier.address = command.address();
        carrier.level = carrier.level == null || command.level().compareTo(carrier.level) > 0 ? command.level() : carrier.level;
        carrier.status = CarrierStatus.ACTIVE;
        carrier.updatedAt = now;
        command.industries().forEach(i -> carrier.industries.add(new CarrierRow.IndustryRef(i)));
        CarrierRow saved = carriers.save(carrier);
        if (created) {
            record(actor, saved.id, "CARRIER_REGISTERED", saved.name + "（" + saved.kind.label() + "）登记入库");
        }
        String number = numbers.next(command.kind(), command.level(), command.validFrom());
        Certify.National national = command.national();
        NationalGrade grade = national == null ? null : national.grade();
        LocalDate recheck = grade == NationalGrade.EXCELLENT ? command.validFrom().plus(NationalGrade.EXCELLENT_RECHECK) : null;
        CertificationRow certification = certifications.save(new CertificationRow(null, saved.id, number, command.kind(),
                command.level(), command.ruleSet(), command.ruleTable(), command.validFrom(), command.validUntil(), command.applicationId(),
                "ACTIVE", now, grade, national == null ? null : national.documentNumber(), recheck, null, null));
        record(actor, saved.id, "CERTIFIED", "认定为" + command.level().label() + command.kind().label()
                + (grade == null ? "" : "（" + grade.label() + "）") + "，编号 " + number
                + (national == null ? "" : "，国家认定文号 " + national.documentNumber() + "（" + national.decidedOn() + "）")
                + (recheck == null ? "" : "，" + recheck + " 前复核")
                + "，依据 " + command.ruleSet() + (command.ruleTable() == null ? "" : "（" + command.ruleTable() + "）")
                + (command.applicationId() == null ? "" : "，申报编号 " + command.applicationId()));
        if (command.applicationId() != null) {
            certificates.issueAfterCommit(saved.id, number); // the certificate of a decided application, as it stands now
        }
        return new Certified(saved.id, certification.id(), number);
    }

    /** Grants a title such as {@code BENCHMARK} for a fixed term. */
    @Transactional
    public long grantTitle(long carrierId, String title, String source, LocalDate from, LocalDate until, String actor) {
        CarrierRow carrier = carriers.findById(carrierId).orElseThrow(() -> new IllegalArgumentException("no carrier " + carrierId));
        TitleRow row = titles.save(new TitleRow(null, carrier.id, title, source, from, until, clock.instant()));
        record(actor, carrierId, "TITLE_GRANTED", title + "：" + from + " 至 " + until + (source == null ? "" : "（" + source + "）"));
        return row.id();
    }

    /**
     * Records a carrier's confirmed yearly rating (one row per carrier and year; a second one is a
     * duplicate key). D puts an active carrier under warning (整改); a passing rating lifts a warning.
     */
    @Transactional
    public void recordEvaluation(long carrierId, int year, String rating, java.math.BigDecimal score, String remark, String actor) {
        CarrierRow carrier = carriers.findById(carrierId).orElseThrow(() -> new IllegalArgumentException("no carrier " + carrierId));
        evaluations.save(new EvaluationRow(null, carrierId, year, rating, score, remark, clock.instant()));
        record(actor, carrierId, "EVALUATED", year + "年度考核：" + rating + (remark == null ? "" : "（" + remark + "）"));
        if ("D".equals(rating) && carrier.status == CarrierStatus.ACTIVE) {
            status(carrier, CarrierStatus.WARNING, actor, year + "年度考核不合格，予以警示并限期整改");
        } else if (!"D".equals(rating) && carrier.status == CarrierStatus.WARNING) {
            status(carrier, CarrierStatus.ACTIVE, actor, year + "年度考核合格，解除警示");
        }
    }

    /** The rating a carrier got for a year, if it was evaluated. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> rating(long carrierId, int year) {
        return evaluations.findByCarrierIdOrderByYearAsc(carrierId).stream().filter(e -> e.year() == year)
                .map(EvaluationRow::rating).findFirst();
    }

    /**
     * A confirmed change report: the carrier's name, operator (name and credit code) or address take their new values
     * (a null value is left as it is); its history keeps what they were.
     */
    @Transactional
    public void applyChange(long carrierId, String name, String operatorName, String creditCode, String address, String detail,
            String actor) {
        CarrierRow carrier = carriers.findById(carrierId).orElseThrow(() -> new IllegalArgumentException("no carrier " + carrierId));
        carrier.name = name == null ? carrier.name : name;
        carrier.operatorName = operatorName == null ? carrier.operatorName : operatorName;
        carrier.creditCode = creditCode == null ? carrier.creditCode : creditCode;
        carrier.address = address == null ? carrier.address : address;
        carrier.updatedAt = clock.instant();
        carriers.save(carrier);
        record(actor, carrierId, "CHANGED", detail);
    }

    /** Puts an active carrier under warning (警示) with the reason; a carrier already warned, revoked or expired keeps its status. */
    @Transactional
    public void warn(long carrierId, String reason, String actor) {
        CarrierRow carrier = carriers.findById(carrierId).orElseThrow(() -> new IllegalArgumentException("no carrier " + carrierId));
        if (carrier.status == CarrierStatus.ACTIVE) {
            status(carrier, CarrierStatus.WARNING, actor, reason);
        }
    }

    /** Revokes a carrier's status (two consecutive failed evaluations, or fraud, confirmed by the province). */
    @Transactional
    public void revoke(long carrierId, String reason, String actor) {
        CarrierRow carrier = carriers.findById(carrierId).orElseThrow(() -> new IllegalArgumentException("no carrier " + carrierId));
        status(carrier, CarrierStatus.REVOKED, actor, reason);
    }

    private void status(CarrierRow carrier, CarrierStatus status, String actor, String reason) {
        CarrierStatus before = carrier.status;
        carrier.status = status;
        carrier.updatedAt = clock.instant();
        carriers.save(carrier);
        record(actor, carrier.id, "STATUS_CHANGED", before.label() + " → " + status.label() + "：" + reason);
    }

    void record(String actor, long carrierId, String action, String detail) {
        audit.save(new AuditEventRow(null, clock.instant(), actor, CARRIER, carrierId, action, detail));
    }
}
