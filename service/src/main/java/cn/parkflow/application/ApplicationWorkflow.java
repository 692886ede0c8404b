package cn.parkflow.application;

import cn.parkflow.publication.Objections;

import static cn.parkflow.system.FormText.markdown;

import cn.parkflow.certification.CertificationProcess;
import cn.parkflow.certification.EligibilityResult;
import cn.parkflow.workflow.Processes;
import cn.parkflow.workflow.Tasks;
import cn.parkflow.document.DocumentSubject;
import cn.parkflow.document.EvidenceDocuments;
import cn.parkflow.document.DocumentType;
import cn.parkflow.identity.Caller;
import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.Certify;
import cn.parkflow.registry.City;
import cn.parkflow.registry.CreditCode;
import cn.parkflow.registry.Industry;
import cn.parkflow.registry.RegistryService;
import cn.parkflow.system.ApiException;
import cn.parkflow.system.FormText;
import cn.parkflow.system.ParkflowProperties;
import cn.parkflow.system.StorageUnavailableException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An application's way through certification: submission, the stages the process moves it
 * through, publication and objections, and the outcome written into the registry. Called by the
 * API (submit, objections) and by the process adapters, always inside the engine's transaction.
 */
@Service
public class ApplicationWorkflow {

    private static final java.time.format.DateTimeFormatter HISTORY_TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final Set<ApplicationStatus> TERMINAL =
            EnumSet.of(ApplicationStatus.CERTIFIED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN);

    private final ApplicationService applications;
    private final ApplicationRepository rows;
    private final EventRepository events;
    private final Objections objections;
    private final EvidenceDocuments documents;
    private final Processes processes;
    private final Tasks tasks;
    private final RegistryService registry;
    private final ParkflowProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    ApplicationWorkflow(ApplicationService applications, ApplicationRepository rows,
            EventRepository events, Objections objections, EvidenceDocuments documents,
            Processes processes, Tasks tasks, RegistryService registry, ParkflowProperties properties, ObjectMapper json, Clock clock) {
        this.applications = applications;
        this.rows = rows;
        this.events = events;
        this.objections = objections;
        this.documents = documents;
        this.processes = processes;
        this.tasks = tasks;
        this.registry = registry;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** What {@code POST /submit} answers. */
    public record Submitted(long id, ApplicationStatus status, String processInstanceId) {}

    /**
     * Submits a draft (starting exactly one certification process) or a corrected application
     * (returning it to the reviewer who asked for the correction). Refuses with 422 while a required
     * document type is missing, 409 when already submitted or when the operator has another open
     * application for the same carrier and kind, 503 when the object store cannot confirm the evidence.
     */
    @Transactional
    public Submitted submit(long id, Caller caller) {
        ApplicationRow row = applications.editableRow(id, caller);
        Set<DocumentType> present = documents.typesPresent(DocumentSubject.APPLICATION, id);
        List<DocumentType> missing = properties.documents().requiredFor(row.kind).stream().filter(t -> !present.contains(t)).toList();
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
            String correction = tasks.open(CertificationProcess.KEY, String.valueOf(id), CertificationProcess.SUPPLEMENT_TASK)
                    .orElseThrow(() -> new IllegalStateException("no correction task open for application " + id));
            tasks.completeAs(correction, caller.userId(), null, Map.of());
            return new Submitted(id, ApplicationStatus.SUBMITTED, row.processInstanceId);
        }
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
        row.processInstanceId = processes.start(CertificationProcess.KEY, String.valueOf(id), startVariables(row));
        rows.save(row);
        return new Submitted(id, ApplicationStatus.SUBMITTED, row.processInstanceId);
    }

    private Map<String, Object> startVariables(ApplicationRow row) {
        Map<String, Object> v = new HashMap<>(displayVariables(row));
        v.put(CertificationProcess.APPLICATION_ID, row.id);
        v.put(CertificationProcess.APPLICANT, row.ownerId);
        v.put(CertificationProcess.CITY_GROUP, City.ofCode(row.city).reviewerGroup());
        v.put("city", row.city);
        v.put("kind", row.kind.name());
        v.put("level", row.level.name());
        v.put(CertificationProcess.RETURNED_BY, "NONE");
        v.put(CertificationProcess.CORRECTION_PERIOD, properties.correctionPeriod().toString());
        v.put(CertificationProcess.PUBLICATION_PERIOD, properties.publicationPeriod().toString());
        v.put(CertificationProcess.PUBLICATION_SUBJECT, CertificationProcess.subject(row.id));
        return v;
    }

