package cn.parkflow.tenant;

import cn.parkflow.identity.Caller;
import cn.parkflow.registry.CarrierBrief;
import cn.parkflow.registry.City;
import cn.parkflow.registry.RegistryReader;
import cn.parkflow.system.ApiException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The same firm on the rosters of two carriers in one year — the known way of counting one tenant twice. Each pair is
 * listed with both carriers, the firm's entry and exit at each, and the days of the year both claim it (0 when one
 * follows the other: a move, not a double count). Nothing is blocked; the cities of both carriers and the province see it.
 */
@Service
public class TenantDuplicates {

    /** One side of a pair: the carrier and the firm's stay there. */
    public record Claim(long carrierId, String carrierName, City city, String cityName, LocalDate entryDate, LocalDate exitDate) {}

    public record Duplicate(String creditCode, String name, int year, Claim first, Claim second, LocalDate overlapFrom,
            LocalDate overlapUntil, long overlapDays) {}

    private final JdbcTemplate jdbc;
    private final RegistryReader registry;

    TenantDuplicates(JdbcTemplate jdbc, RegistryReader registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /** The year's pairs: all of them for the province, those touching one of its cities for a city reviewer. */
    @Transactional(readOnly = true)
    public List<Duplicate> of(int year, Caller caller) {
        Set<City> cities = caller.isProvince() ? null : new HashSet<>(caller.reviewedCities());
        if (cities != null && cities.isEmpty()) {
            throw ApiException.forbidden("重复在孵企业仅供省科技厅和设区市科技局查看");
        }
        record Pair(String code, String name, long a, LocalDate aIn, LocalDate aOut, long b, LocalDate bIn, LocalDate bOut) {}
        List<Pair> pairs = jdbc.query("SELECT a.credit_code, a.name, a.carrier_id, a.entry_date, a.exit_date, b.carrier_id, b.entry_date, b.exit_date "
                + "FROM tenant_entry a JOIN tenant_entry b ON b.roster_year = a.roster_year AND b.credit_code = a.credit_code "
                + "AND b.carrier_id > a.carrier_id WHERE a.roster_year = ? ORDER BY a.credit_code, a.carrier_id, b.carrier_id",
                (rs, n) -> new Pair(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDate(4).toLocalDate(), day(rs.getDate(5)),
                        rs.getLong(6), rs.getDate(7).toLocalDate(), day(rs.getDate(8))), year);
        Set<Long> ids = new HashSet<>();
        pairs.forEach(p -> {
            ids.add(p.a());
            ids.add(p.b());
        });
        Map<Long, CarrierBrief> carriers = registry.briefs(ids);
        LocalDate yearStart = LocalDate.of(year, 1, 1);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        List<Duplicate> duplicates = new ArrayList<>();
        for (Pair p : pairs) {
            CarrierBrief a = carriers.get(p.a());
            CarrierBrief b = carriers.get(p.b());
            if (cities != null && !cities.contains(a.city()) && !cities.contains(b.city())) {
                continue;
            }
            LocalDate from = max(yearStart, max(p.aIn(), p.bIn()));
            LocalDate until = min(yearEnd, min(p.aOut() == null ? yearEnd : p.aOut(), p.bOut() == null ? yearEnd : p.bOut()));
            long days = until.isBefore(from) ? 0 : ChronoUnit.DAYS.between(from, until) + 1;
            duplicates.add(new Duplicate(p.code(), p.name(), year, claim(a, p.aIn(), p.aOut()), claim(b, p.bIn(), p.bOut()),
                    days == 0 ? null : from, days == 0 ? null : until, days));
        }
        return duplicates;
    }

    private static Claim claim(CarrierBrief carrier, LocalDate in, LocalDate out) {
        return new Claim(carrier.id(), carrier.name(), carrier.city(), carrier.city().label(), in, out);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate day(java.sql.Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
