package cn.parkflow.dashboard;

import cn.parkflow.application.ApplicationStatus;
import cn.parkflow.identity.Roles;
import cn.parkflow.workflow.Tasks;
import cn.parkflow.registry.RegistryService;
import cn.parkflow.evaluation.EvaluationRuns;
import cn.parkflow.application.ApplicationQueries;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final RegistryService registry;
    private final ApplicationQueries applications;
    private final Tasks tasks;
    private final CampaignService campaigns;
    private final EvaluationRuns evaluations;
    private final Clock clock;

    DashboardController(RegistryService registry, ApplicationQueries applications, Tasks tasks, CampaignService campaigns,
            EvaluationRuns evaluations, Clock clock) {
        this.registry = registry;
        this.applications = applications;
        this.tasks = tasks;
        this.campaigns = campaigns;
        this.evaluations = evaluations;
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
        long total = 0;
        for (RegistryService.CarrierCount n : registry.countsInForce()) {
            CityCarriers c = byCity.get(n.city());
            if (c == null) {
                continue;
            }
            c.byKind().merge(n.kind(), n.count(), Long::sum);
            c.byLevel().merge(n.level(), n.count(), Long::sum);
            byCity.put(c.city(), new CityCarriers(c.city(), c.cityName(), c.total() + n.count(), c.byKind(), c.byLevel()));
            total += n.count();
        }
        List<Count> kinds = new ArrayList<>();
        for (CarrierKind k : CarrierKind.values()) {
            kinds.add(new Count(k.name(), k.label(), byCity.values().stream().mapToLong(c -> c.byKind().get(k)).sum()));
        }
        List<Count> levels = new ArrayList<>();
        for (Level l : Level.values()) {
            levels.add(new Count(l.name(), l.label(), byCity.values().stream().mapToLong(c -> c.byLevel().get(l)).sum()));
        }

        Map<ApplicationStatus, Long> stages = applications.countsByStatus();
        List<Count> byStage = new ArrayList<>();
        for (ApplicationStatus s : ApplicationStatus.values()) {
            byStage.add(new Count(s.name(), s.label(), stages.getOrDefault(s, 0L)));
        }

        Instant now = clock.instant();
        List<CityTasks> cityTasks = new ArrayList<>();
        for (City city : City.values()) {
            // claimed tasks are still the city's: a claimed task counts as the city's open task
            Tasks.Load load = tasks.load(List.of(city.reviewerGroup()), now);
            cityTasks.add(new CityTasks(city.code(), city.label(), load.open(), load.overdue()));
        }
        long provinceOverdue = tasks.load(List.of(Roles.PROVINCE_REVIEWER, Roles.PROVINCE_APPROVER), now).overdue();

        Quotas quotas = campaigns.latest().map(DashboardController::quotas).orElse(new Quotas(null, null, List.of()));

        EvaluationRuns.Confirmed confirmed = evaluations.lastConfirmed();
        List<Count> ratings = new ArrayList<>();
        for (Rating r : Rating.values()) {
            ratings.add(new Count(r.name(), r.label(), confirmed.byRating().getOrDefault(r, 0L)));
        }
        return new Dashboard(total, List.copyOf(byCity.values()), kinds, levels, byStage, cityTasks, provinceOverdue, quotas,
                new Ratings(confirmed.year(), ratings));
    }

    private static Quotas quotas(CampaignService.CampaignView campaign) {
        return new Quotas(campaign.id(), campaign.title(), campaign.cities());
    }
}
