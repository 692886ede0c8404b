package cn.parkflow.application;



import cn.parkflow.document.DocumentRules;
import cn.parkflow.document.DocumentSubject;
import cn.parkflow.document.EvidenceDocuments;
import cn.parkflow.document.DocumentType;
import cn.parkflow.identity.Caller;
import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.Certify;
import cn.parkflow.registry.City;
import cn.parkflow.registry.CreditCode;
import cn.parkflow.registry.Industry;
import cn.parkflow.registry.NationalGrade;
import cn.parkflow.registry.RegistryService;
import cn.parkflow.system.ApiException;
import cn.parkflow.system.ParkflowProperties;
import cn.parkflow.system.WorkingCalendar;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stages an application passes through as certification moves it: submitted, reviewed, returned,
 * published, certified (written into the registry) or ended, each step on its timeline. Called by
 * certification (its submission and its process adapters), inside the engine's transaction.
 */
@Service
public class ApplicationStages {

    private static final Set<ApplicationStatus> TERMINAL =
            EnumSet.of(ApplicationStatus.CERTIFIED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN);

    private final ApplicationService applications;
    private final ApplicationRepository rows;
    private final EventRepository events;
    private final ExpertReviewRepository reviews;
    private final EvidenceDocuments documents;
    private final RegistryService registry;
    private final DocumentRules documentRules;
    private final ObjectMapper json;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final Period fraudBar;
    private final ApplicationNotices notices;

    ApplicationStages(ApplicationService applications, ApplicationRepository rows,
            EventRepository events, ExpertReviewRepository reviews, EvidenceDocuments documents,
            RegistryService registry, DocumentRules documentRules, ObjectMapper json, Clock clock,
            JdbcTemplate jdbc, ParkflowProperties properties, ApplicationNotices notices) {
        this.notices = notices;
        this.jdbc = jdbc;
        this.fraudBar = properties.fraudBar();
        this.applications = applications;
        this.rows = rows;
        this.events = events;
        this.reviews = reviews;
        this.documents = documents;
        this.registry = registry;
        this.documentRules = documentRules;
        this.json = json;
        this.clock = clock;
    }

    /** A submission as the application records it: a first one, or one after a correction. */
    public record Submission(long id, boolean afterCorrection, String processInstanceId) {}

    /**
     * Marks a draft or a corrected application submitted, after the checks a submission must pass:
     * 422 while a required document type is missing or a stored document is gone, 409 when already
     * submitted or when the operator has another open application for the same carrier and kind, 503
     * when the object store cannot confirm the evidence. Certification then starts or resumes its process.
     */
    @Transactional
    public Submission submit(long id, Caller caller) {
        ApplicationRow row = applications.editableRow(id, caller);
        Set<DocumentType> present = documents.typesPresent(DocumentSubject.APPLICATION, id);
        List<DocumentType> missing = documentRules.requiredFor(row.kind).stream().filter(t -> !present.contains(t)).toList();
        if (!missing.isEmpty()) {
            throw ApiException.unprocessable("缺少必备材料：" + missing.stream().map(DocumentType::label).collect(Collectors.joining("、")))
                    .with("missingDocumentTypes", missing);
        }
        documents.confirmStored(DocumentSubject.APPLICATION, id);
        Instant now = clock.instant();
        if (row.status == ApplicationStatus.CORRECTION_REQUESTED) {
            row.status = ApplicationStatus.SUBMITTED;
            row.updatedAt = now;
            rows.save(row);
            event(id, caller.userId(), "RESUBMITTED", "补正后重新提交");
            return new Submission(id, true, row.processInstanceId);
        }
        barredUntil(row.creditCode).ifPresent(until -> {
            throw ApiException.conflict("该运营机构因申报弄虚作假被认定不予认定，" + until + " 前不得再次申报")
                    .with("barredUntil", until.toString());
        });
        String openKey = row.creditCode + "|" + row.kind + "|" + row.carrierName;
        rows.findByOpenKey(openKey).filter(other -> !other.id.equals(row.id)).ifPresent(other -> {
            throw ApiException.conflict("该运营机构已有同一载体、同一类型的在办申报（编号 " + other.id + "）").with("openApplicationId", other.id);
        });
        row.status = ApplicationStatus.SUBMITTED;
        row.submittedAt = now;
        row.updatedAt = now;
        row.openKey = openKey;
        rows.save(row);
        event(id, caller.userId(), "SUBMITTED", "提交申报");
        return new Submission(id, false, null);
    }

