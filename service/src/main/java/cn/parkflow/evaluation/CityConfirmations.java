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
 * The cities' part of a run: each city confirms its carriers' ratings (a change needs a reason), the
 * results go into the registry, and a second consecutive D goes to the province's approver, who revokes
 * or refuses. Every method the process calls runs inside the engine's transaction; a refused answer of a
 * reviewer is an {@link IllegalArgumentException} with a Chinese message.
 */
@Service
public class CityConfirmations {

    private static final Logger log = LoggerFactory.getLogger(CityConfirmations.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final RegistryService registry;
    private final RegistryReader carriers;
    private final CarrierReports reports;
    private final Clock clock;

    CityConfirmations(NamedParameterJdbcTemplate jdbc, RegistryService registry, RegistryReader carriers, CarrierReports reports,
            Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.carriers = carriers;
        this.reports = reports;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<String> cities(int year) {
        return jdbc.queryForList("SELECT DISTINCT city FROM evaluation_result WHERE eval_year = :y AND confirmed = FALSE ORDER BY city",
                Map.of("y", year), String.class);
    }

    private record Result(long carrierId, String name, String rating, BigDecimal score, boolean reported, boolean confirmed,
            Integer rosterYear, String rosterDifferences) {}

    private List<Result> results(int year, String city) {
        record Row(long carrierId, String rating, BigDecimal score, boolean reported, boolean confirmed, Integer rosterYear, String differences) {}
        List<Row> rows = jdbc.query("SELECT carrier_id, rating, score, reported, confirmed, roster_year, roster_differences FROM evaluation_result"
                + " WHERE eval_year = :y AND city = :city", Map.of("y", year, "city", city),
                (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBoolean(4), rs.getBoolean(5),
                        (Integer) rs.getObject(6, Integer.class), rs.getString(7)));
        Map<Long, CarrierBrief> named = carriers.briefs(rows.stream().map(Row::carrierId).toList());
        return rows.stream()
                .map(r -> new Result(r.carrierId(), named.get(r.carrierId()).name(), r.rating(), r.score(), r.reported(), r.confirmed(),
                        r.rosterYear(), r.differences()))
                .sorted(java.util.Comparator.comparing(Result::rating).reversed().thenComparing(Result::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** What the city's confirmation form shows: every carrier with its rating, and the options for changes. */
    @Transactional(readOnly = true)
    public Map<String, Object> cityView(int year, String city) {
        List<Result> results = results(year, city);
        StringBuilder table = new StringBuilder("| 载体 | 得分 | 等级 | 年度报告 | 在孵企业名单 |\n|---|---|---|---|---|\n");
        List<FormText.Option> options = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Rating r : Rating.values()) {
            counts.put(r.name(), 0);
        }
        for (Result r : results) {
            counts.merge(r.rating(), 1, Integer::sum);
            table.append("| ").append(markdown(r.name())).append(" | ").append(r.score() == null ? "—" : r.score().toPlainString())
                    .append(" | ").append(r.rating()).append(" ").append(Rating.valueOf(r.rating()).label()).append(" | ")
                    .append(r.reported() ? "已报送" : "未报送").append(" | ")
                    .append(r.rosterYear() == null ? "无名单，以报告为准" : "以名单为准" + (r.rosterDifferences() == null ? "，与报告一致"
                            : "；与报告不符：" + markdown(r.rosterDifferences()))).append(" |\n");
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
        CarrierReports.CarrierFacts c = reports.carrier(carrierId);
        Map<String, Object> v = new HashMap<>(reports.reportView(carrierId, year));
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
}
