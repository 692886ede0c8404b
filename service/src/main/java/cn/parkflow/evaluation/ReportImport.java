package cn.parkflow.evaluation;

import cn.parkflow.identity.Caller;
import cn.parkflow.identity.Roles;
import cn.parkflow.registry.CarrierBrief;
import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.RegistryReader;
import cn.parkflow.registry.CreditCode;
import cn.parkflow.registry.Indicator;
import cn.parkflow.system.ApiException;
import cn.parkflow.system.FieldErrors;
import cn.parkflow.system.TableRows;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a year's annual reports (torch statistics) as CSV with Chinese headers or as JSON. Every
 * row is checked on its own; the answer lists the accepted rows and the rejected rows with every
 * reason, and a rejected row stores nothing. An accepted row replaces the carrier's earlier report
 * of that year.
 */
@Service
public class ReportImport {

    public static final String SOURCE_IMPORT = "IMPORT";

    /** One problem of a row: the column (the Chinese header in CSV, the key in JSON) and what is wrong. */
    public record RowError(String field, String detail) {}

    public record Accepted(int row, String creditCode, long carrierId, String carrierName, boolean replaced) {}

    public record Rejected(int row, String creditCode, List<RowError> errors) {}

    public record Result(int year, int total, List<Accepted> accepted, List<Rejected> rejected) {}

    /** A row as read, before its checks: its number, and each field by its column name. */
    record Row(int number, Map<String, String> fields) {}

    private record Carrier(long id, String name, String creditCode, CarrierKind kind) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final CarrierReports runs;
    private final RegistryReader registry;
    private final ObjectMapper json;
    private final Clock clock;

    ReportImport(NamedParameterJdbcTemplate jdbc, CarrierReports runs, RegistryReader registry, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.registry = registry;
        this.json = json;
        this.clock = clock;
    }

    /** Reads CSV: UTF-8 (a BOM is skipped), the first line the Chinese headers. */
    @Transactional
    public Result importCsv(int year, Reader csv, Caller caller) throws IOException {
        authorize(year, caller);
        TableRows.Table table = TableRows.csv(csv, Integer.MAX_VALUE);
        List<String> required = new ArrayList<>();
        required.add(ReportColumns.CREDIT_CODE);
        ReportColumns.RATED.forEach(key -> required.add(Indicator.valueOf(key).label()));
        table.require(required);
        List<Row> rows = table.lines().stream().map(line -> new Row(line.number(), line.cells())).toList();
        return store(year, rows, true, caller);
    }

    /** Reads JSON: an array of objects keyed {@code creditCode}, {@code carrierName} and the indicator keys. */
    @Transactional
    public Result importJson(int year, List<Map<String, Object>> reports, Caller caller) {
        authorize(year, caller);
        List<Row> rows = TableRows.json(reports).stream().map(line -> new Row(line.number(), line.cells())).toList();
        return store(year, rows, false, caller);
    }

    private void authorize(int year, Caller caller) {
        if (!caller.in(Roles.PROVINCE_REVIEWER) && !caller.isAdmin()) {
            throw ApiException.forbidden("只有省科技厅审核人员可以导入年度统计数据");
        }
        if (year < 2000 || year > LocalDate.now(clock).getYear()) {
            throw FieldErrors.single("year", "考核年度应在2000年到今年之间");
        }
    }

