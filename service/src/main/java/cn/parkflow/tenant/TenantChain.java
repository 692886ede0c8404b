package cn.parkflow.tenant;

import cn.parkflow.identity.Caller;
import cn.parkflow.registry.CarrierBrief;
import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.City;
import cn.parkflow.registry.RegistryReader;
import cn.parkflow.system.ApiException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 苗圃—孵化—育成—加速 chain, followed by credit code across every carrier's rosters: a firm's stays (one per
 * carrier: its first entry and its last exit there), taken in the order it entered them; each change of carrier is a
 * move, dated by the entry at the next carrier, if the firm had left the earlier one (exited or graduated) by then;
 * while it stays at both, it is a duplicate, not a move ({@link Stays}). A move's year is that entry's year. A declared destination
 * ({@code movedToCreditCode}) that no roster shows yet is not a move: the chain counts only what both sides filed.
 */
@Service
public class TenantChain {

    /** The most moves one answer lists (the flows count all of them). */
    static final int LISTED = 1000;

    /** A firm's time at one carrier. */
    public record Stay(long carrierId, String carrierName, CarrierKind kind, String kindName, City city, String cityName,
            LocalDate entryDate, LocalDate exitDate, LocalDate graduatedDate) {}

    public record Move(String creditCode, String name, Stay from, Stay to, LocalDate movedOn) {}

    /** How many moves went from one kind to another (the same kind for a move within a stage). */
    public record Flow(CarrierKind fromKind, String fromKindName, CarrierKind toKind, String toKindName, int moves) {}

    public record Chain(Integer year, City city, String cityName, int total, List<Flow> flows, List<Move> moves, boolean truncated) {}

    /** Where a carrier's firms went: each that left it (graduated or exited), and the carrier it moved to if a roster shows it. */
    public record Departure(String creditCode, String name, LocalDate entryDate, LocalDate graduatedDate, String graduationCriterion,
            LocalDate exitDate, String exitReason, Stay movedTo) {}

    public record Destinations(long carrierId, String carrierName, int departed, int graduated, int followed,
            Map<String, Integer> byDestinationKind, List<Departure> departures) {}

    private record Line(String code, String name, long carrierId, LocalDate entry, LocalDate exit, LocalDate graduated) {}

    private final JdbcTemplate jdbc;
    private final RegistryReader registry;
    private final TenantRosters rosters;

