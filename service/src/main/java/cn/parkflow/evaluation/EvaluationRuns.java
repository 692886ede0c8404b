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
 * The yearly evaluation runs: starting one per year, selecting the carriers due, rating each from
 * its report, the cities' confirmation, the consequences in the registry, and progress. Every
 * method the process calls runs inside the engine's transaction; a refused answer of a reviewer is
 * an {@link IllegalArgumentException} with a Chinese message.
 */
@Service("evaluationRuns")
public class EvaluationRuns {

    private static final Logger log = LoggerFactory.getLogger(EvaluationRuns.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final AnnualRating rating;
    private final RegistryService registry;
    private final RegistryReader carriers;
    private final Processes processes;
    private final UserDirectory users;
    private final Tasks workflow;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration reportPeriod;
    private final int batchSize;

    EvaluationRuns(NamedParameterJdbcTemplate jdbc, AnnualRating rating, RegistryService registry, RegistryReader carriers,
            Processes processes,
            UserDirectory users, Tasks workflow, ObjectMapper json, Clock clock,
            @Value("${parkflow.evaluation.report-period:P30D}") Duration reportPeriod,
            @Value("${parkflow.evaluation.batch-size:100}") int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("parkflow.evaluation.batch-size must be at least 1");
        }
        this.jdbc = jdbc;
        this.rating = rating;
        this.registry = registry;
        this.carriers = carriers;
        this.processes = processes;
        this.users = users;
        this.workflow = workflow;
        this.json = json;
        this.clock = clock;
        this.reportPeriod = reportPeriod;
        this.batchSize = batchSize;
    }

    // --- starting a run ---

    public record Started(int year, String processInstanceId) {}

    /** Starts the run of a year (province-reviewer); a year that has a run already is a 409. */
    @Transactional
    public Started start(int year, Caller caller) {
        if (!caller.in(Roles.PROVINCE_REVIEWER) && !caller.isAdmin()) {
            throw ApiException.forbidden("只有省科技厅审核人员可以发起年度考核");
        }
        if (year < 2000 || year > LocalDate.now(clock).getYear()) {
            throw FieldErrors.single("year", "考核年度应在2000年到今年之间");
        }
        if (!register(year, caller.userId())) {
            throw ApiException.conflict(year + "年度考核已经发起，不能重复发起");
        }
        String id = processes.startByMessage(EvaluationProcess.START_MESSAGE, EvaluationProcess.businessKey(year),
                Map.of(EvaluationProcess.YEAR, year, EvaluationProcess.REPORT_PERIOD, reportPeriod.toString()));
        jdbc.update("UPDATE evaluation_run SET process_instance_id = :pi WHERE eval_year = :year", Map.of("pi", id, "year", year));
        return new Started(year, id);
    }

