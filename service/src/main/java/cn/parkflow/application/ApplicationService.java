package cn.parkflow.application;

import cn.parkflow.document.DocumentResponses;
import cn.parkflow.document.DocumentSubject;
import cn.parkflow.document.Evidence;
import cn.parkflow.document.EvidenceDocuments;
import cn.parkflow.document.DocumentType;
import cn.parkflow.identity.Caller;
import cn.parkflow.identity.Roles;
import cn.parkflow.identity.UserDirectory;
import cn.parkflow.registry.City;
import cn.parkflow.registry.Industry;
import cn.parkflow.registry.PageResult;
import cn.parkflow.system.ApiException;
import cn.parkflow.system.FieldErrors;
import cn.parkflow.tenant.RosterFigures;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications for certification: drafts, corrections, evidence documents and what each caller may
 * see. An operator sees its own applications (by account or by its operator's credit code); a city
 * reviewer sees its city's submitted applications; the province sees every submitted one.
 */
@Service
public class ApplicationService {

    private final ApplicationRepository applications;
    private final EventRepository events;
    private final ExpertReviewRepository reviews;
    private final EvidenceDocuments documents;
    private final UserDirectory users;
    private final ObjectMapper json;
    private final Clock clock;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final RosterFigures rosters;

    ApplicationService(ApplicationRepository applications, EventRepository events, ExpertReviewRepository reviews,
            EvidenceDocuments documents, UserDirectory users, ObjectMapper json,
            Clock clock, org.springframework.jdbc.core.JdbcTemplate jdbc, RosterFigures rosters) {
        this.jdbc = jdbc;
        this.rosters = rosters;
        this.applications = applications;
        this.events = events;
        this.reviews = reviews;
        this.documents = documents;
        this.users = users;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public ApplicationView create(ApplicationDraft draft, Caller caller) {
        if (!caller.isApplicant()) {
            throw ApiException.forbidden("只有运营机构账号可以创建申报");
        }
        checkOperator(draft, caller);
        ApplicationRow row = new ApplicationRow();
        row.ownerId = caller.userId();
        row.status = ApplicationStatus.DRAFT;
        row.createdAt = clock.instant();
        apply(row, draft);
        ApplicationRow saved = applications.save(row);
        event(saved.id, caller.userId(), "CREATED", "创建申报草稿");
        return view(saved);
    }

    @Transactional
    public ApplicationView update(long id, ApplicationDraft draft, Caller caller) {
        ApplicationRow row = editable(id, caller);
        checkOperator(draft, caller);
        if (row.status != ApplicationStatus.DRAFT) {
            checkFixedFacts(row, draft);
        }
        String before = content(row);
        apply(row, draft);
        if (!before.equals(content(row))) {
            applications.save(row);
            event(id, caller.userId(), "UPDATED", row.status == ApplicationStatus.CORRECTION_REQUESTED ? "补正申报内容" : "修改申报草稿");
        }
        return view(row);
    }

    /**
     * After the first submission the city that reviews an application, the kind it is judged as and
     * the level it applies for are fixed: a correction answers the reviewers, it does not move the
     * application to another city or rule set (a new filing does).
     */
    private static void checkFixedFacts(ApplicationRow row, ApplicationDraft draft) {
        List<cn.parkflow.system.FieldError> errors = new ArrayList<>();
        if (!row.city.equals(draft.city().code())) {
            errors.add(cn.parkflow.system.FieldError.of("city", "提交后不能变更所在设区市（原为" + City.ofCode(row.city).label() + "）"));
        }
        if (row.kind != draft.kind()) {
            errors.add(cn.parkflow.system.FieldError.of("kind", "提交后不能变更载体类型（原为" + row.kind.label() + "）"));
        }
        if (row.level != draft.level()) {
            errors.add(cn.parkflow.system.FieldError.of("level", "提交后不能变更申报级别（原为" + row.level.label() + "）"));
        }
        if (!row.creditCode.equals(draft.creditCode())) {
            errors.add(cn.parkflow.system.FieldError.of("creditCode", "提交后不能变更运营机构统一社会信用代码"));
        }
        if (!errors.isEmpty()) {
            throw FieldErrors.of(errors);
        }
    }

    /** What a reviewer checks of the application's own fields, to tell whether a correction changed anything. */
    private static String content(ApplicationRow row) {
        return String.join("\u0000", String.valueOf(row.kind), String.valueOf(row.level), row.carrierName, row.operatorName,
                row.creditCode, row.city, row.industries, row.address, row.indicators);
    }

    @Transactional(readOnly = true)
    public ApplicationView get(long id, Caller caller) {
        ApplicationRow row = readable(id, caller);
        return view(row, Timeline.operatorOnly(caller, isOperatorOf(row, caller)));
    }

    /** Uploads evidence to an application the caller may edit; the object is removed again if the row does not commit. */
    @Transactional
    public Evidence addDocument(long id, DocumentType type, String fileName, InputStream content, Caller caller)
            throws IOException {
        ApplicationRow row = type == DocumentType.SITE_CHECK_REPORT || type == DocumentType.MINISTRY_DECISION
                ? reviewerEvidence(id, caller, type) : editable(id, caller);
        Evidence saved = documents.add(DocumentSubject.APPLICATION, row.id, type, fileName, content, caller.userId());
        event(id, caller.userId(), "DOCUMENT_UPLOADED", type.label() + "：" + saved.fileName());
        return saved;
    }

    /** A document of an application the caller may read, with what is needed to serve it. */
    @Transactional(readOnly = true)
    public DocumentResponses.Access document(long id, long documentId, Caller caller) {
        ApplicationRow row = readable(id, caller);
        return documents.access(DocumentSubject.APPLICATION, row.id, documentId);
    }

    /**
     * The application's figures against the carrier's latest roster up to its filing year, for its operator and its
     * reviewers (not its experts: tenant data stays with the operator, its city and the province). Empty when the carrier
     * is not in the registry or has filed no roster.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<RosterFigures.Check> rosterCheck(long id, Caller caller) {
        ApplicationRow row = readable(id, caller);
        if (!isOperatorOf(row, caller) && !caller.isProvince() && !caller.isAdmin()
                && caller.reviewedCities().stream().noneMatch(c -> c.code().equals(row.city))) {
            throw ApiException.forbidden("在孵企业名单核对仅供运营机构、所在设区市科技局和省科技厅查看");
        }
        return rosterCheck(row);
    }

    java.util.Optional<RosterFigures.Check> rosterCheck(ApplicationRow row) {
        int year = (row.submittedAt == null ? clock.instant() : row.submittedAt).atZone(clock.getZone()).getYear();
        return rosters.carrierOf(row.creditCode, row.kind, row.carrierName).flatMap(carrier -> rosters.latest(carrier, year))
                .map(figures -> RosterFigures.compare(figures, view(row).indicators()));
    }

    // --- access ---

    ApplicationRow readable(long id, Caller caller) {
        ApplicationRow row = applications.findById(id).orElseThrow(() -> ApiException.notFound("申报"));
        if (!mayRead(row, caller)) {
            throw ApiException.notFound("申报");
        }
        return row;
    }

    ApplicationRow editableRow(long id, Caller caller) {
        return editable(id, caller);
    }

    /**
     * A reviewer's own evidence on an application, added at one stage only: the city's site check report while the
     * site check is open (its city's reviewers), the ministry's decision file while a national application is
     * recommended (the province's reviewers). Anyone else gets 403, another stage 409.
     */
    private ApplicationRow reviewerEvidence(long id, Caller caller, DocumentType type) {
        ApplicationRow row = readable(id, caller);
        boolean siteCheck = type == DocumentType.SITE_CHECK_REPORT;
        boolean allowed = siteCheck ? caller.reviewedCities().stream().anyMatch(c -> c.code().equals(row.city)) : caller.in(Roles.PROVINCE_REVIEWER);
        if (!allowed) {
            throw ApiException.forbidden(siteCheck ? "现场核查报告及照片由申报所在设区市科技局在现场核查时上传"
                    : "国家认定批复文件由省科技厅在记录国家认定结果时上传");
        }
        ApplicationStatus stage = siteCheck ? ApplicationStatus.SITE_CHECK : ApplicationStatus.RECOMMENDED;
        if (row.status != stage) {
            throw ApiException.conflict("申报当前状态为“" + row.status.label() + "”，" + type.label() + "只能在“" + stage.label() + "”阶段上传")
                    .with("applicationStatus", row.status);
        }
        return row;
    }

    private ApplicationRow editable(long id, Caller caller) {
        ApplicationRow row = readable(id, caller);
        if (!isOperatorOf(row, caller)) {
            throw ApiException.forbidden("只有申报的运营机构可以修改申报");
        }
        if (!row.status.editable()) {
            throw ApiException.conflict("申报当前状态为“" + row.status.label() + "”，不能修改").with("applicationStatus", row.status);
        }
        return row;
    }

    boolean mayRead(ApplicationRow row, Caller caller) {
        if (caller.isAdmin() || isOperatorOf(row, caller)) {
            return true;
        }
        if (row.status == ApplicationStatus.DRAFT) {
            return false;
        }
        if (caller.in(Roles.EXPERT) && (members(row.experts).contains(caller.userId())
                || members(row.cityExperts).contains(caller.userId()))) {
            return true;
        }
        return caller.isProvince() || caller.reviewedCities().stream().anyMatch(c -> c.code().equals(row.city));
    }

    /** The members of a panel column (comma-separated user ids). */
    static List<String> members(String panel) {
        return panel == null || panel.isEmpty() ? List.of() : List.of(panel.split(","));
    }

    private boolean isOperatorOf(ApplicationRow row, Caller caller) {
        if (!caller.isApplicant()) {
            return false;
        }
        return row.ownerId.equals(caller.userId())
                || users.operatorCreditCode(caller.userId()).map(code -> code.equals(row.creditCode)).orElse(false);
    }

    /**
     * An operator account files only for its own operator: the account must be bound to an
     * operator's credit code (403 while it is not), and the draft's credit code must be that one.
     */
    private void checkOperator(ApplicationDraft draft, Caller caller) {
        String registration = users.registrationStatus(caller.userId()).orElse("ACTIVE");
        if (registration.equals("PENDING")) {
            throw ApiException.forbidden("账号待审核：所在设区市科技局核实营业执照并批准注册后方可申报").with("registrationStatus", registration);
        }
        if (registration.equals("REJECTED")) {
            throw ApiException.forbidden("账号注册未通过审核，不能申报").with("registrationStatus", registration);
        }
        String code = users.operatorCreditCode(caller.userId()).orElseThrow(() ->
                ApiException.forbidden("当前账号尚未绑定运营机构（统一社会信用代码），不能申报；请联系所在设区市科技局核实账号"));
        if (!code.equals(draft.creditCode())) {
            throw FieldErrors.single("creditCode", "统一社会信用代码与当前账号所属运营机构（" + code + "）不一致");
        }
    }

    // --- mapping ---

    private void apply(ApplicationRow row, ApplicationDraft draft) {
        row.kind = draft.kind();
        row.level = draft.level();
        row.carrierName = draft.carrierName();
        row.operatorName = draft.operatorName();
        row.creditCode = draft.creditCode();
        row.city = draft.city().code();
        row.industries = draft.industries().stream().distinct().map(Enum::name).collect(Collectors.joining(","));
        row.address = draft.address();
        try {
            row.indicators = json.writeValueAsString(new LinkedHashMap<>(draft.indicators()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        row.updatedAt = clock.instant();
    }

    private void event(long applicationId, String actor, String action, String comment) {
        events.save(new EventRow(null, applicationId, clock.instant(), actor, action, comment));
    }

    ApplicationView view(ApplicationRow row) {
        return view(row, false);
    }

    /** The application as its reader may see it: for the operator, the timeline without what is not meant for it. */
    ApplicationView view(ApplicationRow row, boolean forOperator) {
        Map<String, Object> indicators;
        try {
            indicators = json.readValue(row.indicators, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored indicators of application " + row.id + " are not JSON", e);
        }
        City city = City.ofCode(row.city);
        List<Industry> industries = row.industries.isEmpty() ? List.of()
                : Arrays.stream(row.industries.split(",")).map(Industry::valueOf).toList();
        List<String> failed = List.of();
        if (row.failedCriteria != null) {
            try {
                failed = json.readValue(row.failedCriteria, new TypeReference<List<String>>() {});
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        ApplicationView.Eligibility eligibility = row.eligible == null ? null
                : new ApplicationView.Eligibility(row.eligible, row.ruleSet, row.ruleTable, failed);
        return new ApplicationView(row.id, row.status, row.status.label(), row.status.label(), row.kind, row.level, row.carrierName,
                row.operatorName, row.creditCode, city, city.label(), industries, row.address, indicators,
                eligibility, row.publicationEnd, row.certificationNumber, row.carrierId,
                row.processInstanceId, row.createdAt, row.updatedAt, row.submittedAt,
                documents.list(DocumentSubject.APPLICATION, row.id).stream()
                        .filter(d -> !forOperator || d.type() != DocumentType.SITE_CHECK_REPORT).toList(),
                events.findByApplicationIdOrderByAtAscIdAsc(row.id).stream()
                        .map(e -> new ApplicationView.TimelineEntry(e.at(), e.actor(), e.action(), e.comment()))
                        .map(e -> forOperator ? Timeline.forOperator(e) : e)
                        .filter(java.util.Objects::nonNull)
                        .toList(),
                forOperator ? List.of() : ExpertSummary.of(reviews.findByApplicationIdOrderByReviewedAtAscIdAsc(row.id).stream()
                        .map(r -> new ExpertSummary.Review(r.panel(), r.expert(), r.score(), r.opinion())).toList()),
                forOperator ? List.of() : jdbc.query("SELECT check_date, inspectors, findings, passed, recorded_by, recorded_at"
                        + " FROM site_check WHERE application_id = ? ORDER BY recorded_at, id", (rs, n) -> new ApplicationView.SiteCheck(
                                rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                                rs.getTimestamp(6).toInstant()), row.id),
                row.level != cn.parkflow.registry.Level.NATIONAL ? null : new ApplicationView.National(
                        row.nationalGrade == null ? null : cn.parkflow.registry.NationalGrade.valueOf(row.nationalGrade), row.recommendedAt,
                        row.ministryApproved, row.ministryDocument, row.ministryDecidedOn));
    }
}
