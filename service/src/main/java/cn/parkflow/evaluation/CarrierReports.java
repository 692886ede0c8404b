package cn.parkflow.evaluation;

import static cn.parkflow.registry.FormText.markdown;

import cn.parkflow.workflow.Processes;
import cn.parkflow.workflow.Tasks;
import cn.parkflow.identity.Caller;
import cn.parkflow.identity.Roles;
import cn.parkflow.identity.UserDirectory;
import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.City;
import cn.parkflow.registry.Indicator;
import cn.parkflow.registry.CarrierBrief;
import cn.parkflow.registry.RegistryReader;
import cn.parkflow.registry.RegistryService;
import cn.parkflow.system.ApiException;
import cn.parkflow.system.FieldErrors;
import cn.parkflow.tenant.RosterFigures;
import cn.parkflow.registry.FormText;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One carrier's year: its annual report (imported, or filed by its operator in Tasklist or the portal), the
 * operator accounts that file it, and its provisional rating from the DMN tables. Every method the process
 * calls runs inside the engine's transaction.
 */
@Service
public class CarrierReports {

    private static final Logger log = LoggerFactory.getLogger(CarrierReports.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final AnnualRating rating;
    private final RegistryReader carriers;
    private final UserDirectory users;
    private final Tasks workflow;
    private final ObjectMapper json;
    private final Clock clock;
    private final RosterFigures rosters;

    CarrierReports(NamedParameterJdbcTemplate jdbc, AnnualRating rating, RegistryReader carriers, UserDirectory users, Tasks workflow,
            ObjectMapper json, Clock clock, RosterFigures rosters) {
        this.jdbc = jdbc;
        this.rosters = rosters;
        this.rating = rating;
        this.carriers = carriers;
        this.users = users;
        this.workflow = workflow;
        this.json = json;
        this.clock = clock;
    }

    record CarrierFacts(long id, String name, CarrierKind kind, String city, String creditCode) {}

    CarrierFacts carrier(long id) {
        CarrierBrief b = carriers.brief(id);
        return new CarrierFacts(b.id(), b.name(), b.kind(), b.city().code(), b.creditCode());
    }

    Optional<Map<String, Object>> report(long carrierId, int year) {
        List<String> found = jdbc.queryForList("SELECT indicators FROM annual_report WHERE carrier_id = :c AND report_year = :y",
                Map.of("c", carrierId, "y", year), String.class);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(found.get(0), new TypeReference<LinkedHashMap<String, Object>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operator accounts that file the carrier's report (Camunda users with its credit code). */
    List<String> operatorUsers(long carrierId) {
        return users.operatorAccounts(carrier(carrierId).creditCode());
    }

    /** What the operator's report form shows. */
    Map<String, Object> reportView(long carrierId, int year) {
        CarrierFacts c = carrier(carrierId);
        Map<String, Object> v = new HashMap<>();
        v.put("carrierName", c.name());
        v.put("kindLabel", c.kind().label());
        v.put("cityName", City.ofCode(c.city()).label());
        v.put("yearText", year + "年度");
        return v;
    }

    /** The operator files its report through its task. */
    @Transactional
    public void fileReport(long carrierId, int year, Map<String, Object> indicators, String narrative, String actor) {
        for (String key : ReportColumns.RATED) {
            Object value = indicators.get(key);
            Indicator indicator = Indicator.valueOf(key);
            if (value == null) {
                throw new IllegalArgumentException("请填写" + indicator.label() + "（" + key + "）");
            }
            String problem = indicator.problem(value);
            if (problem != null) {
                throw new IllegalArgumentException(problem + "（" + key + "）");
            }
        }
        String text;
        try {
            text = json.writeValueAsString(indicators);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.update("INSERT INTO annual_report (carrier_id, report_year, indicators, source, narrative, filed_by, filed_at) "
                + "VALUES (:c, :y, :i, 'OPERATOR', :n, :a, :t)", new MapSqlParameterSource().addValue("c", carrierId).addValue("y", year)
                .addValue("i", text).addValue("n", narrative).addValue("a", actor).addValue("t", Timestamp.from(clock.instant())));
    }

    /** An operator's open annual report, as the portal lists it. */
    public record ReportTask(String taskId, long carrierId, String carrierName, int year, Instant due, List<String> indicators) {}

    /** The caller's open annual reports (the AnnualReportTasks it is a candidate for). */
    @Transactional(readOnly = true)
    public List<ReportTask> reportTasks(Caller caller) {
        List<ReportTask> out = new ArrayList<>();
        for (Tasks.OpenTask task : workflow.candidateTasks(EvaluationProcess.CARRIER_KEY, EvaluationProcess.ANNUAL_REPORT_TASK,
                caller.userId(), List.of(EvaluationProcess.CARRIER_ID, EvaluationProcess.YEAR, "carrierName"))) {
            Map<String, Object> v = task.variables();
            out.add(new ReportTask(task.id(), ((Number) v.get(EvaluationProcess.CARRIER_ID)).longValue(), (String) v.get("carrierName"),
                    ((Number) v.get(EvaluationProcess.YEAR)).intValue(), task.due(), ReportColumns.RATED));
        }
        return out;
    }

    /**
     * The operator files its report from the portal: every rated indicator checked first (a 400 with
     * a field error each), then its task completed as the caller, so Camunda's authorization applies.
     */
    public void fileReportTask(String taskId, Map<String, Object> indicators, String narrative, Caller caller) {
        ReportTask task = reportTasks(caller).stream().filter(t -> t.taskId().equals(taskId)).findFirst()
                .filter(t -> workflow.isOpen(t.taskId())) // completed meanwhile
                .orElseThrow(() -> ApiException.notFound("年度报告任务 " + taskId));
        List<cn.parkflow.system.FieldError> errors = new ArrayList<>();
        Map<String, Object> answers = new LinkedHashMap<>();
        for (String key : ReportColumns.RATED) {
            Object value = indicators == null ? null : indicators.get(key);
            Indicator indicator = Indicator.valueOf(key);
            String problem = value == null ? "请填写" + indicator.label() : indicator.problem(value);
            if (problem != null) {
                errors.add(cn.parkflow.system.FieldError.of("indicators." + key, problem));
            }
            answers.put(key, value);
        }
        if (narrative != null && narrative.length() > 4000) {
            errors.add(cn.parkflow.system.FieldError.of("narrative", "自评报告最长4000字"));
        }
        if (!errors.isEmpty()) {
            throw FieldErrors.of(errors);
        }
        answers.put(EvaluationProcess.NARRATIVE, narrative == null ? "" : narrative.strip());
        workflow.completeAs(task.taskId(), caller.userId(), List.copyOf(caller.groups()), answers);
    }

    /** Imported figures stand in for the operator's own report: its open task is completed. */
    void reportImported(long carrierId, int year) {
        for (String task : workflow.openAll(EvaluationProcess.CARRIER_KEY, EvaluationProcess.carrierBusinessKey(year, carrierId),
                EvaluationProcess.ANNUAL_REPORT_TASK)) {
            workflow.complete(task, Map.of(EvaluationProcess.REPORT_IMPORTED, true));
        }
    }

    /**
     * Rates a carrier from its report (none: D); a provisional result the city confirms. Where the carrier filed a roster
     * of the year, the figures it proves replace the reported ones (the result keeps the roster's year and the reported
     * figures that differ). Idempotent.
     */
    @Transactional
    public void rate(long carrierId, int year) {
        CarrierFacts c = carrier(carrierId);
        Optional<Map<String, Object>> report = report(carrierId, year);
        Optional<RosterFigures.Figures> roster = report.isPresent() ? rosters.of(carrierId, year) : Optional.empty();
        AnnualRating.Rated rated = rating.rate(c.kind(), report.map(r -> roster.map(f -> RosterFigures.substitute(r, f)).orElse(r)).orElse(null));
        String differences = roster.map(f -> RosterFigures.compare(f, report.get()).differences().stream()
                .filter(RosterFigures.Difference::differs)
                .map(d -> d.label() + " 报告" + RosterFigures.plainText(d.declared()) + "/名单" + RosterFigures.plainText(d.roster()))
                .collect(java.util.stream.Collectors.joining("；"))).filter(text -> !text.isEmpty()).orElse(null);
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("c", carrierId).addValue("y", year).addValue("city", c.city())
                .addValue("score", rated.score()).addValue("r", rated.rating().name()).addValue("reported", report.isPresent())
                .addValue("t", Timestamp.from(clock.instant())).addValue("ry", roster.map(RosterFigures.Figures::year).orElse(null))
                .addValue("rd", differences == null ? null : differences.length() > 500 ? differences.substring(0, 499) + "…" : differences);
        try {
            jdbc.update("INSERT INTO evaluation_result (carrier_id, eval_year, city, score, rating, proposed, reported, rated_at, roster_year, "
                    + "roster_differences) VALUES (:c, :y, :city, :score, :r, :r, :reported, :t, :ry, :rd)", p);
        } catch (DuplicateKeyException retried) {
            log.info("carrier {} already rated for {}", carrierId, year);
        }
    }
}
