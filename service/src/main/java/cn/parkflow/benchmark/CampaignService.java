package cn.parkflow.benchmark;

import cn.parkflow.publication.Objections;
import cn.parkflow.publication.PublicationProcess;

import cn.parkflow.workflow.Processes;
import cn.parkflow.document.DocumentResponses;
import cn.parkflow.document.DocumentSubject;
import cn.parkflow.document.Evidence;
import cn.parkflow.document.EvidenceDocuments;
import cn.parkflow.document.DocumentType;
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
import cn.parkflow.registry.ValidIndicators;
import cn.parkflow.system.ApiException;
import cn.parkflow.system.FieldErrors;
import cn.parkflow.system.ParkflowProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
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
    private final Objections objections;
    private final Processes processes;
    private final ParkflowProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    CampaignService(CampaignRepository campaigns, BenchmarkApplicationRepository applications, RegistryReader registry,
            UserDirectory users, Objections objections,
            Processes processes, ParkflowProperties properties, ObjectMapper json, Clock clock) {
        this.campaigns = campaigns;
        this.applications = applications;
        this.registry = registry;
        this.users = users;
        this.objections = objections;
        this.processes = processes;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** A campaign as its readers see it, with quotas and counts per city. */
    public record CampaignView(long id, int year, String title, int totalQuota, Instant deadline, int termYears,
            CampaignStage stage, String stageLabel, Instant publicationEnd, Integer applicants, List<CityLine> cities) {

        /**
         * The campaign as this caller may read it: the province all of it, a city reviewer its own
         * city's line (and no province totals), anyone else the announcement only (title, quota,
         * deadline, term, stage) without any applicant or recommendation counts.
         */
        public CampaignView visibleTo(Caller caller) {
            if (caller.isProvince()) {
                return this;
            }
            List<City> own = caller.reviewedCities();
            List<CityLine> lines = cities.stream().filter(l -> own.contains(l.city())).toList();
            return new CampaignView(id, year, title, totalQuota, deadline, termYears, stage, stageLabel, publicationEnd,
                    own.isEmpty() ? null : lines.stream().mapToInt(CityLine::applicants).sum(), lines);
        }
    }

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
        CampaignRow saved = campaigns.save(row);
        Map<String, Object> variables = new HashMap<>();
        variables.put(BenchmarkProcess.CAMPAIGN_ID, saved.id);
        variables.put(BenchmarkProcess.DEADLINE, Date.from(deadline));
        variables.put("campaignTitle", saved.title);
        variables.put(PublicationProcess.PUBLICATION_SUBJECT, BenchmarkProcess.subject(saved.id));
        variables.put(PublicationProcess.PUBLICATION_PERIOD, properties.publicationPeriod().toString());
        saved.processInstanceId = processes.start(BenchmarkProcess.KEY, String.valueOf(saved.id), variables);
        return view(campaigns.save(saved));
    }

    /** The campaign created last, if any (the province's dashboard shows its quotas). */
    @Transactional(readOnly = true)
    public Optional<CampaignView> latest() {
        return campaigns.findFirstByOrderByCreatedAtDescIdDesc().map(this::view);
    }

    @Transactional(readOnly = true)
    public CampaignView get(long id) {
        return view(campaign(id));
    }

    @Transactional(readOnly = true)
    public CampaignView get(long id, Caller caller) {
        return get(id).visibleTo(caller);
    }

    /** An operator's application for one of its carriers: the carrier and its indicators (the dossier's figures). */
    public record Apply(@NotNull(message = "请选择申报载体") Long carrierId, @ValidIndicators Map<String, Object> indicators) {}

    public record Applied(long id, long campaignId, long carrierId, BenchmarkStatus status, String statusLabel, Instant appliedAt) {}

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
        BenchmarkApplicationRow row = new BenchmarkApplicationRow();
        row.campaignId = campaignId;
        row.carrierId = request.carrierId();
        row.applicantId = caller.userId();
        row.city = carrier.carrier().city().code();
        row.indicators = indicators;
        row.status = BenchmarkStatus.APPLIED;
        row.appliedAt = now;
        row.updatedAt = now;
        BenchmarkApplicationRow saved = applications.save(row);
        return applied(saved);
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

    private Applied applied(BenchmarkApplicationRow row) {
        return new Applied(row.id, row.campaignId, row.carrierId, row.status, row.status.label(), row.appliedAt);
    }

    // --- publication and objections ---

    /** A carrier on the list under publication, as the public sees it. */
    public record PublicationEntry(long applicationId, int rank, BigDecimal score, String carrierName, String operatorName,
            City city, String cityName, String address, Instant publicationEnd) {}

    /** The confirmed list while it is under publication (public). */
    @Transactional(readOnly = true)
    public List<PublicationEntry> publication(long campaignId) {
        CampaignRow campaign = campaign(campaignId);
        if (campaign.stage != CampaignStage.PUBLICATION || campaign.publicationEnd == null || !campaign.publicationEnd.isAfter(clock.instant())) {
            return List.of();
        }
        return applications.findByCampaignIdAndStatusOrderByIdAsc(campaignId, BenchmarkStatus.CONFIRMED).stream()
                .sorted(Comparator.comparingInt(a -> a.provinceRank))
                .map(a -> {
                    var c = registry.find(a.carrierId).orElseThrow().carrier();
                    return new PublicationEntry(a.id, a.provinceRank, a.score, c.name(), c.operatorName(), c.city(), c.cityName(),
                            c.address(), campaign.publicationEnd);
                })
                .toList();
    }

    /** A written objection to one carrier on the list, with the objector's real name and contact. */
    public record Objection(
            @NotNull(message = "请选择异议针对的载体（申报编号）") Long applicationId,
            @NotBlank(message = "请填写异议人真实姓名") @Size(max = 100, message = "姓名最长100字") String objectorName,
            @NotBlank(message = "请填写联系方式") @Size(max = 100, message = "联系方式最长100字") String contact,
            @NotBlank(message = "请填写异议内容及理由") @Size(max = 4000, message = "异议内容最长4000字") String text) {}

    public record ObjectionReceipt(long id, long campaignId, long applicationId, Instant receivedAt) {}

    @Transactional
    public ObjectionReceipt object(long campaignId, Objection objection) {
        CampaignRow campaign = campaign(campaignId);
        Instant now = clock.instant();
        if (campaign.stage != CampaignStage.PUBLICATION || campaign.publicationEnd == null || !now.isBefore(campaign.publicationEnd)) {
            throw ApiException.conflict("本次遴选不在公示期内，异议不予受理");
        }
        BenchmarkApplicationRow target = applications.findById(objection.applicationId())
                .filter(a -> a.campaignId.equals(campaignId) && a.status == BenchmarkStatus.CONFIRMED)
                .orElseThrow(() -> FieldErrors.single("applicationId", "该申报不在本次公示名单中"));
        Objections.Objection saved = objections.receive(BenchmarkProcess.subject(campaignId), target.id,
                new Objections.Filed(objection.objectorName().strip(), objection.contact().strip(), objection.text().strip()));
        return new ObjectionReceipt(saved.id(), campaignId, target.id, saved.receivedAt());
    }

    /** The campaign's application, or 404 (also for an application of another campaign). */
    BenchmarkApplicationRow application(long campaignId, long applicationId) {
        return applications.findById(applicationId).filter(a -> a.campaignId.equals(campaignId))
                .orElseThrow(() -> ApiException.notFound("申报"));
    }

    /** The campaign, or 404. */
    CampaignRow campaign(long id) {
        return campaigns.findById(id).orElseThrow(() -> ApiException.notFound("遴选活动"));
    }

    private CampaignView view(CampaignRow row) {
        List<BenchmarkApplicationRow> applied = applications.findByCampaignIdOrderByAppliedAtAscIdAsc(row.id);
        Map<String, Integer> quotas = new LinkedHashMap<>();
        row.quotas.forEach(q -> quotas.put(q.city(), q.quota()));
        List<CityLine> cities = new ArrayList<>();
        for (City city : City.values()) {
            List<BenchmarkApplicationRow> own = applied.stream().filter(a -> a.city.equals(city.code())).toList();
            cities.add(new CityLine(city, city.label(), quotas.getOrDefault(city.code(), 0), own.size(),
                    (int) own.stream().filter(a -> a.status.recommended()).count(),
                    (int) own.stream().filter(a -> a.status.onConfirmedList()).count()));
        }
        return new CampaignView(row.id, row.year, row.title, row.totalQuota, row.deadline, row.termYears, row.stage,
                row.stage.label(), row.publicationEnd, applied.size(), cities);
    }
}
