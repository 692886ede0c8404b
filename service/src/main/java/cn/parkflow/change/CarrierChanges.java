package cn.parkflow.change;

import cn.parkflow.application.ApplicationStages;
import cn.parkflow.certification.EligibilityResult;
import cn.parkflow.certification.EligibilityService;
import cn.parkflow.document.DocumentResponses;
import cn.parkflow.document.DocumentSubject;
import cn.parkflow.document.DocumentType;
import cn.parkflow.document.Evidence;
import cn.parkflow.document.EvidenceDocuments;
import cn.parkflow.identity.Caller;
import cn.parkflow.identity.CarrierAccess;
import cn.parkflow.registry.CarrierDetails;
import cn.parkflow.registry.CarrierStatus;
import cn.parkflow.registry.CreditCode;
import cn.parkflow.registry.RegistryReader;
import cn.parkflow.registry.RegistryService;
import cn.parkflow.system.ApiException;
import cn.parkflow.system.FieldError;
import cn.parkflow.system.FieldErrors;
import cn.parkflow.system.ParkflowProperties;
import cn.parkflow.system.WorkingCalendar;
import cn.parkflow.workflow.Processes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Change reports (变更备案) of certified carriers: the operator files one with the date the change took effect and its
 * evidence; the city checks it, the province confirms it, and the registry takes the new values. A report later than
 * {@code parkflow.change-report-period} (P3M) after the change is accepted and flagged late. An area that no longer meets
 * the carrier's rule set puts it on warning. Who sees a report: its operator, the carrier's city, the province.
 */
@Service
public class CarrierChanges {

    /** What the operator files (multipart fields); only the fields of its type are read. */
    public record ChangeForm(String type, String effectiveDate, String carrierName, String operatorName, String operatorCreditCode,
            String incubationArea, String address, String reason) {}

    /** A change report as its readers see it. */
    public record ChangeView(long id, long carrierId, ChangeType type, String typeLabel, LocalDate effectiveDate,
            Map<String, Object> oldValues, Map<String, Object> newValues, String reason, String reportedBy, Instant reportedAt,
            LocalDate reportDeadline, boolean late, ChangeStatus status, String statusLabel, String outcome, Instant decidedAt,
            List<Evidence> documents) {}

    private final JdbcTemplate jdbc;
    private final RegistryReader registry;
    private final RegistryService registryWrites;
    private final EvidenceDocuments documents;
    private final CarrierAccess access;
    private final ApplicationStages applications;
    private final EligibilityService eligibility;
    private final Processes processes;
    private final ObjectMapper json;
    private final Clock clock;
    private final java.time.Period reportPeriod;