    private Result store(int year, List<Row> rows, boolean chineseHeaders, Caller caller) {
        String codeField = chineseHeaders ? ReportColumns.CREDIT_CODE : "creditCode";
        String nameField = chineseHeaders ? ReportColumns.CARRIER_NAME : "carrierName";
        Map<String, List<Carrier>> carriers = carriers(rows.stream().map(r -> r.fields().get(codeField))
                .filter(c -> c != null && CreditCode.isValid(c.strip())).map(String::strip).distinct().toList());
        Map<Long, Integer> seen = new HashMap<>();
        List<Accepted> accepted = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Instant now = clock.instant();
        for (Row row : rows) {
            List<RowError> errors = new ArrayList<>();
            String code = blankToNull(row.fields().get(codeField));
            Carrier carrier = null;
            if (code == null) {
                errors.add(new RowError(codeField, "缺少统一社会信用代码"));
            } else if (CreditCode.problem(code) != null) {
                errors.add(new RowError(codeField, CreditCode.problem(code)));
            } else {
                List<Carrier> candidates = carriers.getOrDefault(code, List.of());
                String name = blankToNull(row.fields().get(nameField));
                List<Carrier> matching = name == null ? candidates : candidates.stream().filter(c -> c.name().equals(name)).toList();
                if (candidates.isEmpty()) {
                    errors.add(new RowError(codeField, "载体名录中没有该统一社会信用代码的载体：" + code));
                } else if (matching.isEmpty()) {
                    errors.add(new RowError(nameField, "该信用代码下没有名为“" + name + "”的载体"));
                } else if (matching.size() > 1) {
                    errors.add(new RowError(nameField, "该信用代码下有多个载体，请填写载体名称"));
                } else {
                    carrier = matching.get(0);
                }
            }
            Map<String, Object> indicators = new LinkedHashMap<>();
            for (String key : ReportColumns.RATED) {
                read(row, key, chineseHeaders, true, indicators, errors);
            }
            for (String key : ReportColumns.OPTIONAL) {
                read(row, key, chineseHeaders, false, indicators, errors);
            }
            if (carrier != null && seen.containsKey(carrier.id())) {
                errors.add(new RowError(codeField, "与第" + seen.get(carrier.id()) + "行为同一载体，重复"));
            }
            if (!errors.isEmpty()) {
                rejected.add(new Rejected(row.number(), code, errors));
                continue;
            }
            seen.put(carrier.id(), row.number());
            boolean replaced = save(carrier.id(), year, indicators, caller.userId(), now);
            accepted.add(new Accepted(row.number(), code, carrier.id(), carrier.name(), replaced));
            runs.reportImported(carrier.id(), year);
        }
        return new Result(year, rows.size(), accepted, rejected);
    }

    private static void read(Row row, String key, boolean chineseHeaders, boolean required, Map<String, Object> indicators,
            List<RowError> errors) {
        Indicator indicator = Indicator.valueOf(key);
        String field = chineseHeaders ? indicator.label() : key;
        String raw = blankToNull(row.fields().get(field));
        if (raw == null) {
            if (required) {
                errors.add(new RowError(field, "缺少" + indicator.label()));
            }
            return;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(raw.replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(new RowError(field, indicator.label() + "应为数字：" + raw));
            return;
        }
        Object value = number.scale() <= 0 || number.stripTrailingZeros().scale() <= 0 ? (Object) number.longValue() : number.doubleValue();
        String problem = indicator.problem(value);
        if (problem != null) {
            errors.add(new RowError(field, problem + "：" + raw));
            return;
        }
        indicators.put(key, value);
    }

    private boolean save(long carrierId, int year, Map<String, Object> indicators, String actor, Instant now) {
        String text;
        try {
            text = json.writeValueAsString(indicators);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("carrier", carrierId).addValue("year", year)
                .addValue("indicators", text).addValue("source", SOURCE_IMPORT).addValue("actor", actor)
                .addValue("at", Timestamp.from(now));
        int updated = jdbc.update("UPDATE annual_report SET indicators = :indicators, source = :source, filed_by = :actor, "
                + "filed_at = :at WHERE carrier_id = :carrier AND report_year = :year", p);
        if (updated == 0) {
            jdbc.update("INSERT INTO annual_report (carrier_id, report_year, indicators, source, filed_by, filed_at) "
                    + "VALUES (:carrier, :year, :indicators, :source, :actor, :at)", p);
        }
        return updated > 0;
    }

    private Map<String, List<Carrier>> carriers(List<String> codes) {
        Map<String, List<Carrier>> out = new HashMap<>();
        for (int from = 0; from < codes.size(); from += 1000) {
            for (CarrierBrief b : registry.operatedBy(codes.subList(from, Math.min(codes.size(), from + 1000)))) {
                out.computeIfAbsent(b.creditCode(), k -> new ArrayList<>()).add(new Carrier(b.id(), b.name(), b.creditCode(), b.kind()));
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
