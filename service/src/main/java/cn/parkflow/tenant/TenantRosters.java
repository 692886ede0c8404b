package cn.parkflow.tenant;

import cn.parkflow.identity.Caller;
import cn.parkflow.identity.CarrierAccess;
import cn.parkflow.identity.Roles;
import cn.parkflow.identity.UserDirectory;
import cn.parkflow.notification.NoticeKind;
import cn.parkflow.notification.Notifications;
import cn.parkflow.registry.CarrierBrief;
import cn.parkflow.registry.CreditCode;
import cn.parkflow.registry.Industry;
import cn.parkflow.registry.RegistryReader;
import cn.parkflow.system.ApiException;
import cn.parkflow.system.FieldError;
import cn.parkflow.system.FieldErrors;
import cn.parkflow.system.TableRows;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 在孵企业名单: a carrier's tenants of one year, as data. The carrier's operator files the roster; every line is checked
 * on its own and a refused line stores nothing; the accepted lines replace that year's roster (an import that accepts
 * no line changes nothing). The operator, the carrier's city and the province read it; nobody else, and not the public.
 */
@Service
public class TenantRosters {

    /** The most lines one import may carry. */
    public static final int MAX_LINES = 5000;

    public record Accepted(int row, String creditCode, String name) {}

    public record Rejected(int row, String creditCode, List<FieldError> errors) {}

    /** What an import did: the lines it took and those it refused with every reason, and whether a roster was replaced. */
    public record Result(long carrierId, int year, int total, List<Accepted> accepted, List<Rejected> rejected, boolean replaced) {}

    public record Tenant(String creditCode, String name, LocalDate foundedDate, LocalDate entryDate, Industry industry,
            String industryLabel, boolean highTech, BigDecimal investment, BigDecimal revenue, LocalDate graduatedDate,
            GraduationCriterion graduationCriterion, String graduationCriterionLabel, LocalDate exitDate, String exitReason,
            String movedToCreditCode) {}

    public record Roster(long carrierId, String carrierName, int year, int tenantCount, Instant importedAt, String importedBy,
            String source, List<Tenant> tenants) {}

    private final JdbcTemplate jdbc;
    private final RegistryReader registry;
    private final CarrierAccess access;
    private final Clock clock;
    private final TenantDuplicates duplicates;
    private final Notifications notifications;
    private final UserDirectory users;

    TenantRosters(JdbcTemplate jdbc, RegistryReader registry, CarrierAccess access, Clock clock, TenantDuplicates duplicates,
            Notifications notifications, UserDirectory users) {
        this.jdbc = jdbc;
        this.users = users;
        this.duplicates = duplicates;
        this.notifications = notifications;
        this.registry = registry;
        this.access = access;
        this.clock = clock;
    }

    /** Checks and stores {@code lines}: each a line of what was sent, its cells keyed by field name. */
    @Transactional
    public Result replace(long carrierId, int year, List<TableRows.Line> lines, String source, Caller caller) {
        CarrierBrief carrier = carrier(carrierId);
        if (!access.isOperator(carrier.creditCode(), caller)) {
            throw ApiException.forbidden("只有该载体的运营机构可以报送在孵企业名单");
        }
        return store(carrier, year, lines, source, caller.userId(), true);
    }