    /** Records the process instance that certifies the application. */
    @Transactional
    public void linkProcess(long id, String processInstanceId) {
        ApplicationRow row = row(id);
        row.processInstanceId = processInstanceId;
        rows.save(row);
    }

    /** The application as its reader in a Tasklist form sees it (the operator: without what is not meant for it). */
    @Transactional(readOnly = true)
    public ApplicationView view(long id, boolean forOperator) {
        return applications.view(row(id), forOperator);
    }

    /** The application's figures against its carrier's roster, if it has one (see {@link ApplicationService#rosterCheck(long, Caller)}). */
    @Transactional(readOnly = true)
    public java.util.Optional<cn.parkflow.tenant.RosterFigures.Check> rosterCheck(long id) {
        return applications.rosterCheck(row(id));
    }

    // --- the process's view of an application ---

    /** What the process needs to know of an application. */
    public record Facts(long id, CarrierKind kind, cn.parkflow.registry.Level level, City city, String creditCode,
            String ownerId, LocalDate filingDate, Map<String, Object> indicators, Set<Industry> industries) {}

    @Transactional(readOnly = true)
    public Facts facts(long id) {
        ApplicationRow row = row(id);
        return new Facts(row.id, row.kind, row.level, City.ofCode(row.city), row.creditCode, row.ownerId,
                LocalDate.ofInstant(row.submittedAt == null ? clock.instant() : row.submittedAt, clock.getZone()),
                applications.view(row).indicators(), Set.copyOf(industries(row)));
    }

    @Transactional
    public void recordEligibility(long id, String ruleSet, String ruleTable, boolean eligible, List<String> failedCriteria, String summary) {
        ApplicationRow row = row(id);
        row.ruleSet = ruleSet;
        row.ruleTable = ruleTable;
        row.eligible = eligible;
        row.failedCriteria = write(failedCriteria);
        row.updatedAt = clock.instant();
        rows.save(row);
        event(id, "system", eligible ? "ELIGIBLE" : "NOT_ELIGIBLE", summary);
    }

    /** Moves the application into a stage of the process. */
    @Transactional
    public void enterStage(long id, ApplicationStatus status) {
        ApplicationRow row = row(id);
        if (row.status != status) {
            row.status = status;
            row.updatedAt = clock.instant();
            rows.save(row);
        }
    }

    /**
     * Whether the operator changed anything the city checked (fields, figures, evidence) since the
     * province returned the application for correction: then the correction goes through the city again.
     */
    @Transactional(readOnly = true)
    public boolean changedSinceProvinceReturn(long id) {
        List<EventRow> timeline = events.findByApplicationIdOrderByAtAscIdAsc(id);
        int returned = -1;
        for (int i = 0; i < timeline.size(); i++) {
            if ("PROVINCE_RETURN".equals(timeline.get(i).action())) {
                returned = i;
            }
        }
        return timeline.subList(returned + 1, timeline.size()).stream()
                .anyMatch(e -> "UPDATED".equals(e.action()) || "DOCUMENT_UPLOADED".equals(e.action()));
    }

    /** Whether the operator has resubmitted the application after a request for correction. */
    @Transactional(readOnly = true)
    public boolean resubmitted(long id) {
        return row(id).status == ApplicationStatus.SUBMITTED;
    }

    @Transactional
    public void record(long id, String actor, String action, String comment) {
        event(id, actor, action, comment);
    }

    /** A reviewer's internal remark: read by the reviewers who follow, never shown to the operator. */
    @Transactional
    public void recordInternal(long id, String actor, String remark) {
        event(id, actor, Timeline.INTERNAL_REMARK, remark);
    }

