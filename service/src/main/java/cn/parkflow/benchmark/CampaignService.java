package cn.parkflow.benchmark;

import cn.parkflow.identity.Caller;
import cn.parkflow.identity.Roles;
import cn.parkflow.identity.UserDirectory;
import cn.parkflow.registry.CarrierDetails;
import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.CarrierStatus;
import cn.parkflow.registry.City;
import cn.parkflow.registry.Industry;
import cn.parkflow.registry.Level;
import cn.parkflow.registry.RegistryReader;
import cn.parkflow.system.ApiException;
import cn.parkflow.system.FieldErrors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Benchmark-incubator campaigns: the province opens one with quotas and a deadline; operators apply
 * for their eligible carriers until the deadline. (The selection process itself, from city
 * recommendation to the titles, follows the campaign's deadline.)
 */
@Service
public class CampaignService {

    static final String BENCHMARK = "BENCHMARK";

    private final CampaignRepository campaigns;
    private final BenchmarkApplicationRepository applications;
    private final RegistryReader registry;
    private final UserDirectory users;
    private final ObjectMapper json;
    private final Clock clock;

    CampaignService(CampaignRepository campaigns, BenchmarkApplicationRepository applications, RegistryReader registry,
            UserDirectory users, ObjectMapper json, Clock clock) {
        this.campaigns = campaigns;
        this.applications = applications;
        this.registry = registry;
        this.users = users;
        this.json = json;
        this.clock = clock;
    }

    /** A campaign as its readers see it, with quotas and counts per city. */
    public record CampaignView(long id, int year, String title, int totalQuota, Instant deadline, int termYears,
            CampaignStage stage, String stageLabel, int applicants, List<CityLine> cities) {}

    /** One city's quota use. */
    public record CityLine(City city, String cityName, int quota, int applicants, int recommended, int selected) {}

    @Transactional
    public CampaignView open(OpenCampaign request, Caller caller) {
        if (!caller.in(Roles.PROVINCE_REVIEWER) && !caller.isAdmin()) {
            throw ApiException.forbidden("只有省科技厅审核人员可以发起标杆孵化器遴选");
        }
        Instant deadline = request.deadline().toInstant();
        if (!deadline.isAfter(clock.instant())) {
            throw FieldErrors.single("deadline", "申报截止时间应晚于当前时间");
        }
        CampaignRow row = new CampaignRow();
        for (Map.Entry<String, Integer> quota : request.cityQuotas().entrySet()) {
            City city = City.find(quota.getKey())
                    .orElseThrow(() -> FieldErrors.single("cityQuotas." + quota.getKey(), "不是江苏省设区市代码"));
            row.quotas.add(new CampaignRow.CityQuota(city.code(), quota.getValue()));
        }
        row.year = request.year();
        row.title = request.title();
        row.totalQuota = request.totalQuota();
        row.deadline = deadline;
        row.termYears = request.termYears();
        row.stage = CampaignStage.APPLYING;
        row.createdBy = caller.userId();
        row.createdAt = clock.instant();
        return view(campaigns.save(row));
    }

    @Transactional(readOnly = true)
    public CampaignView get(long id) {
        return view(campaign(id));
    }

    /** An operator's application for one of its carriers. */
    public record Apply(long carrierId, Map<String, Object> indicators) {}

    public record Applied(long id, long campaignId, long carrierId, String status, Instant appliedAt) {}

    @Transactional
    public Applied apply(long campaignId, Apply request, Caller caller) {
        if (!caller.isApplicant()) {
            throw ApiException.forbidden("只有运营机构账号可以申报标杆孵化器");
        }
        CampaignRow campaign = campaign(campaignId);
        Instant now = clock.instant();
        if (campaign.stage != CampaignStage.APPLYING || !now.isBefore(campaign.deadline)) {
            throw ApiException.conflict("申报已于 " + campaign.deadline + " 截止，不再受理");
        }
        CarrierDetails carrier = registry.find(request.carrierId()).orElseThrow(() -> ApiException.notFound("载体"));
        Optional<String> operator = users.operatorCreditCode(caller.userId());
        if (operator.isEmpty() || !operator.get().equals(carrier.carrier().creditCode())) {
            throw ApiException.forbidden("只能为本运营机构的载体申报");
        }
        List<String> reasons = ineligibility(carrier);
        if (!reasons.isEmpty()) {
            throw ApiException.unprocessable("该载体不符合标杆孵化器申报条件：" + String.join("；", reasons)).with("reasons", reasons);
        }
        if (applications.existsByCampaignIdAndCarrierId(campaignId, request.carrierId())) {
            throw ApiException.conflict("该载体已申报本次遴选");
        }
        String indicators;
        try {
            indicators = json.writeValueAsString(request.indicators() == null ? Map.of() : request.indicators());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        BenchmarkApplicationRow saved = applications.save(new BenchmarkApplicationRow(null, campaignId, request.carrierId(),
                caller.userId(), carrier.carrier().city().code(), indicators, "APPLIED", now));
        return new Applied(saved.id(), campaignId, request.carrierId(), saved.status(), saved.appliedAt());
    }

    /**
     * Why a carrier may not apply (Chinese), empty when it may: ACTIVE, an incubator, provincial or
     * national, in at least one 10+X future industry, without an unexpired benchmark title.
     */
    List<String> ineligibility(CarrierDetails details) {
        List<String> reasons = new ArrayList<>();
        var c = details.carrier();
        if (c.status() != CarrierStatus.ACTIVE) {
            reasons.add("载体状态为“" + c.statusLabel() + "”，须为有效");
        }
        if (c.kind() != CarrierKind.INCUBATOR) {
            reasons.add("载体类型为" + c.kindLabel() + "，须为科技企业孵化器");
        }
        if (c.level() != Level.PROVINCIAL && c.level() != Level.NATIONAL) {
            reasons.add("载体级别为" + c.levelLabel() + "，须为省级或国家级");
        }
        if (c.industries().stream().noneMatch(Industry::isFutureIndustry)) {
            reasons.add("未聚焦未来产业（10+X）领域");
        }
        if (details.titles().stream().anyMatch(t -> BENCHMARK.equals(t.title()) && !t.validUntil().isBefore(clock.instant().atZone(clock.getZone()).toLocalDate()))) {
            reasons.add("已持有未到期的标杆孵化器称号");
        }
        return reasons;
    }

    private CampaignRow campaign(long id) {
        return campaigns.findById(id).orElseThrow(() -> ApiException.notFound("遴选活动"));
    }

    private CampaignView view(CampaignRow row) {
        List<BenchmarkApplicationRow> applied = applications.findByCampaignIdOrderByAppliedAtAscIdAsc(row.id);
        Map<String, Integer> quotas = new LinkedHashMap<>();
        row.quotas.forEach(q -> quotas.put(q.city(), q.quota()));
        List<CityLine> cities = new ArrayList<>();
        for (City city : City.values()) {
            int applicants = (int) applied.stream().filter(a -> a.city().equals(city.code())).count();
            cities.add(new CityLine(city, city.label(), quotas.getOrDefault(city.code(), 0), applicants, 0, 0));
        }
        return new CampaignView(row.id, row.year, row.title, row.totalQuota, row.deadline, row.termYears, row.stage,
                row.stage.label(), applied.size(), cities);
    }
}
