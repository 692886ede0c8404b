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
 * The yearly evaluation runs: starting one per year (the API or the timer, once), selecting the carriers
 * due and their batches, finishing, progress and the results. One carrier's report and rating are
 * {@link CarrierReports}'; the cities' confirmation and the revocations are {@link CityConfirmations}'.
 */
@Service("evaluationRuns")
public class EvaluationRuns {

    private static final Logger log = LoggerFactory.getLogger(EvaluationRuns.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final AnnualRating rating;
    private final RegistryService registry;
    private final RegistryReader carriers;
    private final Processes processes;
    private final Tasks workflow;
    private final Clock clock;
    private final Duration reportPeriod;
    private final int batchSize;

    EvaluationRuns(NamedParameterJdbcTemplate jdbc, AnnualRating rating, RegistryService registry, RegistryReader carriers,
            Processes processes,
            Tasks workflow, Clock clock,
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
        this.workflow = workflow;
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

    /** The carriers of a run in batches of {@code batchSize}, each evaluated by its own batch process instance. */
    List<List<Long>> batches(List<Long> carriers) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < carriers.size(); i += batchSize) {
            out.add(new ArrayList<>(carriers.subList(i, Math.min(carriers.size(), i + batchSize))));
        }
        return out;
    }

    public String cityGroup(String city) {
        return City.ofCode(city).reviewerGroup();
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

    /** When the year's run finished (its results final), or empty while it runs; 404 for a year never started. */
    @Transactional(readOnly = true)
    public java.util.Optional<Instant> finishedAt(int year) {
        List<Timestamp> finished = jdbc.query("SELECT finished_at FROM evaluation_run WHERE eval_year = :y", Map.of("y", year),
                (rs, n) -> rs.getTimestamp(1));
        if (finished.isEmpty()) {
            throw ApiException.notFound(year + "年度考核");
        }
        return java.util.Optional.ofNullable(finished.get(0)).map(Timestamp::toInstant);
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