    /** Values the Tasklist forms show. */
    public Map<String, Object> displayVariables(long id) {
        return displayVariables(row(id));
    }

    private Map<String, Object> displayVariables(ApplicationRow row) {
        City city = City.ofCode(row.city);
        Map<String, Object> v = new HashMap<>();
        v.put("carrierName", row.carrierName);
        v.put("operatorName", row.operatorName);
        v.put("creditCode", row.creditCode);
        v.put("kindLabel", row.kind.label());
        v.put("levelLabel", row.level.label());
        v.put("cityName", city.label());
        v.put("address", row.address);
        v.put("industriesText", industries(row).stream().map(Industry::label).collect(Collectors.joining("、")));
        return v;
    }

    /**
     * What reviewers read in their Tasklist forms, as markdown: key indicators, the eligibility
     * result, the earlier steps with their comments, and links to each document (served through the
     * access-checked document endpoint).
     */
    @Transactional(readOnly = true)
    public Map<String, Object> reviewVariables(long id, boolean forOperator) {
        ApplicationRow row = row(id);
        ApplicationView view = applications.view(row, forOperator);
        Map<String, Object> v = new HashMap<>(displayVariables(row));
        v.put("indicatorsMarkdown", FormText.indicatorTable(view.indicators()));
        StringBuilder history = new StringBuilder();
        view.timeline().stream().filter(t -> !"DOCUMENT_UPLOADED".equals(t.action())).forEach(t -> history.append("- ")
                .append(HISTORY_TIME.format(t.at().atZone(clock.getZone()))).append(" ").append(markdown(t.actor())).append("：")
                .append(markdown(t.comment() == null ? t.action() : t.comment())).append("\n"));
        v.put("historyMarkdown", history.toString());
        StringBuilder docs = new StringBuilder();
        view.documents().forEach(d -> docs.append("- [").append(d.typeLabel()).append("：").append(markdown(d.fileName()))
                .append("](/api/applications/").append(id).append("/documents/").append(d.id()).append(")\n"));
        v.put("documentsMarkdown", docs.isEmpty() ? "（无材料）" : docs.toString());
        if (view.eligibility() != null) {
            v.put(CertificationProcess.ELIGIBLE, view.eligibility().eligible());
        }
        return v;
    }

    // --- the process's view of an application ---

    /** What the process needs to know of an application. */
    public record Facts(long id, CarrierKind kind, cn.parkflow.registry.Level level, City city, String creditCode,
            String ownerId, LocalDate filingDate, Map<String, Object> indicators) {}

    @Transactional(readOnly = true)
    public Facts facts(long id) {
        ApplicationRow row = row(id);
        return new Facts(row.id, row.kind, row.level, City.ofCode(row.city), row.creditCode, row.ownerId,
                LocalDate.ofInstant(row.submittedAt == null ? clock.instant() : row.submittedAt, clock.getZone()),
                applications.view(row).indicators());
    }