    /** The panels of experts an application may have: the city's own review and the province's. */
    public enum Panel {
        CITY("市级评审专家", "CITY_EXPERTS_ASSIGNED"),
        PROVINCE("评审专家", "EXPERTS_ASSIGNED");

        private final String label;
        private final String assignedAction;

        Panel(String label, String assignedAction) {
            this.label = label;
            this.assignedAction = assignedAction;
        }
    }

    @Transactional
    public void assignExperts(long id, Panel panel, List<String> experts, String note) {
        ApplicationRow row = row(id);
        setPanel(row, panel, experts);
        rows.save(row);
        event(id, "system", panel.assignedAction, panel.label + "：" + String.join("、", experts) + (note == null ? "" : "（" + note + "）"));
    }

    /** The experts now on the application's panel. */
    @Transactional(readOnly = true)
    public List<String> experts(long id, Panel panel) {
        return ApplicationService.members(panel == Panel.CITY ? row(id).cityExperts : row(id).experts);
    }

    /** A panel member is replaced (it was deactivated): the panel and the timeline say so. */
    @Transactional
    public void replaceExpert(long id, Panel panel, String expert, String replacement) {
        ApplicationRow row = row(id);
        List<String> members = new java.util.ArrayList<>(experts(id, panel));
        members.replaceAll(e -> e.equals(expert) ? replacement : e);
        setPanel(row, panel, members);
        rows.save(row);
        event(id, "system", "EXPERT_REPLACED", panel.label + " " + expert + " 已停用，其评审改由 " + replacement + " 承担");
    }

    private static void setPanel(ApplicationRow row, Panel panel, List<String> experts) {
        if (panel == Panel.CITY) {
            row.cityExperts = String.join(",", experts);
        } else {
            row.experts = String.join(",", experts);
        }
    }

    /** The city recorded its site check (the timeline entry is the task's outcome): kept for the reviewers who follow. */
    @Transactional
    public void recordSiteCheck(long id, ApplicationView.SiteCheck check) {
        jdbc.update("INSERT INTO site_check (application_id, check_date, inspectors, findings, passed, recorded_by, recorded_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", id, java.sql.Date.valueOf(check.date()), check.inspectors(), check.findings(),
                check.passed(), check.recordedBy(), java.sql.Timestamp.from(check.recordedAt()));
    }

    /** Whether a document of this type (the city's site check report, the ministry's decision file) is on the application. */
    @Transactional(readOnly = true)
    public boolean hasDocument(long id, DocumentType type) {
        return documents.typesPresent(DocumentSubject.APPLICATION, id).contains(type);
    }

    /**
     * The province's graded national recommendations of a (Beijing) year so far: all of them and those of grade EXCELLENT.
     * A recommendation whose publication upheld an objection no longer counts. The rows are read for update, so two
     * approvers deciding at once are counted one after the other.
     */
    public record NationalQuota(int year, int recommended, int excellent) {

        /** At most ceil(10 % × recommendations) may be EXCELLENT: the limit once {@code recommendations} are made. */
        public static int excellentLimit(int recommendations) {
            return (recommendations + 9) / 10;
        }
    }

    @Transactional
    public NationalQuota nationalQuota(int year) {
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        List<String> grades = jdbc.queryForList("SELECT national_grade FROM application WHERE national_grade IS NOT NULL"
                + " AND recommended_at >= ? AND recommended_at < ? AND NOT (status = 'REJECTED' AND ministry_approved IS NULL) FOR UPDATE",
                String.class, java.sql.Timestamp.from(from), java.sql.Timestamp.from(to));
        return new NationalQuota(year, grades.size(), (int) grades.stream().filter(NationalGrade.EXCELLENT.name()::equals).count());
    }

    /** The approver recommends the national application to the ministry (with its grade under the 2025 rules). */
    @Transactional
    public void recommendNational(long id, NationalGrade grade) {
        ApplicationRow row = row(id);
        row.nationalGrade = grade == null ? null : grade.name();
        row.recommendedAt = clock.instant();
        row.updatedAt = clock.instant();
        rows.save(row);
    }

