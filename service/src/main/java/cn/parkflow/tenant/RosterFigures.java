package cn.parkflow.tenant;

import cn.parkflow.registry.CarrierBrief;
import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.FormText;
import cn.parkflow.registry.Indicator;
import cn.parkflow.registry.RegistryReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures a roster proves, set against the ones an operator declared (DOMAIN.md §2). Taken at the end of the
 * roster's year (today for the current year):
 * <ul>
 * <li>在孵企业数: tenants still in incubation (neither exited nor graduated) that count — at most 24 months old at
 * entry and incubated at most 48 months;</li>
 * <li>在孵高新技术企业数, 获得投融资的在孵企业占比: among those;</li>
 * <li>当年获得投融资总额, 在孵企业年总收入: over every line of the year's roster;</li>
 * <li>累计毕业企业数: the firms the carrier's rosters up to that year show graduated with a criterion.</li>
 * </ul>
 * Tenants too old at entry, incubated too long and graduates without a criterion are listed as findings. Where a roster
 * exists, eligibility and the annual rating use these figures instead of the declared ones and say so.
 */
@Service
public class RosterFigures {

    /** The indicators a roster proves, in the order reviewers read them. */
    public static final List<Indicator> PROVEN = List.of(Indicator.tenantCount, Indicator.graduatedCount, Indicator.highTechTenants,
            Indicator.fundedTenantShare, Indicator.investmentRaised, Indicator.annualRevenue);

    /**
     * Those that replace the declared figures. Not the cumulative graduates: rosters hold only the years filed, so a carrier's
     * graduates of earlier years are missing from them; the roster's count is shown against the declared one, not used.
     */
    public static final List<Indicator> REPLACING = PROVEN.stream().filter(i -> i != Indicator.graduatedCount).toList();

    static final int MAX_AGE_AT_ENTRY_MONTHS = 24;
    static final int MAX_INCUBATION_MONTHS = 48;

    public enum Problem {
        TOO_OLD_AT_ENTRY("入孵时成立超过24个月，不计入在孵企业"),
        INCUBATED_TOO_LONG("在孵超过48个月，不计入在孵企业"),
        GRADUATE_WITHOUT_CRITERION("填报毕业但未注明毕业条件，不计入毕业企业");

        private final String label;

        Problem(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Finding(String creditCode, String name, Problem problem, String problemText) {}

    /** What a year's roster proves. {@code lines} is every line of it; the counts are those that count. */
    public record Figures(long carrierId, int year, LocalDate asOf, int lines, Map<String, Object> indicators, List<Finding> findings) {}

    /** One declared figure against the roster's; {@code difference} is roster minus declared (null when nothing was declared). */
    public record Difference(String indicator, String label, Object declared, Object roster, Object difference, boolean differs) {}

    /** The roster's figures against the declared ones, and a sentence saying where the figures used come from. */
    public record Check(long carrierId, int year, Figures figures, List<Difference> differences, String source) {}

    private final JdbcTemplate jdbc;
    private final RegistryReader registry;
    private final Clock clock;

    RosterFigures(JdbcTemplate jdbc, RegistryReader registry, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.clock = clock;
    }

    /** The figures of the carrier's roster of {@code year}, if it filed one. */
    @Transactional(readOnly = true)
    public Optional<Figures> of(long carrierId, int year) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM tenant_roster WHERE carrier_id = ? AND roster_year = ?", Integer.class,
                carrierId, year);
        return count == 0 ? Optional.empty() : Optional.of(compute(carrierId, year));
    }

    /** The figures of the carrier's roster of {@code year}, else of the year before (an older one proves nothing of today). */
    @Transactional(readOnly = true)
    public Optional<Figures> latest(long carrierId, int year) {
        Integer latest = jdbc.queryForObject("SELECT MAX(roster_year) FROM tenant_roster WHERE carrier_id = ? AND roster_year BETWEEN ? AND ?",
                Integer.class, carrierId, year - 1, year);
        return latest == null ? Optional.empty() : Optional.of(compute(carrierId, latest));
    }

    /**
     * The registry carrier an application speaks for, for its roster: its operator's carrier of the same kind and the same
     * name (an upgrade or a renewal names the carrier as the registry does). Nothing looser: a new carrier of an operator
     * that runs others of the kind must not borrow their rosters.
     */
    @Transactional(readOnly = true)
    public Optional<Long> carrierOf(String operatorCreditCode, CarrierKind kind, String carrierName) {
        return registry.operatedBy(List.of(operatorCreditCode)).stream().filter(c -> c.kind() == kind && c.name().equals(carrierName))
                .findFirst().map(CarrierBrief::id);
    }

    /** The roster's figures against {@code declared}. */
    public static Check compare(Figures figures, Map<String, ?> declared) {
        List<Difference> differences = new ArrayList<>();
        for (Indicator indicator : PROVEN) {
            Object mine = declared.get(indicator.name());
            Object proven = figures.indicators().get(indicator.name());
            BigDecimal difference = mine instanceof Number n ? decimal(proven).subtract(decimal(n)) : null;
            differences.add(new Difference(indicator.name(), indicator.label(), mine, proven,
                    difference == null ? null : plain(difference), difference != null && difference.signum() != 0));
        }
        return new Check(figures.carrierId(), figures.year(), figures, differences, "名单核对采用" + figures.year() + "年度在孵企业名单，共"
                + figures.lines() + "行；" + String.join("、", REPLACING.stream().map(Indicator::label).toList())
                + "以名单为准，累计毕业企业数仅作核对");
    }