    /** Checks and stores the lines as {@code userId} filed them; {@code notify} tells the cities of new duplicates. */
    Result store(CarrierBrief carrier, int year, List<TableRows.Line> lines, String source, String userId, boolean notify) {
        long carrierId = carrier.id();
        LocalDate today = LocalDate.now(clock);
        if (year < 2000 || year > today.getYear()) {
            throw FieldErrors.single("year", "名单年度应在2000年到今年之间");
        }
        List<Accepted> accepted = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        List<Tenant> tenants = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (TableRows.Line line : lines) {
            List<FieldError> errors = new ArrayList<>();
            Tenant tenant = check(line.cells(), year, today, errors);
            String code = text(line.cells().get("creditCode")).toUpperCase();
            if (!code.isEmpty() && seen.containsKey(code)) {
                errors.add(FieldError.of("creditCode", "与第" + seen.get(code) + "行为同一企业"));
            }
            seen.putIfAbsent(code, line.number());
            if (errors.isEmpty()) {
                accepted.add(new Accepted(line.number(), tenant.creditCode(), tenant.name()));
                tenants.add(tenant);
                rows.add(line.number());
            } else {
                rejected.add(new Rejected(line.number(), code.isEmpty() ? null : code, errors));
            }
        }
        boolean replaced = false;
        if (!tenants.isEmpty()) {
            boolean filed = jdbc.queryForObject("SELECT COUNT(*) FROM tenant_roster WHERE carrier_id = ? AND roster_year = ?", Integer.class,
                    carrierId, year) > 0;
            Set<String> known = notify && filed ? overlapping(carrierId, year).stream().map(TenantRosters::pairKey).collect(Collectors.toSet())
                    : Set.of();
            if (filed) {
                jdbc.update("DELETE FROM tenant_entry WHERE carrier_id = ? AND roster_year = ?", carrierId, year);
                jdbc.update("DELETE FROM tenant_roster WHERE carrier_id = ? AND roster_year = ?", carrierId, year);
            }
            replaced = filed;
            try {
                jdbc.update("INSERT INTO tenant_roster (carrier_id, roster_year, tenant_count, imported_at, imported_by, source) VALUES (?, ?, ?, ?, ?, ?)",
                        carrierId, year, tenants.size(), Timestamp.from(clock.instant()), userId, source);
            } catch (org.springframework.dao.DuplicateKeyException concurrent) { // another import of the same roster committed first
                throw ApiException.conflict("该载体" + year + "年度的名单刚由另一次报送保存，请刷新后重新报送");
            }
            insert(carrierId, year, tenants, rows);
            if (notify) {
                notifyDuplicates(carrier, year, overlapping(carrierId, year).stream().filter(d -> !known.contains(pairKey(d))).toList());
            }
        }
        return new Result(carrierId, year, lines.size(), accepted, rejected, replaced);
    }

    /** Rows per INSERT: one statement of many rows, not one round trip per row (the driver sends a JDBC batch row by row). */
    private static final int ROWS_PER_INSERT = 500;

    /** The SQL types of a row's values (given, so that a null needs no round trip to ask the driver). */
    private static final int[] TYPES = {Types.BIGINT, Types.INTEGER, Types.INTEGER, Types.CHAR, Types.VARCHAR, Types.DATE, Types.DATE,
            Types.VARCHAR, Types.BOOLEAN, Types.DECIMAL, Types.DECIMAL, Types.DATE, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.CHAR};