    /** The province recorded the ministry's decision on a recommended national application. */
    @Transactional
    public void recordMinistryDecision(long id, boolean approved, String documentNumber, LocalDate decidedOn) {
        ApplicationRow row = row(id);
        row.ministryApproved = approved;
        row.ministryDocument = documentNumber;
        row.ministryDecidedOn = decidedOn;
        row.updatedAt = clock.instant();
        rows.save(row);
    }

    @Transactional
    public Instant openPublication(long id, Instant end) {
        ApplicationRow row = row(id);
        row.status = ApplicationStatus.PUBLICATION;
        row.publicationStart = clock.instant();
        row.publicationEnd = end;
        row.updatedAt = clock.instant();
        rows.save(row);
        // the last day of the period, in Beijing time (a period of working days ends at midnight after its last day)
        event(id, "system", "PUBLICATION_OPENED", "公示至 " + LocalDate.ofInstant(end.minusMillis(1), WorkingCalendar.ZONE));
        notices.publicationOpened(row, end);
        return row.publicationEnd;
    }

    @Transactional
    public void closePublication(long id, boolean upheld) {
        ApplicationRow row = row(id);
        row.publicationEnd = row.publicationEnd == null || row.publicationEnd.isAfter(clock.instant()) ? clock.instant() : row.publicationEnd;
        rows.save(row);
        event(id, "system", "PUBLICATION_CLOSED", upheld ? "公示期内异议成立，公示终止" : "公示期满，无成立的异议");
    }

    /** Writes the certification into the registry and ends the application CERTIFIED, in one transaction. */
    @Transactional
    public RegistryService.Certified certify(long id) {
        ApplicationRow row = row(id);
        LocalDate today = LocalDate.now(clock);
        Certify.National national = null;
        if (row.level == cn.parkflow.registry.Level.NATIONAL) { // the ministry decided: its date and document number
            if (!Boolean.TRUE.equals(row.ministryApproved)) {
                throw new IllegalStateException("national application " + id + " has no approving decision of the ministry");
            }
            national = new Certify.National(row.nationalGrade == null ? null : NationalGrade.valueOf(row.nationalGrade),
                    row.ministryDocument, row.ministryDecidedOn);
        }
        RegistryService.Certified certified = registry.certify(new Certify(CreditCode.of(row.creditCode), row.operatorName,
                row.carrierName, row.kind, row.level, City.ofCode(row.city), row.address, Set.copyOf(industries(row)),
                row.ruleSet == null ? "UNKNOWN" : row.ruleSet, national == null ? today : national.decidedOn(), null, row.id,
                row.ruleTable, national), "system");
        row.status = ApplicationStatus.CERTIFIED;
        row.certificationNumber = certified.number();
        row.carrierId = certified.carrierId();
        row.openKey = null;
        row.updatedAt = clock.instant();
        rows.save(row);
        event(id, "system", "CERTIFIED", "认定通过，编号 " + certified.number() + "，已写入载体名录");
        notices.certified(row, certified.carrierId(), certified.number());
        return certified;
    }

    /** Ends the application REJECTED or WITHDRAWN. */
    @Transactional
    public void finish(long id, ApplicationStatus outcome, String comment) {
        if (!TERMINAL.contains(outcome) || outcome == ApplicationStatus.CERTIFIED) {
            throw new IllegalArgumentException("not an unsuccessful outcome: " + outcome);
        }
        ApplicationRow row = row(id);
        row.status = outcome;
        row.openKey = null;
        row.updatedAt = clock.instant();
        rows.save(row);
        event(id, "system", outcome.name(), comment);
        if (outcome == ApplicationStatus.REJECTED) {
            notices.rejected(row, comment);
        }
    }

    // --- objections ---

    /** 404 for no such application, 409 unless it is under publication now (objections are received then only). */
    @Transactional(readOnly = true)
    public void requireUnderPublication(long id) {
        ApplicationRow row = rows.findById(id).orElseThrow(() -> ApiException.notFound("公示项目"));
        Instant now = clock.instant();
        if (row.status != ApplicationStatus.PUBLICATION || row.publicationEnd == null || !now.isBefore(row.publicationEnd)) {
            throw ApiException.conflict("该申报不在公示期内，异议不予受理");
        }
    }

