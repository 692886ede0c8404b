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
 * Lists of applications: what a caller may see, filtered and paged (an operator its own applications, by
 * account or by its operator's credit code; a city reviewer its city's submitted ones; an expert those
 * assigned to it; the province every submitted one), and the counts by status for the dashboard.
 */
@Service
public class ApplicationQueries {

    private final UserDirectory users;
    private final NamedParameterJdbcTemplate jdbc;

    ApplicationQueries(UserDirectory users, NamedParameterJdbcTemplate jdbc) {
        this.users = users;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public PageResult<ApplicationView.Summary> list(Caller caller, ApplicationStatus status, City city, int page, int size) {
        List<String> where = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (!caller.isAdmin()) {
            List<String> visible = new ArrayList<>();
            if (caller.isApplicant()) {
                visible.add("a.owner_id = :user");
                params.addValue("user", caller.userId());
                users.operatorCreditCode(caller.userId()).ifPresent(code -> {
                    visible.add("a.credit_code = :operator");
                    params.addValue("operator", code);
                });
            }
            if (caller.isProvince()) {
                visible.add("a.status <> 'DRAFT'");
            }
            if (caller.in(Roles.EXPERT)) {
                visible.add("(a.status <> 'DRAFT' AND CONCAT(',', a.experts, ',') LIKE :expertLike)");
                params.addValue("expertLike", "%," + caller.userId() + ",%");
            }
            List<String> cities = caller.reviewedCities().stream().map(City::code).toList();
            if (!cities.isEmpty()) {
                visible.add("(a.status <> 'DRAFT' AND a.city IN (:cities))");
                params.addValue("cities", cities);
            }
            if (visible.isEmpty()) {
                return PageResult.of(List.of(), page, size, 0);
            }
            where.add("(" + String.join(" OR ", visible) + ")");
        }
        if (status != null) {
            where.add("a.status = :status");
            params.addValue("status", status.name());
        }
        if (city != null) {
            where.add("a.city = :city");
            params.addValue("city", city.code());
        }
        String clause = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM application a" + clause, params, Long.class);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<ApplicationView.Summary> content = jdbc.query(
                "SELECT a.id, a.status, a.kind, a.level, a.carrier_name, a.operator_name, a.city, a.updated_at, a.submitted_at"
                        + " FROM application a" + clause + " ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit OFFSET :offset",
                params, (rs, n) -> {
                    ApplicationStatus s = ApplicationStatus.valueOf(rs.getString("status"));
                    java.sql.Timestamp submitted = rs.getTimestamp("submitted_at");
                    return new ApplicationView.Summary(rs.getLong("id"), s, s.label(),
                            cn.parkflow.registry.CarrierKind.valueOf(rs.getString("kind")),
                            cn.parkflow.registry.Level.valueOf(rs.getString("level")), rs.getString("carrier_name"),
                            rs.getString("operator_name"), City.ofCode(rs.getString("city")),
                            rs.getTimestamp("updated_at").toInstant(), submitted == null ? null : submitted.toInstant());
                });
        return PageResult.of(content, page, size, total == null ? 0 : total);
    }

    /** How many applications stand at each status (the province's dashboard). */
    @Transactional(readOnly = true)
    public Map<ApplicationStatus, Long> countsByStatus() {
        Map<ApplicationStatus, Long> counts = new java.util.EnumMap<>(ApplicationStatus.class);
        jdbc.query("SELECT status, COUNT(*) FROM application GROUP BY status", Map.of(),
                rs -> { counts.put(ApplicationStatus.valueOf(rs.getString(1)), rs.getLong(2)); });
        return counts;
    }
}