    private void insert(long carrierId, int year, List<Tenant> tenants, List<Integer> rows) {
        String columns = "INSERT INTO tenant_entry (carrier_id, roster_year, line_no, credit_code, name, founded_date, entry_date, industry, "
                + "high_tech, investment, revenue, graduated_date, graduation_criterion, exit_date, exit_reason, moved_to_credit_code) VALUES ";
        for (int from = 0; from < tenants.size(); from += ROWS_PER_INSERT) {
            int to = Math.min(tenants.size(), from + ROWS_PER_INSERT);
            List<Object> values = new ArrayList<>((to - from) * 16);
            for (int i = from; i < to; i++) {
                Tenant t = tenants.get(i);
                values.addAll(Arrays.asList(carrierId, year, rows.get(i), t.creditCode(), t.name(), Date.valueOf(t.foundedDate()),
                        Date.valueOf(t.entryDate()), t.industry().name(), t.highTech(), t.investment(), t.revenue(), date(t.graduatedDate()),
                        t.graduationCriterion() == null ? null : t.graduationCriterion().name(), date(t.exitDate()), t.exitReason(),
                        t.movedToCreditCode()));
            }
            int[] types = new int[values.size()];
            for (int i = 0; i < types.length; i++) {
                types[i] = TYPES[i % TYPES.length];
            }
            jdbc.update(columns + String.join(", ", java.util.Collections.nCopies(to - from, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
                    values.toArray(), types);
        }
    }

    /** The pairs of the year this carrier is part of in which both carriers claim the firm on the same days. */
    private List<TenantDuplicates.Duplicate> overlapping(long carrierId, int year) {
        return duplicates.involving(carrierId, year).stream().filter(d -> d.overlapDays() > 0).toList();
    }

    private static String pairKey(TenantDuplicates.Duplicate d) {
        return TenantDuplicates.key(d.creditCode(), d.first().carrierId(), d.second().carrierId());
    }

    /**
     * Tells the reviewers of the importing carrier's city and the province of the firms this import newly shares with
     * other carriers, and the reviewers of each other carrier's city of the firms shared with that city's carriers.
     */
    private void notifyDuplicates(CarrierBrief carrier, int year, List<TenantDuplicates.Duplicate> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        Map<String, List<TenantDuplicates.Duplicate>> byGroup = new LinkedHashMap<>();
        byGroup.put(carrier.city().reviewerGroup(), fresh);
        byGroup.put(Roles.PROVINCE_REVIEWER, fresh);
        for (TenantDuplicates.Duplicate d : fresh) {
            TenantDuplicates.Claim other = d.first().carrierId() == carrier.id() ? d.second() : d.first();
            if (other.city() != carrier.city()) {
                byGroup.computeIfAbsent(other.city().reviewerGroup(), g -> new ArrayList<>()).add(d);
            }
        }
        byGroup.forEach((group, pairs) -> {
            StringBuilder list = new StringBuilder();
            pairs.stream().limit(20).forEach(d -> {
                TenantDuplicates.Claim other = d.first().carrierId() == carrier.id() ? d.second() : d.first();
                list.append("- ").append(d.name()).append("（").append(d.creditCode()).append("）：同时在").append(other.carrierName())
                        .append("（").append(other.cityName()).append("）在孵，重叠").append(d.overlapDays()).append("天\n");
            });
            if (pairs.size() > 20) {
                list.append("- ……共").append(pairs.size()).append("家，见“在孵企业核查”页面\n");
            }
            notifications.send(notifications.membersOf(List.of(group)), NoticeKind.TENANT_DUPLICATE, Map.of("carrierName", carrier.name(),
                    "cityName", carrier.city().label(), "year", String.valueOf(year), "count", String.valueOf(pairs.size()),
                    "list", list.toString().strip(), "subject", carrier.name()), "/portal/tenants.html?year=" + year);
        });
    }

    @Transactional(readOnly = true)
    public Roster read(long carrierId, int year, Caller caller) {
        CarrierBrief carrier = readable(carrierId, caller);
        List<Roster> header = jdbc.query("SELECT tenant_count, imported_at, imported_by, source FROM tenant_roster WHERE carrier_id = ? AND roster_year = ?",
                (rs, n) -> new Roster(carrierId, carrier.name(), year, rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), List.of()), carrierId, year);
        if (header.isEmpty()) {
            throw ApiException.notFound(year + "年度在孵企业名单");
        }
        List<Tenant> tenants = jdbc.query("SELECT credit_code, name, founded_date, entry_date, industry, high_tech, investment, revenue, "
                + "graduated_date, graduation_criterion, exit_date, exit_reason, moved_to_credit_code FROM tenant_entry "
                + "WHERE carrier_id = ? AND roster_year = ? ORDER BY line_no", (rs, n) -> {
                    Industry industry = Industry.valueOf(rs.getString(5));
                    String criterion = rs.getString(10);
                    GraduationCriterion graduation = criterion == null ? null : GraduationCriterion.valueOf(criterion);
                    return new Tenant(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(), industry,
                            industry.label(), rs.getBoolean(6), rs.getBigDecimal(7), rs.getBigDecimal(8), Stays.day(rs.getDate(9)), graduation,
                            graduation == null ? null : graduation.label(), Stays.day(rs.getDate(11)), rs.getString(12), rs.getString(13));
                }, carrierId, year);
        Roster r = header.get(0);
        return new Roster(r.carrierId(), r.carrierName(), r.year(), r.tenantCount(), r.importedAt(), r.importedBy(), r.source(), tenants);
    }

    /** A roster filed, as its carrier's list shows it. */
    public record Filed(int year, int tenantCount, Instant importedAt, String importedBy, String source) {}

    /** One of the operator's carriers with the rosters it filed, the latest year first. */
    public record OwnCarrier(long carrierId, String name, String kindName, String cityName, String statusLabel, List<Filed> rosters) {}

    /** The caller's operator's carriers (not revoked) and their rosters; an account without an operator has none. */
    @Transactional(readOnly = true)
    public List<OwnCarrier> mine(Caller caller) {
        if (!caller.isApplicant()) {
            throw ApiException.forbidden("只有运营机构账号有自己的载体");
        }
        List<CarrierBrief> carriers = users.operatorCreditCode(caller.userId()).map(code -> registry.operatedBy(List.of(code))).orElse(List.of());
        Map<Long, List<Filed>> filed = new HashMap<>();
        if (!carriers.isEmpty()) {
            jdbc.query("SELECT carrier_id, roster_year, tenant_count, imported_at, imported_by, source FROM tenant_roster WHERE carrier_id IN ("
                    + String.join(",", java.util.Collections.nCopies(carriers.size(), "?")) + ") ORDER BY roster_year DESC", rs -> {
                        filed.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new Filed(rs.getInt(2), rs.getInt(3),
                                rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6)));
                    }, carriers.stream().map(CarrierBrief::id).toArray());
        }
        return carriers.stream().sorted(java.util.Comparator.comparing(CarrierBrief::name)).map(c -> new OwnCarrier(c.id(), c.name(),
                c.kind().label(), c.city().label(), c.status().label(), filed.getOrDefault(c.id(), List.of()))).toList();
    }

    /** The carrier, if the caller may read its rosters (its operator, its city, the province); 403 otherwise. */
    CarrierBrief readable(long carrierId, Caller caller) {
        CarrierBrief carrier = carrier(carrierId);
        if (!access.mayRead(carrier.creditCode(), carrier.city(), caller)) {
            throw ApiException.forbidden("在孵企业名单仅供该载体的运营机构、所在设区市科技局和省科技厅查看");
        }
        return carrier;
    }

    CarrierBrief carrier(long carrierId) {
        CarrierBrief carrier = registry.briefs(List.of(carrierId)).get(carrierId);
        if (carrier == null) {
            throw ApiException.notFound("载体");
        }
        return carrier;
    }

    /** The line as a tenant, every problem of it added to {@code errors} with its field. */
    static Tenant check(Map<String, String> f, int year, LocalDate today, List<FieldError> errors) {
        for (String field : TenantColumns.REQUIRED) {
            if (text(f.get(field)).isEmpty()) {
                errors.add(FieldError.of(field, "请填写" + TenantColumns.HEADERS.get(field)));
            }
        }
        String code = text(f.get("creditCode")).toUpperCase();
        if (!code.isEmpty() && CreditCode.problem(code) != null) {
            errors.add(FieldError.of("creditCode", CreditCode.problem(code)));
        }
        String name = text(f.get("name"));
        if (name.length() > 200) {
            errors.add(FieldError.of("name", "企业名称不能超过200个字"));
        }
        LocalDate founded = date(f, "foundedDate", today, errors);
        LocalDate entered = date(f, "entryDate", today, errors);
        if (founded != null && entered != null && entered.isBefore(founded)) {
            errors.add(FieldError.of("entryDate", "入孵时间早于企业成立日期"));
        }
        if (entered != null && entered.getYear() > year) {
            errors.add(FieldError.of("entryDate", "入孵时间晚于名单年度" + year + "年"));
        }
        Industry industry = null;
        String industryText = text(f.get("industry"));
        if (!industryText.isEmpty()) {
            industry = Arrays.stream(Industry.values()).filter(i -> i.name().equals(industryText) || i.label().equals(industryText))
                    .findFirst().orElse(null);
            if (industry == null) {
                errors.add(FieldError.of("industry", "未知的产业领域：" + industryText));
            }
        }
        Boolean highTech = yesNo(f, "highTech", errors);
        BigDecimal investment = amount(f, "investment", errors);
        BigDecimal revenue = amount(f, "revenue", errors);
        LocalDate graduated = date(f, "graduatedDate", today, errors);
        GraduationCriterion criterion = null;
        String criterionText = text(f.get("graduationCriterion"));
        if (!criterionText.isEmpty()) {
            criterion = GraduationCriterion.find(criterionText).orElse(null);
            if (criterion == null) {
                errors.add(FieldError.of("graduationCriterion", "毕业条件应为：" + String.join("、",
                        Arrays.stream(GraduationCriterion.values()).map(GraduationCriterion::label).toList())));
            }
        }
        if (graduated == null && !criterionText.isEmpty() && text(f.get("graduatedDate")).isEmpty()) {
            errors.add(FieldError.of("graduatedDate", "填写了毕业条件，请填写毕业时间"));
        }
        if (graduated != null && entered != null && graduated.isBefore(entered)) {
            errors.add(FieldError.of("graduatedDate", "毕业时间早于入孵时间"));
        }
        LocalDate exited = date(f, "exitDate", today, errors);
        if (exited != null && entered != null && exited.isBefore(entered)) {
            errors.add(FieldError.of("exitDate", "离孵时间早于入孵时间"));
        }
        String exitReason = text(f.get("exitReason"));
        if (exitReason.length() > 200) {
            errors.add(FieldError.of("exitReason", "离孵原因不能超过200个字"));
        }
        String movedTo = text(f.get("movedToCreditCode")).toUpperCase();
        if (!movedTo.isEmpty() && CreditCode.problem(movedTo) != null) {
            errors.add(FieldError.of("movedToCreditCode", CreditCode.problem(movedTo)));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new Tenant(code, name, founded, entered, industry, industry.label(), highTech, investment, revenue, graduated, criterion,
                criterion == null ? null : criterion.label(), exited, exitReason.isEmpty() ? null : exitReason, movedTo.isEmpty() ? null : movedTo);
    }

    private static LocalDate date(Map<String, String> f, String field, LocalDate today, List<FieldError> errors) {
        String value = text(f.get(field));
        if (value.isEmpty()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.replace('/', '-'));
            if (date.isAfter(today)) {
                errors.add(FieldError.of(field, TenantColumns.HEADERS.get(field) + "不能晚于今天"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, TenantColumns.HEADERS.get(field) + "应为日期，如 2024-03-01"));
            return null;
        }
    }

    private static Boolean yesNo(Map<String, String> f, String field, List<FieldError> errors) {
        String value = text(f.get(field));
        return switch (value) {
            case "" -> null;
            case "true", "是", "1" -> true;
            case "false", "否", "0" -> false;
            default -> {
                errors.add(FieldError.of(field, TenantColumns.HEADERS.get(field) + "应为“是”或“否”"));
                yield null;
            }
        };
    }

    private static BigDecimal amount(Map<String, String> f, String field, List<FieldError> errors) {
        String value = text(f.get(field)).replace(",", "");
        if (value.isEmpty()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 16) {
                errors.add(FieldError.of(field, TenantColumns.HEADERS.get(field) + "应为不小于0、至多两位小数的金额"));
                return null;
            }
            return amount;
        } catch (NumberFormatException e) {
            errors.add(FieldError.of(field, TenantColumns.HEADERS.get(field) + "应为金额（元）"));
            return null;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