    CarrierChanges(JdbcTemplate jdbc, RegistryReader registry, RegistryService registryWrites, EvidenceDocuments documents,
            CarrierAccess access, ApplicationStages applications, EligibilityService eligibility, Processes processes, ObjectMapper json,
            Clock clock, ParkflowProperties properties) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.registryWrites = registryWrites;
        this.documents = documents;
        this.access = access;
        this.applications = applications;
        this.eligibility = eligibility;
        this.processes = processes;
        this.json = json;
        this.clock = clock;
        this.reportPeriod = properties.changeReportPeriod();
    }

    // --- filing ---

    /**
     * Files a change report with its evidence and starts its review: 400 with every invalid field, 403 unless the caller
     * is the carrier's operator, 409 when the carrier is revoked or already has a report under review. Nothing is kept
     * on refusal (the stored evidence is removed with the transaction).
     */
    @Transactional
    public ChangeView file(long carrierId, ChangeForm form, List<MultipartFile> evidence, Caller caller) throws IOException {
        CarrierDetails carrier = registry.find(carrierId).orElseThrow(() -> ApiException.notFound("载体"));
        if (!isOperator(carrier, caller)) {
            throw ApiException.forbidden("只有该载体的运营机构可以报送变更备案");
        }
        if (carrier.carrier().status() == CarrierStatus.REVOKED || carrier.carrier().status() == CarrierStatus.EXPIRED) {
            throw ApiException.conflict("该载体认定已" + carrier.carrier().status().label() + "，不能报送变更").with("carrierStatus",
                    carrier.carrier().status());
        }
        Checked checked = check(carrier, form, evidence);
        Integer open = jdbc.queryForObject("SELECT COUNT(*) FROM carrier_change WHERE carrier_id = ? AND status IN ('CITY_CHECK',"
                + " 'PROVINCE_CONFIRM', 'REVOCATION')", Integer.class, carrierId);
        if (open != null && open > 0) {
            throw ApiException.conflict("该载体已有一项变更备案在审核中，请待其办结后再报送");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingCalendar.ZONE);
        LocalDate deadline = checked.effectiveDate().plus(reportPeriod);
        boolean late = today.isAfter(deadline);
        Instant now = clock.instant();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO carrier_change (carrier_id, type, effective_date, old_values, new_values, reason,"
                    + " reported_by, reported_at, late, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setLong(1, carrierId);
            ps.setString(2, checked.type().name());
            ps.setDate(3, java.sql.Date.valueOf(checked.effectiveDate()));
            ps.setString(4, write(checked.oldValues()));
            ps.setString(5, write(checked.newValues()));
            ps.setString(6, checked.reason());
            ps.setString(7, caller.userId());
            ps.setTimestamp(8, Timestamp.from(now));
            ps.setBoolean(9, late);
            ps.setString(10, ChangeStatus.CITY_CHECK.name());
            return ps;
        }, key);
        long id = key.getKey().longValue();
        for (MultipartFile file : evidence) {
            try (InputStream in = file.getInputStream()) {
                documents.add(DocumentSubject.CARRIER_CHANGE, id, DocumentType.CHANGE_EVIDENCE, file.getOriginalFilename(), in, caller.userId());
            }
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(ChangeProcess.CHANGE_ID, id);
        variables.put(ChangeProcess.CARRIER_ID, carrierId);
        variables.put(ChangeProcess.CITY_GROUP, carrier.carrier().city().reviewerGroup());
        variables.put("carrierName", carrier.carrier().name());
        variables.put("cityName", carrier.carrier().cityName());
        variables.put("changeTypeLabel", checked.type().label());
        String instance = processes.start(ChangeProcess.KEY, ChangeProcess.businessKey(id), variables);
        jdbc.update("UPDATE carrier_change SET process_instance_id = ? WHERE id = ?", instance, id);
        return view(id);
    }

    private record Checked(ChangeType type, LocalDate effectiveDate, Map<String, Object> oldValues, Map<String, Object> newValues,
            String reason) {}

    /** Every field problem of the form at once, or the checked report. */
    private Checked check(CarrierDetails carrier, ChangeForm form, List<MultipartFile> evidence) {
        List<FieldError> errors = new ArrayList<>();
        ChangeType type = null;
        try {
            type = form.type() == null ? null : ChangeType.valueOf(form.type().strip());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (type == null) {
            errors.add(FieldError.of("type", "变更类型应为 NAME（名称）、OPERATOR（运营主体）、AREA（场地面积）或 SITE（场地地址）之一"));
        }
        LocalDate effective = null;
        try {
            effective = form.effectiveDate() == null || form.effectiveDate().isBlank() ? null : LocalDate.parse(form.effectiveDate().strip());
            if (effective == null) {
                errors.add(FieldError.of("effectiveDate", "请填写变更生效日期"));
            } else if (effective.isAfter(LocalDate.ofInstant(clock.instant(), WorkingCalendar.ZONE))) {
                errors.add(FieldError.of("effectiveDate", "变更生效日期不能晚于今天：变更生效后再报送备案"));
            }
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of("effectiveDate", "日期格式应为 yyyy-MM-dd"));
        }
        String reason = text(form.reason());
        if (reason.isEmpty()) {
            errors.add(FieldError.of("reason", "请说明变更情况"));
        } else if (reason.length() > 2000) {
            errors.add(FieldError.of("reason", "变更说明最长2000字"));
        }
        if (evidence.isEmpty()) {
            errors.add(FieldError.of("evidence", "请上传变更证明材料（如新营业执照、租赁合同、变更批复）"));
        }
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        if (type != null) {
            switch (type) {
                case NAME -> {
                    String name = text(form.carrierName());
                    if (name.isEmpty() || name.length() > 200) {
                        errors.add(FieldError.of("carrierName", "请填写变更后的载体名称（最长200字）"));
                    } else if (name.equals(carrier.carrier().name())) {
                        errors.add(FieldError.of("carrierName", "新名称与现名称相同"));
                    }
                    before.put("carrierName", carrier.carrier().name());
                    after.put("carrierName", name);
                }
                case OPERATOR -> {
                    String name = text(form.operatorName());
                    if (name.isEmpty() || name.length() > 200) {
                        errors.add(FieldError.of("operatorName", "请填写变更后的运营机构名称（最长200字）"));
                    }
                    String code = text(form.operatorCreditCode()).toUpperCase();
                    String problem = CreditCode.problem(code);
                    if (problem != null) {
                        errors.add(FieldError.of("operatorCreditCode", problem));
                    }
                    if (name.equals(carrier.carrier().operatorName()) && code.equals(carrier.carrier().creditCode())) {
                        errors.add(FieldError.of("operatorName", "运营机构与现运营机构相同"));
                    }
                    before.put("operatorName", carrier.carrier().operatorName());
                    before.put("operatorCreditCode", carrier.carrier().creditCode());
                    after.put("operatorName", name);
                    after.put("operatorCreditCode", code);
                }
                case AREA, SITE -> {
                    if (type == ChangeType.SITE) {
                        String address = text(form.address());
                        if (address.isEmpty() || address.length() > 300) {
                            errors.add(FieldError.of("address", "请填写变更后的场地地址（最长300字）"));
                        }
                        before.put("address", carrier.carrier().address());
                        after.put("address", address);
                    }
                    String area = text(form.incubationArea());
                    if (!area.isEmpty() || type == ChangeType.AREA) {
                        BigDecimal value = null;
                        try {
                            value = new BigDecimal(area);
                        } catch (NumberFormatException e) {
                            // reported below
                        }
                        if (value == null || value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(10_000_000)) > 0) {
                            errors.add(FieldError.of("incubationArea", "请填写变更后的孵化场地面积（平方米，大于0且不超过10000000）"));
                        } else {
                            before.put("incubationArea", currentArea(carrier));
                            after.put("incubationArea", value);
                        }
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw FieldErrors.of(errors);
        }
        return new Checked(type, effective, before, after, reason);
    }

    // --- reading ---

    @Transactional(readOnly = true)
    public List<ChangeView> list(long carrierId, Caller caller) {
        CarrierDetails carrier = registry.find(carrierId).orElseThrow(() -> ApiException.notFound("载体"));
        if (!mayRead(carrier, caller)) {
            throw ApiException.forbidden("变更备案仅该载体的运营机构、所在设区市科技局和省科技厅可以查看");
        }
        return jdbc.queryForList("SELECT id FROM carrier_change WHERE carrier_id = ? ORDER BY reported_at, id", Long.class, carrierId)
                .stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public DocumentResponses.Access document(long carrierId, long changeId, long documentId, Caller caller) {
        CarrierDetails carrier = registry.find(carrierId).orElseThrow(() -> ApiException.notFound("载体"));
        if (!mayRead(carrier, caller) || view(changeId).carrierId() != carrierId) {
            throw ApiException.notFound("变更备案");
        }
        return documents.access(DocumentSubject.CARRIER_CHANGE, changeId, documentId);
    }

    @Transactional(readOnly = true)
    public ChangeView view(long id) {
        List<ChangeView> found = jdbc.query("SELECT * FROM carrier_change WHERE id = ?", (rs, n) -> {
            ChangeType type = ChangeType.valueOf(rs.getString("type"));
            ChangeStatus status = ChangeStatus.valueOf(rs.getString("status"));
            LocalDate effective = rs.getDate("effective_date").toLocalDate();
            Timestamp decided = rs.getTimestamp("decided_at");
            return new ChangeView(rs.getLong("id"), rs.getLong("carrier_id"), type, type.label(), effective, read(rs.getString("old_values")),
                    read(rs.getString("new_values")), rs.getString("reason"), rs.getString("reported_by"),
                    rs.getTimestamp("reported_at").toInstant(), effective.plus(reportPeriod), rs.getBoolean("late"), status, status.label(),
                    rs.getString("outcome"), decided == null ? null : decided.toInstant(), documents.list(DocumentSubject.CARRIER_CHANGE, id));
        }, id);
        if (found.isEmpty()) {
            throw ApiException.notFound("变更备案");
        }
        return found.get(0);
    }

    // --- the process's steps ---

    /** The report enters a stage of its review. */
    @Transactional
    public void enter(long id, ChangeStatus status) {
        jdbc.update("UPDATE carrier_change SET status = ? WHERE id = ?", status.name(), id);
    }

    /** The review ends without a change (the city or the province refused it, or the approver did not revoke). */
    @Transactional
    public void reject(long id, String outcome) {
        finish(id, ChangeStatus.REJECTED, outcome);
    }

    /**
     * The province confirmed the report: the registry takes the new values, and an area that no longer meets the rule
     * set the carrier was certified under puts it on warning with that reason.
     */
    @Transactional
    public void confirm(long id, String actor) {
        ChangeView change = view(id);
        Map<String, Object> after = change.newValues();
        String detail = change.typeLabel() + "（生效日期 " + change.effectiveDate() + "，变更备案 #" + id + (change.late() ? "，逾期备案" : "")
                + "）：" + describe(change.oldValues()) + " → " + describe(after);
        registryWrites.applyChange(change.carrierId(), (String) after.get("carrierName"), (String) after.get("operatorName"),
                (String) after.get("operatorCreditCode"), (String) after.get("address"), detail, actor);
        if (after.get("incubationArea") != null) {
            areaWarning(change, new BigDecimal(after.get("incubationArea").toString())).ifPresent(reason ->
                    registryWrites.warn(change.carrierId(), reason, actor));
        }
        finish(id, ChangeStatus.CONFIRMED, "变更已备案，载体名录已更新");
    }

    /** The city found fraud in the report: the operator is barred, the approver decides on revoking the carrier. */
    @Transactional
    public LocalDate fraudFound(long id, String actor, String comment) {
        ChangeView change = view(id);
        CarrierDetails carrier = registry.find(change.carrierId()).orElseThrow();
        return applications.recordChangeFraud(carrier.carrier().creditCode(), id, actor, comment);
    }

    /** The approver revoked the carrier on the city's finding of fraud. */
    @Transactional
    public void revoke(long id, String reason, String actor) {
        ChangeView change = view(id);
        registryWrites.revoke(change.carrierId(), "变更备案 #" + id + " 核查发现弄虚作假，撤销认定：" + reason, actor);
        finish(id, ChangeStatus.REVOKED, "核查发现弄虚作假，撤销认定：" + reason);
    }

    private void finish(long id, ChangeStatus status, String outcome) {
        jdbc.update("UPDATE carrier_change SET status = ?, outcome = ?, decided_at = ? WHERE id = ?", status.name(),
                outcome.length() > 2000 ? outcome.substring(0, 2000) : outcome, Timestamp.from(clock.instant()), id);
    }

    /** What the city's and the province's forms show of the report. */
    @Transactional(readOnly = true)
    public Map<String, Object> formVariables(long id) {
        ChangeView change = view(id);
        Map<String, Object> v = new HashMap<>();
        v.put("changeSummaryMarkdown", "| 项目 | 内容 |\n|---|---|\n| 变更类型 | " + change.typeLabel() + " |\n| 生效日期 | " + change.effectiveDate()
                + " |\n| 变更前 | " + cn.parkflow.registry.FormText.markdown(describe(change.oldValues())) + " |\n| 变更后 | "
                + cn.parkflow.registry.FormText.markdown(describe(change.newValues())) + " |\n| 报送时间 | "
                + change.reportedAt().atZone(WorkingCalendar.ZONE).toLocalDate() + (change.late() ? "（逾期备案：应于 " + change.reportDeadline()
                        + " 前报送）" : "（按期）") + " |\n| 变更说明 | " + cn.parkflow.registry.FormText.markdown(change.reason()) + " |\n");
        StringBuilder docs = new StringBuilder();
        change.documents().forEach(d -> docs.append("- [").append(cn.parkflow.registry.FormText.markdown(d.fileName()))
                .append("](/api/registry/carriers/").append(change.carrierId()).append("/changes/").append(id).append("/documents/")
                .append(d.id()).append(")\n"));
        v.put("changeDocumentsMarkdown", docs.toString());
        v.put("late", change.late());
        return v;
    }

    // --- helpers ---

    /**
     * Why the new area no longer meets the carrier's rule set, if it does not: the rule set's criteria that fail with the
     * new area and did not fail with the old one (the certifying application's other figures unchanged).
     */
    private Optional<String> areaWarning(ChangeView change, BigDecimal area) {
        CarrierDetails carrier = registry.find(change.carrierId()).orElseThrow();
        Optional<CarrierDetails.Certification> certification = current(carrier);
        if (certification.isEmpty()) {
            return Optional.empty();
        }
        CarrierDetails.Certification c = certification.get();
        Map<String, Object> indicators = new HashMap<>(c.applicationId() == null ? Map.of() : applications.view(c.applicationId(), false).indicators());
        Object old = change.oldValues().get("incubationArea");
        List<String> before = failures(c, indicators, old);
        List<String> after = new ArrayList<>(failures(c, indicators, area));
        after.removeAll(before);
        return after.isEmpty() ? Optional.empty() : Optional.of("孵化场地面积变更为 " + area.stripTrailingZeros().toPlainString()
                + " 平方米后不再符合 " + c.ruleSet() + "：" + String.join("；", after) + "（变更备案 #" + change.id() + "）");
    }

    private List<String> failures(CarrierDetails.Certification c, Map<String, Object> indicators, Object area) {
        Map<String, Object> figures = new HashMap<>(indicators);
        figures.put("incubationArea", area == null ? null : new BigDecimal(area.toString()).doubleValue());
        EligibilityResult result = eligibility.evaluate(c.kind(), c.ruleSet(), c.ruleSet(), figures);
        return result.failedCriteria().stream().filter(f -> !f.startsWith("缺少指标")).toList();
    }

    /** The carrier's certification in force: the latest active one. */
    private static Optional<CarrierDetails.Certification> current(CarrierDetails carrier) {
        return carrier.certifications().stream().filter(c -> "ACTIVE".equals(c.status())).reduce((a, b) -> b);
    }

    /** The area on record: the last confirmed change's, else the certifying application's, else unknown. */
    private Object currentArea(CarrierDetails carrier) {
        List<String> confirmed = jdbc.queryForList("SELECT new_values FROM carrier_change WHERE carrier_id = ? AND status = 'CONFIRMED'"
                + " ORDER BY decided_at DESC, id DESC", String.class, carrier.carrier().id());
        for (String values : confirmed) {
            Object area = read(values).get("incubationArea");
            if (area != null) {
                return area;
            }
        }
        return current(carrier).map(CarrierDetails.Certification::applicationId)
                .map(app -> applications.view(app, false).indicators().get("incubationArea")).orElse(null);
    }

    private boolean isOperator(CarrierDetails carrier, Caller caller) {
        return access.isOperator(carrier.carrier().creditCode(), caller);
    }

    private boolean mayRead(CarrierDetails carrier, Caller caller) {
        return access.mayRead(carrier.carrier().creditCode(), carrier.carrier().city(), caller);
    }

    private static String describe(Map<String, Object> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(switch (k) {
            case "carrierName" -> "名称 ";
            case "operatorName" -> "运营机构 ";
            case "operatorCreditCode" -> "统一社会信用代码 ";
            case "incubationArea" -> "孵化场地面积（平方米） ";
            case "address" -> "地址 ";
            default -> k + " ";
        } + (v == null ? "未登记" : v instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : v.toString())));
        return parts.isEmpty() ? "—" : String.join("，", parts);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private String write(Map<String, Object> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String values) {
        try {
            return json.readValue(values, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored change values are not JSON", e);
        }
    }
}