    /** Registers the run of a year; false when it exists (the timer and the API start each year once). */
    boolean register(int year, String actor) {
        try {
            jdbc.update("INSERT INTO evaluation_run (eval_year, started_by, started_at) VALUES (:year, :actor, :at)",
                    Map.of("year", year, "actor", actor, "at", Timestamp.from(clock.instant())));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The year the scheduled run evaluates: the calendar year before the one it runs in. */
    int scheduledYear() {
        return LocalDate.now(clock).getYear() - 1;
    }

    String reportPeriod() {
        return reportPeriod.toString();
    }

    /** Every certified carrier (active or under warning) certified by the end of the year and not yet rated for it. */
    @Transactional(readOnly = true)
    public List<Long> dueCarriers(int year) {
        return carriers.dueForEvaluation(year);
    }

    // --- one carrier ---

    private record CarrierFacts(long id, String name, CarrierKind kind, String city, String creditCode) {}

    private CarrierFacts carrier(long id) {
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

    /** The carriers of a run in batches of {@code batchSize}, each evaluated by its own batch process instance. */
    List<List<Long>> batches(List<Long> carriers) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < carriers.size(); i += batchSize) {
            out.add(new ArrayList<>(carriers.subList(i, Math.min(carriers.size(), i + batchSize))));
        }
        return out;
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

    /** Rates a carrier from its report (none: D); a provisional result the city confirms. Idempotent. */
    @Transactional
    public void rate(long carrierId, int year) {
        CarrierFacts c = carrier(carrierId);
        Optional<Map<String, Object>> report = report(carrierId, year);
        AnnualRating.Rated rated = rating.rate(c.kind(), report.orElse(null));
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("c", carrierId).addValue("y", year).addValue("city", c.city())
                .addValue("score", rated.score()).addValue("r", rated.rating().name()).addValue("reported", report.isPresent())
                .addValue("t", Timestamp.from(clock.instant()));
        try {
            jdbc.update("INSERT INTO evaluation_result (carrier_id, eval_year, city, score, rating, proposed, reported, rated_at) "
                    + "VALUES (:c, :y, :city, :score, :r, :r, :reported, :t)", p);
        } catch (DuplicateKeyException retried) {
            log.info("carrier {} already rated for {}", carrierId, year);
        }
    }

    // --- city confirmation ---

    @Transactional(readOnly = true)
    public List<String> cities(int year) {
        return jdbc.queryForList("SELECT DISTINCT city FROM evaluation_result WHERE eval_year = :y AND confirmed = FALSE ORDER BY city",
                Map.of("y", year), String.class);
    }

    public String cityGroup(String city) {
        return City.ofCode(city).reviewerGroup();
    }

    private record Result(long carrierId, String name, String rating, BigDecimal score, boolean reported, boolean confirmed) {}

    private List<Result> results(int year, String city) {
        record Row(long carrierId, String rating, BigDecimal score, boolean reported, boolean confirmed) {}
        List<Row> rows = jdbc.query("SELECT carrier_id, rating, score, reported, confirmed FROM evaluation_result"
                + " WHERE eval_year = :y AND city = :city", Map.of("y", year, "city", city),
                (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBoolean(4), rs.getBoolean(5)));
        Map<Long, CarrierBrief> named = carriers.briefs(rows.stream().map(Row::carrierId).toList());
        return rows.stream()
                .map(r -> new Result(r.carrierId(), named.get(r.carrierId()).name(), r.rating(), r.score(), r.reported(), r.confirmed()))
                .sorted(java.util.Comparator.comparing(Result::rating).reversed().thenComparing(Result::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** What the city's confirmation form shows: every carrier with its rating, and the options for changes. */
    @Transactional(readOnly = true)
    public Map<String, Object> cityView(int year, String city) {
        List<Result> results = results(year, city);
        StringBuilder table = new StringBuilder("| 载体 | 得分 | 等级 | 年度报告 |\n|---|---|---|---|\n");
        List<FormText.Option> options = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Rating r : Rating.values()) {
            counts.put(r.name(), 0);
        }
        for (Result r : results) {
            counts.merge(r.rating(), 1, Integer::sum);
            table.append("| ").append(markdown(r.name())).append(" | ").append(r.score() == null ? "—" : r.score().toPlainString())
                    .append(" | ").append(r.rating()).append(" ").append(Rating.valueOf(r.rating()).label()).append(" | ")
                    .append(r.reported() ? "已报送" : "未报送").append(" |\n");
            options.add(new FormText.Option(String.valueOf(r.carrierId()), r.name() + "（" + r.rating() + "）"));
        }
        Map<String, Object> v = new HashMap<>();
        v.put("cityName", City.ofCode(city).label());
        v.put("yearText", year + "年度");
        v.put("carrierCount", results.size());
        v.put("ratingCountsText", "A " + counts.get("A") + " · B " + counts.get("B") + " · C " + counts.get("C") + " · D " + counts.get("D"));
        v.put("resultsMarkdown", FormText.longText(table.toString()));
        v.put("carrierOptions", FormText.options(options));
        return v;
    }

    /** A change of one rating by the city, with its reason. */
    public record Change(long carrierId, Rating rating, String reason) {}

    /** The city confirms its carriers' ratings, changing single ones with a reason each; the registry records them. */
    @Transactional
    public void confirmCity(int year, String city, List<Change> changes, String actor) {
        Map<Long, Result> results = new LinkedHashMap<>();
        results(year, city).forEach(r -> results.put(r.carrierId(), r));
        List<Long> seen = new ArrayList<>();
        for (Change change : changes) {
            if (!results.containsKey(change.carrierId())) {
                throw new IllegalArgumentException("载体 " + change.carrierId() + " 不在本市本年度考核名单中");
            }
            if (seen.contains(change.carrierId())) {
                throw new IllegalArgumentException("载体 " + change.carrierId() + " 调整了两次");
            }
            seen.add(change.carrierId());
            if (change.reason() == null || change.reason().isBlank()) {
                throw new IllegalArgumentException("调整等级须说明理由（" + results.get(change.carrierId()).name() + "）");
            }
        }
        Instant now = clock.instant();
        for (Change change : changes) {
            jdbc.update("UPDATE evaluation_result SET rating = :r, change_reason = :reason WHERE carrier_id = :c AND eval_year = :y",
                    Map.of("r", change.rating().name(), "reason", change.reason().strip(), "c", change.carrierId(), "y", year));
        }
        for (Result r : results(year, city)) {
            if (r.confirmed()) {
                continue;
            }
            jdbc.update("UPDATE evaluation_result SET confirmed = TRUE, confirmed_by = :a, confirmed_at = :t WHERE carrier_id = :c AND eval_year = :y",
                    Map.of("a", actor, "t", Timestamp.from(now), "c", r.carrierId(), "y", year));
            String reason = changes.stream().filter(c -> c.carrierId() == r.carrierId()).map(Change::reason).findFirst().orElse(null);
            String remark = !r.reported() ? "未报送年度报告" : reason == null ? null : "设区市调整：" + reason.strip();
            registry.recordEvaluation(r.carrierId(), year, r.rating(), r.score(), remark, actor);
        }
        log.info("evaluation {}: {} confirmed {} carriers of {} with {} changes", year, actor, results.size(), city, changes.size());
    }

    // --- revocation ---

    /** Carriers failing this year and the year before: the province decides on revocation. */
    @Transactional(readOnly = true)
    public List<String> revocations(int year) {
        List<String> out = new ArrayList<>();
        for (Long id : jdbc.queryForList("SELECT carrier_id FROM evaluation_result WHERE eval_year = :y AND rating = 'D' AND confirmed = TRUE "
                + "ORDER BY carrier_id", Map.of("y", year), Long.class)) {
            if (registry.rating(id, year - 1).filter("D"::equals).isPresent()) {
                out.add(String.valueOf(id));
            }
        }
        return out;
    }

    Map<String, Object> revocationView(long carrierId, int year) {
        CarrierFacts c = carrier(carrierId);
        Map<String, Object> v = new HashMap<>(reportView(carrierId, year));
        v.put("revocationText", "该载体" + (year - 1) + "年度和" + year + "年度考核均为不合格（D），按规定连续两次考核不合格的撤销其资格。");
        v.put("carrierId", c.id());
        return v;
    }

    @Transactional
    public void decideRevocation(long carrierId, int year, boolean revoke, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("请填写审批意见");
        }
        if (revoke) {
            registry.revoke(carrierId, year + "年度连续两次考核不合格，撤销资格：" + reason.strip(), actor);
        } else {
            log.info("evaluation {}: revocation of carrier {} refused by {}", year, carrierId, actor);
        }
    }

    @Transactional
    public void finish(int year) {
        jdbc.update("UPDATE evaluation_run SET finished_at = :t WHERE eval_year = :y", Map.of("t", Timestamp.from(clock.instant()), "y", year));
    }

    // --- results ---

    /** One carrier's result of a year, as exported. */
    public record ResultLine(String cityName, String carrierName, String operatorName, String creditCode, String kindLabel,
            BigDecimal score, String rating, String ratingLabel, String proposed, boolean reported, boolean confirmed, String changeReason) {}

    /** The year's results, for one city or (null) the province; province roles see all, a city reviewer its own city. */
    @Transactional(readOnly = true)
    public List<ResultLine> results(int year, City city, Caller caller) {
        if (!caller.isProvince()) {
            List<City> own = caller.reviewedCities();
            if (own.isEmpty() || city == null || !own.contains(city)) {
                throw ApiException.forbidden("设区市只能导出本市的考核结果");
            }
        }
        MapSqlParameterSource p = new MapSqlParameterSource("y", year);
        String where = "r.eval_year = :y";
        if (city != null) {
            where += " AND r.city = :city";
            p.addValue("city", city.code());
        }
        record Row(String city, long carrierId, BigDecimal score, String rating, String proposed, boolean reported, boolean confirmed,
                String changeReason) {}
        List<Row> rows = jdbc.query("SELECT r.city, r.carrier_id, r.score, r.rating, r.proposed, r.reported, r.confirmed, r.change_reason"
                + " FROM evaluation_result r WHERE " + where, p, (rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3),
                rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7), rs.getString(8)));
        Map<Long, CarrierBrief> named = carriers.briefs(rows.stream().map(Row::carrierId).toList());
        record Sorted(Row row, CarrierBrief carrier) {}
        return rows.stream().map(r -> new Sorted(r, named.get(r.carrierId())))
                .sorted(java.util.Comparator.comparing((Sorted s) -> s.row().city()).thenComparing(s -> s.row().rating())
                        .thenComparing(s -> s.carrier().name(), String.CASE_INSENSITIVE_ORDER))
                .map(s -> new ResultLine(City.ofCode(s.row().city()).label(), s.carrier().name(), s.carrier().operatorName(),
                        s.carrier().creditCode(), s.carrier().kind().label(), s.row().score(), s.row().rating(),
                        Rating.valueOf(s.row().rating()).label(), s.row().proposed(), s.row().reported(), s.row().confirmed(),
                        s.row().changeReason()))
                .toList();
    }

    // --- progress ---

    public record Progress(int year, int total, int rated, int confirmed, Map<String, Integer> byRating, List<CityProgress> cities,
            Instant startedAt, Instant finishedAt) {

        /** The progress of these cities only (a city reviewer's view): their carriers, no province totals. */
        public Progress forCities(List<City> own) {
            List<CityProgress> lines = cities.stream().filter(c -> own.contains(c.city())).toList();
            Map<String, Integer> ratings = new LinkedHashMap<>();
            byRating.keySet().forEach(r -> ratings.put(r, 0));
            lines.forEach(l -> l.byRating().forEach((r, n) -> ratings.merge(r, n, Integer::sum)));
            int rated = lines.stream().mapToInt(CityProgress::rated).sum();
            return new Progress(year, rated, rated, lines.stream().mapToInt(CityProgress::confirmed).sum(), ratings, lines,
                    startedAt, finishedAt);
        }
    }

    public record CityProgress(City city, String cityName, int rated, int confirmed, Map<String, Integer> byRating) {}

    /** The ratings of the last year the cities have confirmed (a run in progress has provisional ratings only). */
    public record Confirmed(Integer year, Map<Rating, Long> byRating) {}

    @Transactional(readOnly = true)
    public Confirmed lastConfirmed() {
        List<Integer> years = jdbc.queryForList("SELECT MAX(eval_year) FROM evaluation_result WHERE confirmed = TRUE", Map.of(), Integer.class);
        Integer year = years.isEmpty() ? null : years.get(0);
        Map<Rating, Long> counts = new java.util.EnumMap<>(Rating.class);
        if (year != null) {
            jdbc.query("SELECT rating, COUNT(*) FROM evaluation_result WHERE eval_year = :y AND confirmed = TRUE GROUP BY rating",
                    Map.of("y", year), rs -> { counts.put(Rating.valueOf(rs.getString(1)), rs.getLong(2)); });
        }
        return new Confirmed(year, counts);
    }

    @Transactional(readOnly = true)
    public Progress progress(int year) {
        record Run(Timestamp started, Timestamp finished, String processInstanceId) {}
        List<Run> runs = jdbc.query("SELECT started_at, finished_at, process_instance_id FROM evaluation_run WHERE eval_year = :y",
                Map.of("y", year), (rs, n) -> new Run(rs.getTimestamp(1), rs.getTimestamp(2), rs.getString(3)));
        if (runs.isEmpty()) {
            throw ApiException.notFound(year + "年度考核");
        }
        Run run = runs.get(0);
        Object pi = run.processInstanceId();
        int total = 0;
        if (pi != null) {
            // a run started before the batches kept the carriers as one list
            Object carriers = processes.variable(pi.toString(), EvaluationProcess.CARRIER_COUNT)
                    .or(() -> processes.variable(pi.toString(), EvaluationProcess.CARRIERS)).orElse(null);
            total = carriers instanceof Number n ? n.intValue() : carriers instanceof List<?> l ? l.size() : 0;
        }
        Map<String, Integer> byRating = new LinkedHashMap<>();
        for (Rating r : Rating.values()) {
            byRating.put(r.name(), 0);
        }
        Map<String, CityProgress> cities = new LinkedHashMap<>();
        int[] rated = {0}, confirmed = {0};
        jdbc.query("SELECT city, rating, confirmed, COUNT(*) FROM evaluation_result WHERE eval_year = :y GROUP BY city, rating, confirmed",
                Map.of("y", year), rs -> {
                    int n = rs.getInt(4);
                    String city = rs.getString(1);
                    rated[0] += n;
                    boolean isConfirmed = rs.getBoolean(3);
                    confirmed[0] += isConfirmed ? n : 0;
                    byRating.merge(rs.getString(2), n, Integer::sum);
                    CityProgress before = cities.getOrDefault(city, new CityProgress(City.ofCode(city), City.ofCode(city).label(), 0, 0,
                            new LinkedHashMap<>()));
                    before.byRating().merge(rs.getString(2), n, Integer::sum);
                    cities.put(city, new CityProgress(before.city(), before.cityName(), before.rated() + n,
                            before.confirmed() + (isConfirmed ? n : 0), before.byRating()));
                });
        Timestamp started = run.started();
        Timestamp finished = run.finished();
        return new Progress(year, Math.max(total, rated[0]), rated[0], confirmed[0], byRating, List.copyOf(cities.values()),
                started == null ? null : started.toInstant(), finished == null ? null : finished.toInstant());
    }
}
