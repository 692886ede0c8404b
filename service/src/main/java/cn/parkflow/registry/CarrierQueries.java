package cn.parkflow.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the registry list: filtering, sorting and paging in SQL, so it holds for tens of thousands of carriers. */
@Component
class CarrierQueries {

    /** Sortable fields of the API and the columns they sort by. */
    static final Map<String, String> SORTS = Map.of(
            "name", "c.name", "city", "c.city", "kind", "c.kind", "level", "c.level",
            "status", "c.status", "operatorName", "c.operator_name", "id", "c.id",
            "certifiedSince", "certified_since", "updatedAt", "c.updated_at");

    private static final String SELECT = """
            SELECT c.id, c.name, c.operator_name, c.credit_code, c.kind, c.level, c.city, c.address, c.status,
                   (SELECT MIN(ce.valid_from) FROM certification ce WHERE ce.carrier_id = c.id) AS certified_since
              FROM carrier c
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    /** Carriers in force (active or warned), counted by city, kind and level. */
    List<RegistryService.CarrierCount> countsInForce() {
        return jdbc.query("SELECT city, kind, level, COUNT(*) FROM carrier WHERE status IN ('ACTIVE', 'WARNING') GROUP BY city, kind, level",
                (rs, n) -> new RegistryService.CarrierCount(rs.getString(1), CarrierKind.valueOf(rs.getString(2)),
                        Level.valueOf(rs.getString(3)), rs.getLong(4)));
    }

    private static final String BRIEF = "SELECT id, name, operator_name, credit_code, kind, city, status FROM carrier";

    private static CarrierBrief brief(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CarrierBrief(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), CarrierKind.valueOf(rs.getString(5)),
                City.ofCode(rs.getString(6)), CarrierStatus.valueOf(rs.getString(7)));
    }

    List<CarrierBrief> briefs(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<CarrierBrief> out = new java.util.ArrayList<>();
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 1000) {
            out.addAll(jdbc.query(BRIEF + " WHERE id IN (:ids)", Map.of("ids", all.subList(from, Math.min(all.size(), from + 1000))),
                    (rs, n) -> brief(rs)));
        }
        return out;
    }

    List<CarrierBrief> briefsByCreditCode(java.util.Collection<String> codes) {
        return codes.isEmpty() ? List.of()
                : jdbc.query(BRIEF + " WHERE credit_code IN (:codes) AND status <> 'REVOKED'", Map.of("codes", List.copyOf(codes)),
                        (rs, n) -> brief(rs));
    }

    /** Carriers in force (active or warned) certified by the end of {@code year} and without an evaluation of it. */
    List<Long> dueForEvaluation(int year) {
        return jdbc.queryForList("SELECT c.id FROM carrier c WHERE c.status IN ('ACTIVE', 'WARNING') "
                + "AND EXISTS (SELECT 1 FROM certification x WHERE x.carrier_id = c.id AND x.valid_from <= :end) "
                + "AND NOT EXISTS (SELECT 1 FROM evaluation e WHERE e.carrier_id = c.id AND e.eval_year = :year) ORDER BY c.id",
                Map.of("end", java.time.LocalDate.of(year, 12, 31), "year", year), Long.class);
    }

    CarrierQueries(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Sort(String field, boolean ascending) {
        Sort {
            if (!SORTS.containsKey(field)) {
                throw new IllegalArgumentException("sort 只能按 " + String.join("、", SORTS.keySet().stream().sorted().toList()) + " 排序");
            }
        }

        static Sort parse(String text) {
            if (text == null || text.isBlank()) {
                return new Sort("id", true);
            }
            String[] parts = text.split(",");
            boolean asc = parts.length < 2 || !parts[1].strip().toLowerCase(Locale.ROOT).equals("desc");
            return new Sort(parts[0].strip(), asc);
        }

        String sql() {
            String direction = ascending ? " ASC" : " DESC";
            return " ORDER BY " + SORTS.get(field) + direction + (field.equals("id") ? "" : ", c.id" + direction);
        }
    }

    PageResult<CarrierSummary> page(CarrierFilter filter, Sort sort, int page, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, params);
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM carrier c" + where, params, Long.class);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<CarrierSummary> rows = new ArrayList<>();
        List<Row> raw = jdbc.query(SELECT + where + sort.sql() + " LIMIT :limit OFFSET :offset", params, CarrierQueries::row);
        Details details = details(raw.stream().map(Row::id).toList());
        raw.forEach(r -> rows.add(r.summary(details)));
        return PageResult.of(rows, page, size, total == null ? 0 : total);
    }

    Optional<CarrierSummary> summary(long id) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id);
        List<Row> raw = jdbc.query(SELECT + " WHERE c.id = :id", params, CarrierQueries::row);
        Details details = details(raw.stream().map(Row::id).toList());
        return raw.stream().findFirst().map(r -> r.summary(details));
    }

    /** Streams every carrier the filter selects, in batches, for export. */
    void forEach(CarrierFilter filter, Sort sort, Consumer<CarrierSummary> sink) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, params);
        List<Row> batch = new ArrayList<>();
        jdbc.query(SELECT + where + sort.sql(), params, rs -> {
            batch.add(row(rs, 0));
            if (batch.size() == 500) {
                flush(batch, sink);
            }
        });
        flush(batch, sink);
    }

    private void flush(List<Row> batch, Consumer<CarrierSummary> sink) {
        if (batch.isEmpty()) {
            return;
        }
        Details details = details(batch.stream().map(Row::id).toList());
        batch.forEach(r -> sink.accept(r.summary(details)));
        batch.clear();
    }

    private String where(CarrierFilter f, MapSqlParameterSource params) {
        List<String> clauses = new ArrayList<>();
        if (f.city() != null) {
            clauses.add("c.city = :city");
            params.addValue("city", f.city().code());
        }
        if (f.kind() != null) {
            clauses.add("c.kind = :kind");
            params.addValue("kind", f.kind().name());
        }
        if (f.level() != null) {
            clauses.add("c.level = :level");
            params.addValue("level", f.level().name());
        }
        if (f.status() != null) {
            clauses.add("c.status = :status");
            params.addValue("status", f.status().name());
        }
        if (f.industry() != null) {
            clauses.add("EXISTS (SELECT 1 FROM carrier_industry ci WHERE ci.carrier = c.id AND ci.industry = :industry)");
            params.addValue("industry", f.industry().name());
        }
        if (f.title() != null) {
            clauses.add("EXISTS (SELECT 1 FROM carrier_title t WHERE t.carrier_id = c.id AND t.title = :title"
                    + " AND t.valid_from <= :today AND t.valid_until >= :today)");
            params.addValue("title", f.title()).addValue("today", LocalDate.now(clock));
        }
        if (f.q() != null) {
            clauses.add("(c.name LIKE :like ESCAPE '!' OR c.operator_name LIKE :like ESCAPE '!'"
                    + " OR c.address LIKE :like ESCAPE '!' OR c.credit_code = :exact)");
            String escaped = f.q().replace("!", "!!").replace("%", "!%").replace("_", "!_");
            params.addValue("like", "%" + escaped + "%").addValue("exact", f.q().toUpperCase(Locale.ROOT));
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private record Row(long id, String name, String operatorName, String creditCode, CarrierKind kind, Level level,
            City city, String address, CarrierStatus status, LocalDate certifiedSince) {

        CarrierSummary summary(Details details) {
            return new CarrierSummary(id, name, operatorName, creditCode, kind, kind.label(), level, level.label(),
                    city, city.label(), address, details.industries.getOrDefault(id, List.of()), status, status.label(),
                    certifiedSince, details.titles.getOrDefault(id, List.of()));
        }
    }

    private record Details(Map<Long, List<Industry>> industries, Map<Long, List<String>> titles) {}

    private Details details(List<Long> ids) {
        Map<Long, List<Industry>> industries = new HashMap<>();
        Map<Long, List<String>> titles = new HashMap<>();
        if (!ids.isEmpty()) {
            MapSqlParameterSource params = new MapSqlParameterSource("ids", ids).addValue("today", LocalDate.now(clock));
            jdbc.query("SELECT carrier, industry FROM carrier_industry WHERE carrier IN (:ids) ORDER BY industry", params,
                    rs -> {
                        industries.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(Industry.valueOf(rs.getString(2)));
                    });
            jdbc.query("SELECT DISTINCT carrier_id, title FROM carrier_title WHERE carrier_id IN (:ids)"
                    + " AND valid_from <= :today AND valid_until >= :today", params,
                    rs -> {
                        titles.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                    });
        }
        return new Details(industries, titles);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        java.sql.Date since = rs.getDate("certified_since");
        return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("operator_name"), rs.getString("credit_code"),
                CarrierKind.valueOf(rs.getString("kind")), Level.valueOf(rs.getString("level")),
                City.ofCode(rs.getString("city")), rs.getString("address"), CarrierStatus.valueOf(rs.getString("status")),
                since == null ? null : since.toLocalDate());
    }
}