    @Transactional
    public void recordEligibility(long id, EligibilityResult result) {
        ApplicationRow row = row(id);
        row.ruleSet = result.ruleSet();
        row.eligible = result.eligible();
        row.failedCriteria = write(result.failedCriteria());
        row.updatedAt = clock.instant();
        rows.save(row);
        event(id, "system", result.eligible() ? "ELIGIBLE" : "NOT_ELIGIBLE", result.summary());
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

    @Transactional
    public void assignExperts(long id, List<String> experts) {
        ApplicationRow row = row(id);
        row.experts = String.join(",", experts);
        rows.save(row);
        event(id, "system", "EXPERTS_ASSIGNED", "评审专家：" + String.join("、", experts));
    }

    @Transactional
    public Instant openPublication(long id, Duration period) {
        ApplicationRow row = row(id);
        row.status = ApplicationStatus.PUBLICATION;
        row.publicationEnd = clock.instant().plus(period);
        row.updatedAt = clock.instant();
        rows.save(row);
        event(id, "system", "PUBLICATION_OPENED", "公示至 " + row.publicationEnd.atZone(clock.getZone()).toLocalDate());
        return row.publicationEnd;
    }

    @Transactional
    public void closePublication(long id, boolean upheld) {
        ApplicationRow row = row(id);
        row.publicationEnd = row.publicationEnd == null || row.publicationEnd.isAfter(clock.instant()) ? clock.instant() : row.publicationEnd;
        rows.save(row);
        event(id, "system", "PUBLICATION_CLOSED", upheld ? "公示期内异议成立，公示终止" : "公示期满，无成立的异议");
    }

    /**
     * Reads every stored document back and compares its SHA-256 with the one recorded at upload:
     * nothing is certified on evidence that changed or vanished. A store failure throws, so the
     * engine retries and raises an incident.
     */
    @Transactional(readOnly = true)
    public void verifyDocuments(long id) {
        documents.verify(DocumentSubject.APPLICATION, id);
    }

    /** Writes the certification into the registry and ends the application CERTIFIED, in one transaction. */
    @Transactional
    public RegistryService.Certified certify(long id) {
        ApplicationRow row = row(id);
        LocalDate today = LocalDate.now(clock);
        RegistryService.Certified certified = registry.certify(new Certify(CreditCode.of(row.creditCode), row.operatorName,
                row.carrierName, row.kind, row.level, City.ofCode(row.city), row.address, Set.copyOf(industries(row)),
                row.ruleSet == null ? "UNKNOWN" : row.ruleSet, today, null, row.id), "system");
        row.status = ApplicationStatus.CERTIFIED;
        row.certificationNumber = certified.number();
        row.carrierId = certified.carrierId();
        row.openKey = null;
        row.updatedAt = clock.instant();
        rows.save(row);
        event(id, "system", "CERTIFIED", "认定通过，编号 " + certified.number() + "，已写入载体名录");
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
    }

    // --- objections ---

    public record ObjectionReceipt(long id, long applicationId, Instant receivedAt) {}

    /** Accepts a written objection with the objector's real name and contact, during publication only. */
    @Transactional
    public ObjectionReceipt object(long id, Objections.Filed objection) {
        ApplicationRow row = rows.findById(id).orElseThrow(() -> ApiException.notFound("公示项目"));
        Instant now = clock.instant();
        if (row.status != ApplicationStatus.PUBLICATION || row.publicationEnd == null || !now.isBefore(row.publicationEnd)) {
            throw ApiException.conflict("该申报不在公示期内，异议不予受理");
        }
        Objections.Objection saved = objections.receive(CertificationProcess.subject(id), id,
                objection);
        event(id, "public", "OBJECTION_RECEIVED", "收到异议（异议人：" + objection.objectorName() + "）");
        return new ObjectionReceipt(saved.id(), id, saved.receivedAt());
    }

    @Transactional
    public void objectionDecided(Objections.Objection o) {
        event(o.itemId(), o.decidedBy(), o.upheld() ? "OBJECTION_UPHELD" : "OBJECTION_DISMISSED", o.reply());
    }

    /** An application under publication, as the public list shows it. */
    public record PublicationEntry(long applicationId, String carrierName, String operatorName, CarrierKind kind,
            String kindLabel, cn.parkflow.registry.Level level, String levelLabel, City city, String cityName,
            String address, Instant publicationEnd) {}

    @Transactional(readOnly = true)
    public List<PublicationEntry> publications() {
        Instant now = clock.instant();
        return rows.findByStatusOrderByPublicationEndAsc(ApplicationStatus.PUBLICATION).stream()
                .filter(r -> r.publicationEnd != null && r.publicationEnd.isAfter(now))
                .map(r -> {
                    City city = City.ofCode(r.city);
                    return new PublicationEntry(r.id, r.carrierName, r.operatorName, r.kind, r.kind.label(), r.level,
                            r.level.label(), city, city.label(), r.address, r.publicationEnd);
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
