package cn.parkflow.dashboard;

import cn.parkflow.application.ApplicationStatus;
import cn.parkflow.benchmark.CampaignService;
import cn.parkflow.evaluation.Rating;
import cn.parkflow.identity.Caller;
import cn.parkflow.identity.CurrentCaller;
import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.City;
import cn.parkflow.registry.Level;
import cn.parkflow.system.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where things stand, for the province: carriers by city, kind and level; applications by stage and
 * overdue tasks by city; benchmark quota use per city; the rating distribution of the last
 * evaluation. Province roles only.
 */
@RestController
@Tag(name = "dashboard", description = "省级看板")
class DashboardController {

    private final NamedParameterJdbcTemplate jdbc;
    private final TaskService tasks;
    private final CampaignService campaigns;
    private final Clock clock;

    DashboardController(NamedParameterJdbcTemplate jdbc, TaskService tasks, CampaignService campaigns, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** One bar or slice: a code, its label, its count. */
    record Count(String code, String label, long count) {}

    /** Carriers of one city by kind and by level. */
    record CityCarriers(String city, String cityName, long total, Map<CarrierKind, Long> byKind, Map<Level, Long> byLevel) {}

    record CityTasks(String city, String cityName, long open, long overdue) {}

    record Quotas(Long campaignId, String title, List<CampaignService.CityLine> cities) {}

    record Ratings(Integer year, List<Count> byRating) {}

    record Dashboard(long carriers, List<CityCarriers> carriersByCity, List<Count> carriersByKind, List<Count> carriersByLevel,
            List<Count> applicationsByStage, List<CityTasks> tasksByCity, long overdueProvinceTasks, Quotas benchmarkQuotas,
            Ratings lastEvaluation) {}

    @GetMapping("/api/dashboard")
    @Operation(summary = "省级看板数据", description = "仅省科技厅（审核、审批）可看")
    @Transactional(readOnly = true)
    Dashboard dashboard() {
        Caller caller = CurrentCaller.get();
        if (!caller.isProvince()) {
            throw ApiException.forbidden("看板仅供省科技厅查看");
        }
        Map<String, CityCarriers> byCity = new LinkedHashMap<>();
        for (City city : City.values()) {
            Map<CarrierKind, Long> kinds = new LinkedHashMap<>();
            for (CarrierKind k : CarrierKind.values()) {
                kinds.put(k, 0L);
            }
            Map<Level, Long> levels = new LinkedHashMap<>();
            for (Level l : Level.values()) {
                levels.put(l, 0L);
            }
            byCity.put(city.code(), new CityCarriers(city.code(), city.label(), 0, kinds, levels));
        }
        long[] total = {0};
        jdbc.query("SELECT city, kind, level, COUNT(*) FROM carrier WHERE status IN ('ACTIVE', 'WARNING') GROUP BY city, kind, level",
                rs -> {
                    CityCarriers c = byCity.get(rs.getString(1));
                    long n = rs.getLong(4);
                    if (c == null) {
                        return;
                    }
                    c.byKind().merge(CarrierKind.valueOf(rs.getString(2)), n, Long::sum);
                    c.byLevel().merge(Level.valueOf(rs.getString(3)), n, Long::sum);
                    byCity.put(c.city(), new CityCarriers(c.city(), c.cityName(), c.total() + n, c.byKind(), c.byLevel()));
                    total[0] += n;
                });
        List<Count> kinds = new ArrayList<>();
        for (CarrierKind k : CarrierKind.values()) {
            kinds.add(new Count(k.name(), k.label(), byCity.values().stream().mapToLong(c -> c.byKind().get(k)).sum()));
        }
        List<Count> levels = new ArrayList<>();
        for (Level l : Level.values()) {
            levels.add(new Count(l.name(), l.label(), byCity.values().stream().mapToLong(c -> c.byLevel().get(l)).sum()));
        }

        Map<String, Long> stages = new LinkedHashMap<>();
        jdbc.query("SELECT status, COUNT(*) FROM application GROUP BY status", Map.of(), rs -> {
            stages.put(rs.getString(1), rs.getLong(2));
        });
        List<Count> applications = new ArrayList<>();
        for (ApplicationStatus s : ApplicationStatus.values()) {
            applications.add(new Count(s.name(), s.label(), stages.getOrDefault(s.name(), 0L)));
        }

        Date now = Date.from(clock.instant());
        List<CityTasks> cityTasks = new ArrayList<>();
        for (City city : City.values()) {
            String group = city.reviewerGroup();
            // claimed tasks are still the city's: includeAssignedTasks, or a claimed task would drop out of the counts
            cityTasks.add(new CityTasks(city.code(), city.label(), tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().count(),
                    tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().dueBefore(now).count()));
        }
        long provinceOverdue = tasks.createTaskQuery().taskCandidateGroupIn(List.of("province-reviewer", "province-approver"))
                .includeAssignedTasks().dueBefore(now).count();

        List<Long> latest = jdbc.queryForList("SELECT id FROM benchmark_campaign ORDER BY created_at DESC, id DESC LIMIT 1", Map.of(), Long.class);
        Quotas quotas = latest.isEmpty() ? new Quotas(null, null, List.of())
                : quotas(campaigns.get(latest.get(0)));

        // the last evaluation the cities have confirmed: a run in progress has provisional ratings only
        List<Integer> years = jdbc.queryForList("SELECT MAX(eval_year) FROM evaluation_result WHERE confirmed = TRUE", Map.of(), Integer.class);
        Integer year = years.isEmpty() ? null : years.get(0);
        Map<String, Long> ratingCounts = new LinkedHashMap<>();
        if (year != null) {
            jdbc.query("SELECT rating, COUNT(*) FROM evaluation_result WHERE eval_year = :y AND confirmed = TRUE GROUP BY rating", Map.of("y", year),
                    rs -> {
                        ratingCounts.put(rs.getString(1), rs.getLong(2));
                    });
        }
        List<Count> ratings = new ArrayList<>();
        for (Rating r : Rating.values()) {
            ratings.add(new Count(r.name(), r.label(), ratingCounts.getOrDefault(r.name(), 0L)));
        }
        return new Dashboard(total[0], List.copyOf(byCity.values()), kinds, levels, applications, cityTasks, provinceOverdue, quotas,
                new Ratings(year, ratings));
    }

    private static Quotas quotas(CampaignService.CampaignView campaign) {
        return new Quotas(campaign.id(), campaign.title(), campaign.cities());
    }
}