    /** {@code declared} with the figures the roster proves in their place (counts as integers, the others as doubles, as declared ones are). */
    public static Map<String, Object> substitute(Map<String, Object> declared, Figures figures) {
        Map<String, Object> used = new LinkedHashMap<>(declared);
        for (Indicator indicator : REPLACING) {
            Number value = (Number) figures.indicators().get(indicator.name());
            used.put(indicator.name(), indicator.unit() == Indicator.Unit.COUNT ? (Object) value.intValue() : (Object) value.doubleValue());
        }
        return used;
    }

    /** The check as the markdown of a Tasklist form: the table of differences and the findings. */
    public static String markdown(Check check) {
        StringBuilder md = new StringBuilder(FormText.markdown(check.source())).append("\n\n| 指标 | 申报 | 名单 | 差额 |\n|---|---|---|---|\n");
        for (Difference d : check.differences()) {
            md.append("| ").append(d.label()).append(" | ").append(d.declared() == null ? "未填" : FormText.markdown(plainText(d.declared())))
                    .append(" | ").append(FormText.markdown(plainText(d.roster()))).append(" | ")
                    .append(d.difference() == null ? "—" : (d.differs() ? "**" + FormText.markdown(signed(d.difference())) + "**" : "0"))
                    .append(" |\n");
        }
        List<Finding> findings = check.figures().findings();
        if (findings.isEmpty()) {
            md.append("\n名单未发现超龄、超期或无毕业条件的企业。\n");
        } else {
            md.append("\n名单中需要注意的企业（").append(findings.size()).append("家）：\n\n");
            findings.stream().limit(50).forEach(f -> md.append("- ").append(FormText.markdown(f.name())).append("（")
                    .append(f.creditCode()).append("）：").append(f.problemText()).append("\n"));
            if (findings.size() > 50) {
                md.append("- ……另有").append(findings.size() - 50).append("家，见该载体的在孵企业名单\n");
            }
        }
        return md.toString();
    }

    private Figures compute(long carrierId, int year) {
        LocalDate today = LocalDate.now(clock);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate asOf = yearEnd.isAfter(today) ? today : yearEnd;
        List<Finding> findings = new ArrayList<>();
        int[] n = new int[4]; // lines, counted tenants, high-tech among them, funded among them
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO};
        jdbc.query("SELECT credit_code, name, founded_date, entry_date, high_tech, investment, revenue, graduated_date, graduation_criterion, "
                + "exit_date FROM tenant_entry WHERE carrier_id = ? AND roster_year = ? ORDER BY line_no", rs -> {
                    String code = rs.getString(1);
                    String name = rs.getString(2);
                    LocalDate founded = rs.getDate(3).toLocalDate();
                    LocalDate entered = rs.getDate(4).toLocalDate();
                    LocalDate graduated = Stays.day(rs.getDate(8));
                    LocalDate exited = Stays.day(rs.getDate(10));
                    n[0]++;
                    sums[0] = sums[0].add(rs.getBigDecimal(6));
                    sums[1] = sums[1].add(rs.getBigDecimal(7));
                    if (graduated != null && rs.getString(9) == null) {
                        findings.add(finding(code, name, Problem.GRADUATE_WITHOUT_CRITERION));
                    }
                    boolean tooOld = founded.plusMonths(MAX_AGE_AT_ENTRY_MONTHS).isBefore(entered);
                    if (tooOld) {
                        findings.add(finding(code, name, Problem.TOO_OLD_AT_ENTRY));
                    }
                    boolean inIncubation = (graduated == null || graduated.isAfter(asOf)) && (exited == null || exited.isAfter(asOf));
                    if (!inIncubation) {
                        return;
                    }
                    boolean tooLong = entered.plusMonths(MAX_INCUBATION_MONTHS).isBefore(asOf);
                    if (tooLong) {
                        findings.add(finding(code, name, Problem.INCUBATED_TOO_LONG));
                    }
                    if (!tooOld && !tooLong) {
                        n[1]++;
                        n[2] += rs.getBoolean(5) ? 1 : 0;
                        n[3] += rs.getBigDecimal(6).signum() > 0 ? 1 : 0;
                    }
                }, carrierId, year);
        Set<String> graduates = new HashSet<>(jdbc.queryForList("SELECT DISTINCT credit_code FROM tenant_entry WHERE carrier_id = ? "
                + "AND roster_year <= ? AND graduated_date IS NOT NULL AND graduated_date <= ? AND graduation_criterion IS NOT NULL",
                String.class, carrierId, year, Date.valueOf(asOf)));
        Map<String, Object> indicators = new LinkedHashMap<>();
        indicators.put(Indicator.tenantCount.name(), n[1]);
        indicators.put(Indicator.graduatedCount.name(), graduates.size());
        indicators.put(Indicator.highTechTenants.name(), n[2]);
        indicators.put(Indicator.fundedTenantShare.name(), n[1] == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(n[3]).divide(BigDecimal.valueOf(n[1]), 4, RoundingMode.HALF_UP).stripTrailingZeros());
        indicators.put(Indicator.investmentRaised.name(), plain(sums[0]));
        indicators.put(Indicator.annualRevenue.name(), plain(sums[1]));
        return new Figures(carrierId, year, asOf, n[0], indicators, findings);
    }

    /** A figure as people write it: 12000000, not 1.2E7. */
    public static String plainText(Object value) {
        return value instanceof Number n ? plain(decimal(n)).toPlainString() : String.valueOf(value);
    }

    private static Finding finding(String code, String name, Problem problem) {
        return new Finding(code, name, problem, problem.label());
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal b ? b : new BigDecimal(String.valueOf(value));
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String signed(Object difference) {
        String text = difference instanceof BigDecimal b ? b.toPlainString() : String.valueOf(difference);
        return text.startsWith("-") ? text : "+" + text;
    }
}