    @Transactional
    public void objectionDecided(long id, boolean upheld, String reply, String actor) {
        event(id, actor, upheld ? "OBJECTION_UPHELD" : "OBJECTION_DISMISSED", reply);
    }

    /** An application under publication, as the public list shows it. */
    public record PublicationEntry(long applicationId, String carrierName, String operatorName, CarrierKind kind,
            String kindLabel, cn.parkflow.registry.Level level, String levelLabel, City city, String cityName,
            String address, Instant publicationStart, Instant publicationEnd) {}

    @Transactional(readOnly = true)
    public List<PublicationEntry> publications() {
        Instant now = clock.instant();
        return rows.findByStatusOrderByPublicationEndAsc(ApplicationStatus.PUBLICATION).stream()
                .filter(r -> r.publicationEnd != null && r.publicationEnd.isAfter(now))
                .map(r -> {
                    City city = City.ofCode(r.city);
                    return new PublicationEntry(r.id, r.carrierName, r.operatorName, r.kind, r.kind.label(), r.level,
                            r.level.label(), city, city.label(), r.address, r.publicationStart, r.publicationEnd);
                })
                .toList();
    }

    // --- helpers ---

    private ApplicationRow row(long id) {
        return rows.findById(id).orElseThrow(() -> new IllegalArgumentException("no application " + id));
    }

    private static List<Industry> industries(ApplicationRow row) {
        return row.industries.isEmpty() ? List.of() : Arrays.stream(row.industries.split(",")).map(Industry::valueOf).toList();
    }

    /**
     * A reviewer found fraud on the application (with the reject outcome's comment): its operator may not submit
     * again until the finding's date (Beijing) + {@code parkflow.fraud-bar}.
     */
    @Transactional
    public LocalDate recordFraud(long id, String actor, String stage, String comment) {
        LocalDate until = barOperator(row(id).creditCode, id, null, stage, actor, comment);
        event(id, actor, "FRAUD_FOUND", "认定申报存在弄虚作假，该运营机构 " + until + " 前不得再次申报");
        return until;
    }

    /**
     * A finding of fraud in a change report of a certified carrier (the city's check): its operator is barred as after a
     * finding on an application.
     */
    @Transactional
    public LocalDate recordChangeFraud(String creditCode, long changeId, String actor, String comment) {
        return barOperator(creditCode, null, changeId, "CityChangeCheckTask", actor, comment);
    }

    /** Records the finding (of an application or of a change report) and returns the first day its operator may apply again. */
    private LocalDate barOperator(String creditCode, Long applicationId, Long changeId, String stage, String actor, String comment) {
        LocalDate until = LocalDate.ofInstant(clock.instant(), WorkingCalendar.ZONE).plus(fraudBar);
        jdbc.update("INSERT INTO fraud_finding (credit_code, application_id, change_id, stage, found_by, found_at, comment, barred_until)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", creditCode, applicationId, changeId, stage, actor, java.sql.Timestamp.from(clock.instant()),
                comment.length() > 2000 ? comment.substring(0, 2000) : comment, java.sql.Date.valueOf(until));
        return until;
    }

    /** Until when the operator with {@code creditCode} is barred from submitting, if it is today. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> barredUntil(String creditCode) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingCalendar.ZONE);
        List<LocalDate> until = jdbc.query("SELECT MAX(barred_until) FROM fraud_finding WHERE credit_code = ? AND barred_until > ?",
                (rs, n) -> rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate(), creditCode, java.sql.Date.valueOf(today));
        return until.isEmpty() ? Optional.empty() : Optional.ofNullable(until.get(0));
    }

    /** An expert of a panel ({@code PROVINCE}, {@code CITY}) completed its review: kept for the panel's summary. */
    @Transactional
    public void recordExpertReview(long id, String panel, String expert, Number score, String opinion) {
        reviews.save(new ExpertReviewRow(null, id, panel, expert, new java.math.BigDecimal(score.toString()), opinion, clock.instant()));
    }

    private void event(long applicationId, String actor, String action, String comment) {
        events.save(new EventRow(null, applicationId, clock.instant(), actor, action, comment));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
