package cn.parkflow.tenant;

import cn.parkflow.identity.Caller;
import cn.parkflow.registry.CarrierBrief;
import cn.parkflow.registry.City;
import cn.parkflow.registry.RegistryReader;
import cn.parkflow.system.ApiException;
import cn.parkflow.system.FieldErrors;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The same firm on the rosters of two carriers in one year — the known way of counting one tenant twice. Each pair is
 * listed with both carriers, the firm's entry and exit at each, and the days of the year both claim it (0 when one
 * follows the other: a move, not a double count). Nothing is blocked; the cities of both carriers and the province see
 * it, and a reviewer of either city or of the province marks it explained or not, with what was found.
 */
@Service
public class TenantDuplicates {

    /** One side of a pair: the carrier and the firm's stay there. */
    public record Claim(long carrierId, String carrierName, City city, String cityName, LocalDate entryDate, LocalDate exitDate,
            LocalDate graduatedDate) {}

    /** A reviewer's verdict on a pair: explained (e.g. a move the rosters date wrongly) or not. */
    public record Review(boolean explained, String note, String reviewedBy, Instant reviewedAt) {}

    public record Duplicate(String creditCode, String name, int year, Claim first, Claim second, LocalDate overlapFrom,
            LocalDate overlapUntil, long overlapDays, Review review) {}

    /** What a reviewer marks: the pair (its two carriers, in either order) and the verdict. */
    public record Verdict(Long firstCarrierId, Long secondCarrierId, Boolean explained, String note) {}

    private record Pair(String code, String name, long a, LocalDate aIn, LocalDate aOut, LocalDate aGraduated, long b, LocalDate bIn,
            LocalDate bOut, LocalDate bGraduated) {}

    private final JdbcTemplate jdbc;
    private final RegistryReader registry;
    private final Clock clock;

    TenantDuplicates(JdbcTemplate jdbc, RegistryReader registry, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.clock = clock;
    }

    /** The year's pairs: all of them for the province, those touching one of its cities for a city reviewer. */
    @Transactional(readOnly = true)
    public List<Duplicate> of(int year, Caller caller) {
        Set<City> cities = caller.isProvince() || caller.isAdmin() ? null : new HashSet<>(caller.reviewedCities());
        if (cities != null && cities.isEmpty()) {
            throw ApiException.forbidden("重复在孵企业仅供省科技厅和设区市科技局查看");
        }
        return pairs(year, null).stream()
                .filter(d -> cities == null || cities.contains(d.first().city()) || cities.contains(d.second().city())).toList();
    }

    /** The pairs of a year that one carrier is part of. */
    List<Duplicate> involving(long carrierId, int year) {
        return pairs(year, carrierId);
    }

    /** Marks a pair explained or not; a later verdict replaces the earlier one. */
    @Transactional
    public Duplicate review(int year, String creditCode, Verdict verdict, Caller caller) {
        if (!caller.isProvince() && !caller.isAdmin() && caller.reviewedCities().isEmpty()) {
            throw ApiException.forbidden("只有两个载体所在设区市科技局或省科技厅可以标记");
        }
        if (verdict.firstCarrierId() == null || verdict.secondCarrierId() == null) {
            throw FieldErrors.single(verdict.firstCarrierId() == null ? "firstCarrierId" : "secondCarrierId", "请指明重复的两个载体");
        }
        if (verdict.explained() == null) {
            throw FieldErrors.single("explained", "请选择已说明或未说明");
        }
        String note = verdict.note() == null ? "" : verdict.note().strip();
        if (note.isEmpty() || note.length() > 1000) {
            throw FieldErrors.single("note", note.isEmpty() ? "请写明核实情况" : "核实情况最长1000字");
        }
        long first = Math.min(verdict.firstCarrierId(), verdict.secondCarrierId());
        long second = Math.max(verdict.firstCarrierId(), verdict.secondCarrierId());
        Duplicate pair = pairs(year, first).stream().filter(d -> d.creditCode().equals(creditCode.strip().toUpperCase())
                && d.second().carrierId() == second && d.first().carrierId() == first).findFirst()
                .orElseThrow(() -> ApiException.notFound(year + "年度该企业在这两个载体的重复记录"));
        if (!caller.isProvince() && !caller.isAdmin() && !caller.reviewedCities().contains(pair.first().city())
                && !caller.reviewedCities().contains(pair.second().city())) {
            throw ApiException.forbidden("只有两个载体所在设区市科技局或省科技厅可以标记");
        }
        Instant now = clock.instant();
        Object[] values = {verdict.explained(), note, caller.userId(), Timestamp.from(now), year, pair.creditCode(), first, second};
        try {
            jdbc.update("INSERT INTO tenant_duplicate_review (explained, note, reviewed_by, reviewed_at, roster_year, credit_code, first_carrier, "
                    + "second_carrier) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", values);
        } catch (DuplicateKeyException marked) {
            jdbc.update("UPDATE tenant_duplicate_review SET explained = ?, note = ?, reviewed_by = ?, reviewed_at = ? WHERE roster_year = ? "
                    + "AND credit_code = ? AND first_carrier = ? AND second_carrier = ?", values);
        }
        return new Duplicate(pair.creditCode(), pair.name(), year, pair.first(), pair.second(), pair.overlapFrom(), pair.overlapUntil(),
                pair.overlapDays(), new Review(verdict.explained(), note, caller.userId(), now));
    }