    TenantChain(JdbcTemplate jdbc, RegistryReader registry, TenantRosters rosters) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.rosters = rosters;
    }

    /**
     * The moves of a year (every year when {@code year} is null), those touching {@code city} when given; a city reviewer
     * sees the moves touching its cities, the province all.
     */
    @Transactional(readOnly = true)
    public Chain of(Integer year, City city, Caller caller) {
        Set<City> cities = caller.isProvince() || caller.isAdmin() ? null : new HashSet<>(caller.reviewedCities());
        if (cities != null && cities.isEmpty()) {
            throw ApiException.forbidden("孵化链条流动情况仅供省科技厅和设区市科技局查看");
        }
        if (city != null && cities != null && !cities.contains(city)) {
            throw ApiException.forbidden("只能查看本市载体的流动情况");
        }
        // the firms that can have moved: on two carriers' rosters at all, or (for a year) entering a carrier that year
        List<String> codes = year == null
                ? jdbc.queryForList("SELECT credit_code FROM tenant_entry GROUP BY credit_code HAVING COUNT(DISTINCT carrier_id) > 1", String.class)
                : jdbc.queryForList("SELECT DISTINCT credit_code FROM tenant_entry WHERE entry_date BETWEEN ? AND ?", String.class,
                        Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)));
        Map<String, List<Line>> byFirm = stays(lines(codes));
        Map<Long, CarrierBrief> carriers = registry.briefs(carrierIds(byFirm.values()));
        List<Move> moves = new ArrayList<>();
        for (List<Line> stays : byFirm.values()) {
            for (int i = 1; i < stays.size(); i++) {
                Line from = stays.get(i - 1);
                Line to = stays.get(i);
                if (year != null && to.entry().getYear() != year || !movedOn(from, to)) {
                    continue; // another year's move, or a firm still at the earlier carrier: a duplicate, not a move
                }
                CarrierBrief a = carriers.get(from.carrierId());
                CarrierBrief b = carriers.get(to.carrierId());
                if (!touches(a, b, cities) || city != null && a.city() != city && b.city() != city) {
                    continue;
                }
                moves.add(new Move(to.code(), to.name(), stay(a, from), stay(b, to), to.entry()));
            }
        }
        moves.sort(Comparator.comparing(Move::movedOn).thenComparing(Move::creditCode));
        Map<List<CarrierKind>, Integer> counts = new LinkedHashMap<>();
        moves.stream().sorted(Comparator.comparing((Move m) -> m.from().kind()).thenComparing(m -> m.to().kind()))
                .forEach(m -> counts.merge(List.of(m.from().kind(), m.to().kind()), 1, Integer::sum));
        List<Flow> flows = counts.entrySet().stream().map(e -> new Flow(e.getKey().get(0), e.getKey().get(0).label(), e.getKey().get(1),
                e.getKey().get(1).label(), e.getValue())).toList();
        return new Chain(year, city, city == null ? null : city.label(), moves.size(), flows,
                moves.size() > LISTED ? List.copyOf(moves.subList(0, LISTED)) : moves, moves.size() > LISTED);
    }

    /** Where the firms that left a carrier went, for its operator, its city and the province. */
    @Transactional(readOnly = true)
    public Destinations destinations(long carrierId, Caller caller) {
        CarrierBrief carrier = rosters.readable(carrierId, caller); // the readers of its rosters
        record Left(String code, String name, LocalDate entry, LocalDate graduated, String criterion, LocalDate exit, String reason) {}
        Map<String, Left> left = new LinkedHashMap<>(); // the latest roster's line of each firm that left
        jdbc.query("SELECT credit_code, name, entry_date, graduated_date, graduation_criterion, exit_date, exit_reason FROM tenant_entry "
                + "WHERE carrier_id = ? AND (graduated_date IS NOT NULL OR exit_date IS NOT NULL) ORDER BY roster_year", rs -> {
                    String criterion = rs.getString(5);
                    left.put(rs.getString(1), new Left(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), Stays.day(rs.getDate(4)),
                            criterion == null ? null : GraduationCriterion.valueOf(criterion).label(), Stays.day(rs.getDate(6)), rs.getString(7)));
                }, carrierId);
        Map<String, List<Line>> byFirm = stays(lines(List.copyOf(left.keySet())));
        Map<Long, CarrierBrief> carriers = registry.briefs(carrierIds(byFirm.values()));
        List<Departure> departures = new ArrayList<>();
        Map<String, Integer> byKind = new LinkedHashMap<>();
        int graduated = 0;
        for (Left l : left.values()) {
            List<Line> stays = byFirm.getOrDefault(l.code(), List.of());
            Stay next = null;
            for (int i = 0; i + 1 < stays.size(); i++) {
                if (stays.get(i).carrierId() == carrierId && movedOn(stays.get(i), stays.get(i + 1))) {
                    Line to = stays.get(i + 1);
                    Stay there = stay(carriers.get(to.carrierId()), to);
                    // another carrier's tenant record: below the province, only where and when the firm went
                    next = caller.isProvince() || caller.isAdmin() ? there : new Stay(there.carrierId(), there.carrierName(), there.kind(),
                            there.kindName(), there.city(), there.cityName(), there.entryDate(), null, null);
                    break;
                }
            }
            departures.add(new Departure(l.code(), l.name(), l.entry(), l.graduated(), l.criterion(), l.exit(), l.reason(), next));
            graduated += l.graduated() == null ? 0 : 1;
            if (next != null) {
                byKind.merge(next.kindName(), 1, Integer::sum);
            }
        }
        return new Destinations(carrierId, carrier.name(), departures.size(), graduated,
                byKind.values().stream().mapToInt(Integer::intValue).sum(), byKind, departures);
    }

    /** Every firm's lines, one per carrier (first entry, last exit, last graduation there), asked in chunks of a thousand firms. */
    private List<Line> lines(List<String> codes) {
        List<Line> lines = new ArrayList<>();
        for (int from = 0; from < codes.size(); from += 1000) {
            List<String> chunk = codes.subList(from, Math.min(codes.size(), from + 1000));
            lines.addAll(jdbc.query("SELECT credit_code, MAX(name), carrier_id, MIN(entry_date), MAX(exit_date), MAX(graduated_date) FROM tenant_entry "
                    + "WHERE credit_code IN (" + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ") GROUP BY credit_code, carrier_id",
                    (rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDate(4).toLocalDate(), Stays.day(rs.getDate(5)),
                            Stays.day(rs.getDate(6))), chunk.toArray()));
        }
        return lines;
    }

    /** Each firm's stays in the order it entered them (the carrier id decides a tie). */
    private static Map<String, List<Line>> stays(List<Line> lines) {
        Map<String, List<Line>> byFirm = new LinkedHashMap<>();
        lines.forEach(l -> byFirm.computeIfAbsent(l.code(), c -> new ArrayList<>()).add(l));
        byFirm.values().forEach(s -> s.sort(Comparator.comparing(Line::entry).thenComparingLong(Line::carrierId)));
        return byFirm;
    }

    private static Set<Long> carrierIds(Collection<List<Line>> stays) {
        Set<Long> ids = new HashSet<>();
        stays.stream().filter(s -> s.size() > 1).forEach(s -> s.forEach(l -> ids.add(l.carrierId())));
        return ids;
    }

    /** Whether the firm had left the earlier carrier (exited or graduated) by the day it entered the next: only then a move. */
    private static boolean movedOn(Line earlier, Line next) {
        return Stays.movedOn(Stays.end(earlier.exit(), earlier.graduated()), next.entry());
    }

    private static boolean touches(CarrierBrief a, CarrierBrief b, Set<City> cities) {
        return cities == null || cities.contains(a.city()) || cities.contains(b.city());
    }

    private static Stay stay(CarrierBrief carrier, Line line) {
        return new Stay(carrier.id(), carrier.name(), carrier.kind(), carrier.kind().label(), carrier.city(), carrier.city().label(),
                line.entry(), line.exit(), line.graduated());
    }

}