    private List<Duplicate> pairs(int year, Long carrierId) {
        List<Pair> pairs = new ArrayList<>();
        if (carrierId == null) {
            pairs.addAll(pairs("a.roster_year = ?", year));
        } else { // each side on its own, so that both use the carrier's key
            pairs.addAll(pairs("a.roster_year = ? AND a.carrier_id = ?", year, carrierId));
            pairs.addAll(pairs("b.roster_year = ? AND b.carrier_id = ?", year, carrierId));
            pairs.sort(java.util.Comparator.comparing(Pair::code).thenComparingLong(Pair::a).thenComparingLong(Pair::b));
        }
        Set<Long> ids = new HashSet<>();
        pairs.forEach(p -> {
            ids.add(p.a());
            ids.add(p.b());
        });
        Map<Long, CarrierBrief> carriers = registry.briefs(ids);
        Map<String, Review> reviews = new HashMap<>();
        jdbc.query("SELECT credit_code, first_carrier, second_carrier, explained, note, reviewed_by, reviewed_at FROM tenant_duplicate_review "
                + "WHERE roster_year = ?", rs -> {
                    reviews.put(key(rs.getString(1), rs.getLong(2), rs.getLong(3)), new Review(rs.getBoolean(4), rs.getString(5),
                            rs.getString(6), rs.getTimestamp(7).toInstant()));
                }, year);
        List<Duplicate> duplicates = new ArrayList<>(pairs.size());
        for (Pair p : pairs) {
            Stays.Overlap overlap = Stays.overlap(year, p.aIn(), Stays.end(p.aOut(), p.aGraduated()), p.bIn(), Stays.end(p.bOut(), p.bGraduated()));
            duplicates.add(new Duplicate(p.code(), p.name(), year, claim(carriers.get(p.a()), p.aIn(), p.aOut(), p.aGraduated()),
                    claim(carriers.get(p.b()), p.bIn(), p.bOut(), p.bGraduated()), overlap.from(), overlap.until(), overlap.days(),
                    reviews.get(key(p.code(), p.a(), p.b()))));
        }
        return duplicates;
    }

    private List<Pair> pairs(String where, Object... arguments) {
        return jdbc.query("SELECT a.credit_code, a.name, a.carrier_id, a.entry_date, a.exit_date, a.graduated_date, b.carrier_id, b.entry_date, "
                + "b.exit_date, b.graduated_date FROM tenant_entry a JOIN tenant_entry b ON b.roster_year = a.roster_year "
                + "AND b.credit_code = a.credit_code AND b.carrier_id > a.carrier_id WHERE " + where
                + " ORDER BY a.credit_code, a.carrier_id, b.carrier_id",
                (rs, n) -> new Pair(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDate(4).toLocalDate(), Stays.day(rs.getDate(5)),
                        Stays.day(rs.getDate(6)), rs.getLong(7), rs.getDate(8).toLocalDate(), Stays.day(rs.getDate(9)), Stays.day(rs.getDate(10))),
                arguments);
    }

    /** A pair's key: the firm and its two carriers, the lower id first. */
    static String key(String creditCode, long first, long second) {
        return creditCode + "|" + first + "|" + second;
    }

    private static Claim claim(CarrierBrief carrier, LocalDate in, LocalDate out, LocalDate graduated) {
        return new Claim(carrier.id(), carrier.name(), carrier.city(), carrier.city().label(), in, out, graduated);
    }
}
