package cn.parkflow.benchmark;

import cn.parkflow.publication.Objections;
import cn.parkflow.publication.PublicationProcess;

import static cn.parkflow.registry.FormText.markdown;

import cn.parkflow.identity.ExpertPanel;
import cn.parkflow.registry.CarrierDetails;
import cn.parkflow.registry.City;
import cn.parkflow.registry.Industry;
import cn.parkflow.registry.RegistryReader;
import cn.parkflow.registry.RegistryService;
import cn.parkflow.registry.FormText;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The benchmark selection from the deadline on, as the process drives it: closing applications,
 * city recommendations, expert panels and score sheets, the province ranking and its confirmation,
 * publication and the titles. Every method runs inside the engine's transaction. A refusal of a
 * reviewer's answer is an {@link IllegalArgumentException} with a Chinese message.
 */
@Service("benchmarkSelection")
public class SelectionWorkflow {

    private static final Logger log = LoggerFactory.getLogger(SelectionWorkflow.class);
    static final String ACTION_ADD = "ADD";
    static final String ACTION_REMOVE = "REMOVE";

    private final CampaignRepository campaigns;
    private final BenchmarkApplicationRepository applications;
    private final ScoreRepository scores;
    private final ChangeRepository changes;
    private final RegistryReader registry;
    private final RegistryService registryService;
    private final ExpertPanel panel;
    private final BenchmarkProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    SelectionWorkflow(CampaignRepository campaigns, BenchmarkApplicationRepository applications, ScoreRepository scores,
            ChangeRepository changes, RegistryReader registry,
            RegistryService registryService, ExpertPanel panel, BenchmarkProperties properties, ObjectMapper json, Clock clock) {
        this.campaigns = campaigns;
        this.applications = applications;
        this.scores = scores;
        this.changes = changes;
        this.registry = registry;
        this.registryService = registryService;
        this.panel = panel;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    // --- expressions the BPMN uses ---

    /** Due date of a selection task: {@code ${benchmarkSelection.due('CityRecommendationTask')}}. */
    public Date due(String taskId) {
        return properties.due(taskId, clock);
    }

    /** The expert of a scoring assignment: {@code ${benchmarkSelection.expert(assignment)}}. */
    public String expert(String assignment) {
        return BenchmarkProcess.assignedExpert(assignment);
    }

    /** The reviewer group of a city: {@code ${benchmarkSelection.cityGroup(city)}}. */
    public String cityGroup(String city) {
        return City.ofCode(city).reviewerGroup();
    }

    // --- deadline ---

    /**
     * Applications close. Returns the cities that recommend (they have applicants and a quota);
     * applicants of a city without quota are not recommended. No such city closes the campaign.
     */
    @Transactional
    public List<String> closeApplications(long campaignId) {
        CampaignRow campaign = campaign(campaignId);
        List<BenchmarkApplicationRow> applied = applications.findByCampaignIdOrderByAppliedAtAscIdAsc(campaignId);
        Set<String> withApplicants = applied.stream().map(a -> a.city).collect(Collectors.toSet());
        List<String> cities = new ArrayList<>();
        for (City city : City.values()) {
            if (withApplicants.contains(city.code()) && campaign.quota(city.code()) > 0) {
                cities.add(city.code());
            }
        }
        for (BenchmarkApplicationRow a : applied) {
            if (!cities.contains(a.city)) {
                status(a, BenchmarkStatus.NOT_RECOMMENDED);
            }
        }
        stage(campaign, cities.isEmpty() ? CampaignStage.CLOSED : CampaignStage.CITY_RECOMMENDATION);
        log.info("campaign {} closed for applications: {} applicants, {} recommending cities", campaignId, applied.size(), cities.size());
        return cities;
    }

    // --- city recommendation ---

    /** What a city's recommendation form shows: quota, the applicants with their indicators, the options. */
    @Transactional(readOnly = true)
    public Map<String, Object> recommendationView(long campaignId, String cityCode) {
        CampaignRow campaign = campaign(campaignId);
        City city = City.ofCode(cityCode);
        List<BenchmarkApplicationRow> applicants = applications.findByCampaignIdAndCityOrderByAppliedAtAscIdAsc(campaignId, cityCode);
        Map<Long, CarrierDetails> carriers = carriers(applicants);
        StringBuilder table = new StringBuilder("| 编号 | 载体 | 级别 | 在孵企业 | 高新技术企业 | 累计毕业 | 当年投融资（元） | 未来产业领域 |\n|---|---|---|---|---|---|---|---|\n");
        List<FormText.Option> options = new ArrayList<>();
        for (BenchmarkApplicationRow a : applicants) {
            var c = carriers.get(a.carrierId).carrier();
            Map<String, Object> ind = indicators(a);
            table.append("| ").append(a.id).append(" | ").append(markdown(c.name())).append(" | ").append(c.levelLabel())
                    .append(" | ").append(value(ind, "tenantCount")).append(" | ").append(value(ind, "highTechTenants"))
                    .append(" | ").append(value(ind, "graduatedCount")).append(" | ").append(value(ind, "investmentRaised"))
                    .append(" | ").append(c.industries().stream().filter(Industry::isFutureIndustry).map(Industry::label)
                            .collect(Collectors.joining("、"))).append(" |\n");
            options.add(new FormText.Option(String.valueOf(a.id), a.id + " " + c.name()));
        }
        Map<String, Object> v = new HashMap<>();
        v.put("campaignTitle", campaign.title);
        v.put("cityName", city.label());
        v.put("quota", campaign.quota(cityCode));
        v.put("applicantCount", applicants.size());
        v.put("applicantsMarkdown", FormText.longText(table.toString()));
        v.put("applicantOptions", FormText.options(options));
        return v;
    }

    /**
     * The city's ordered recommendation: at most its quota, each an applicant of the city, none twice.
     * The rest of the city's applicants are not recommended.
     */
    @Transactional
    public void recommend(long campaignId, String cityCode, List<Long> ordered, String actor) {
        CampaignRow campaign = campaign(campaignId);
        int quota = campaign.quota(cityCode);
        City city = City.ofCode(cityCode);
        if (ordered.size() > quota) {
            throw new IllegalArgumentException(city.label() + "推荐名额为 " + quota + " 个，推荐了 " + ordered.size() + " 个，超出名额");
        }
        if (new HashSet<>(ordered).size() != ordered.size()) {
            throw new IllegalArgumentException("同一申报不能重复推荐");
        }
        Map<Long, BenchmarkApplicationRow> applicants = applications.findByCampaignIdAndCityOrderByAppliedAtAscIdAsc(campaignId, cityCode)
                .stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
        for (Long id : ordered) {
            if (!applicants.containsKey(id)) {
                throw new IllegalArgumentException("申报编号 " + id + " 不是" + city.label() + "本次的申报");
            }
        }
        for (BenchmarkApplicationRow a : applicants.values()) {
            int position = ordered.indexOf(a.id);
            a.cityRank = position < 0 ? null : position + 1;
            status(a, position < 0 ? BenchmarkStatus.NOT_RECOMMENDED : BenchmarkStatus.RECOMMENDED);
        }
        log.info("campaign {}: {} recommended {} of {} applicants ({})", campaignId, actor, ordered.size(), applicants.size(), cityCode);
    }

    // --- expert scoring ---

    /** Draws a panel for every recommended application; returns one assignment per (application, expert). */
    @Transactional
    public List<String> drawPanels(long campaignId) {
        CampaignRow campaign = campaign(campaignId);
        List<BenchmarkApplicationRow> recommended = applications.findByCampaignIdAndStatusOrderByIdAsc(campaignId, BenchmarkStatus.RECOMMENDED);
        List<ExpertPanel.Expert> experts = panel.experts();
        Map<Long, CarrierDetails> carriers = carriers(recommended);
        List<String> assignments = new ArrayList<>();
        for (BenchmarkApplicationRow a : recommended) {
            var carrier = carriers.get(a.carrierId).carrier();
            List<String> drawn = panel.draw(experts, carrier.city(), carrier.creditCode(), properties.panelSize());
            a.experts = String.join(",", drawn);
            status(a, BenchmarkStatus.RECOMMENDED);
            drawn.forEach(e -> assignments.add(BenchmarkProcess.assignment(a.id, e)));
        }
        stage(campaign, recommended.isEmpty() ? CampaignStage.CLOSED : CampaignStage.EXPERT_SCORING);
        return assignments;
    }

    /** What the expert's scoring form shows. */
    @Transactional(readOnly = true)
    public Map<String, Object> scoringView(long applicationId) {
        BenchmarkApplicationRow a = application(applicationId);
        CampaignRow campaign = campaign(a.campaignId);
        var c = registry.find(a.carrierId).orElseThrow().carrier();
        Map<String, Object> v = new HashMap<>();
        v.put("campaignTitle", campaign.title);
        v.put("applicationId", a.id);
        v.put("carrierName", c.name());
        v.put("operatorName", c.operatorName());
        v.put("cityName", c.cityName());
        v.put("levelLabel", c.levelLabel());
        v.put("cityRank", a.cityRank);
        v.put("industriesText", c.industries().stream().map(Industry::label).collect(Collectors.joining("、")));
        v.put("indicatorsMarkdown", FormText.indicatorTable(indicators(a)));
        StringBuilder rubric = new StringBuilder("| 评分项 | 权重 |\n|---|---|\n");
        Rubric r = properties.rubric();
        for (Criterion criterion : Criterion.values()) {
            rubric.append("| ").append(criterion.label()).append(" | ")
                    .append(r.weights().get(criterion).movePointRight(2).stripTrailingZeros().toPlainString()).append("% |\n");
        }
        v.put("rubricMarkdown", rubric.toString());
        return v;
    }

    /** One expert's score sheet; only a panel member, once. */
    @Transactional
    public void score(long applicationId, ScoreSheet sheet, String comment) {
        BenchmarkApplicationRow a = application(applicationId);
        if (!a.expertList().contains(sheet.expert())) {
            throw new IllegalArgumentException(sheet.expert() + " 不是该申报的评审专家");
        }
        if (scores.findByApplicationIdAndExpert(applicationId, sheet.expert()).isPresent()) {
            throw new IllegalArgumentException(sheet.expert() + " 已对该申报评分");
        }
        Map<Criterion, Integer> s = sheet.scores();
        scores.save(new ScoreRow(null, applicationId, sheet.expert(), s.get(Criterion.FUTURE_FIT), s.get(Criterion.INCUBATION_PERFORMANCE),
                s.get(Criterion.PROFESSIONAL_SERVICES), s.get(Criterion.INVESTMENT), s.get(Criterion.CHAIN_COMPLETENESS),
                properties.rubric().total(sheet), comment == null || comment.isBlank() ? null : comment.strip(), clock.instant()));
    }

    // --- ranking and confirmation ---

    /** Ranks every recommended application province-wide and proposes the first {@code totalQuota}. */
    @Transactional
    public List<Ranking.Ranked> rank(long campaignId) {
        CampaignRow campaign = campaign(campaignId);
        List<BenchmarkApplicationRow> recommended = applications.findByCampaignIdAndStatusOrderByIdAsc(campaignId, BenchmarkStatus.RECOMMENDED);
        Map<Long, List<ScoreSheet>> sheets = new HashMap<>();
        for (ScoreRow s : scores.findByApplicationIdIn(recommended.stream().map(a -> a.id).toList())) {
            sheets.computeIfAbsent(s.applicationId(), k -> new ArrayList<>()).add(sheet(s));
        }
        List<Ranking.Candidate> candidates = new ArrayList<>();
        for (BenchmarkApplicationRow a : recommended) {
            List<ScoreSheet> own = sheets.getOrDefault(a.id, List.of());
            if (own.isEmpty()) {
                throw new IllegalStateException("application " + a.id + " has no score sheet");
            }
            Object highTech = indicators(a).get("highTechTenants");
            candidates.add(new Ranking.Candidate(a.id, own, highTech instanceof Number n ? n.intValue() : 0, a.appliedAt));
        }
        List<Ranking.Ranked> ranking = Ranking.rank(properties.rubric(), candidates, campaign.totalQuota);
        Map<Long, BenchmarkApplicationRow> byId = recommended.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
        for (Ranking.Ranked r : ranking) {
            BenchmarkApplicationRow a = byId.get(r.candidate().applicationId());
            a.provinceRank = r.rank();
            a.score = r.score();
            a.proposed = r.proposed();
            status(a, BenchmarkStatus.RANKED);
        }
        stage(campaign, CampaignStage.CONFIRMATION);
        return ranking;
    }

    /** What the approver's form shows: the ranking, the proposed list and the options for changes. */
    @Transactional(readOnly = true)
    public Map<String, Object> confirmationView(long campaignId) {
        CampaignRow campaign = campaign(campaignId);
        List<BenchmarkApplicationRow> ranked = ranked(campaignId);
        Map<Long, CarrierDetails> carriers = carriers(ranked);
        StringBuilder table = new StringBuilder("| 名次 | 得分 | 设区市 | 市内推荐顺位 | 载体 | 运营机构 | 拟入选 |\n|---|---|---|---|---|---|---|\n");
        List<FormText.Option> options = new ArrayList<>();
        int proposed = 0;
        for (BenchmarkApplicationRow a : ranked) {
            var c = carriers.get(a.carrierId).carrier();
            boolean on = Boolean.TRUE.equals(a.proposed);
            proposed += on ? 1 : 0;
            table.append("| ").append(a.provinceRank).append(" | ").append(a.score.toPlainString()).append(" | ").append(c.cityName())
                    .append(" | ").append(a.cityRank).append(" | ").append(markdown(c.name())).append(" | ").append(markdown(c.operatorName()))
                    .append(" | ").append(on ? "✔" : "").append(" |\n");
            options.add(new FormText.Option(String.valueOf(a.id),
                    (on ? "【移出】" : "【增补】") + "第" + a.provinceRank + "名 " + c.name() + "（" + c.cityName() + "，" + a.score.toPlainString() + "分）"));
        }
        Map<String, Object> v = new HashMap<>();
        v.put("campaignTitle", campaign.title);
        v.put("totalQuota", campaign.totalQuota);
        v.put("proposedCount", proposed);
        v.put("rankedCount", ranked.size());
        v.put("rankingMarkdown", FormText.longText(table.toString()));
        v.put("rankedOptions", FormText.options(options));
        return v;
    }

    /** One change the approver made: the application and why. Its action follows from the proposal. */
    public record Change(long applicationId, String reason) {}

    /**
     * The approver confirms the proposal as is, or changes it: every change names an application
     * (on the proposal: removed; not on it: added) and a reason; the list may not exceed the total quota.
     */
    @Transactional
    public void confirm(long campaignId, List<Change> requested, String actor) {
        CampaignRow campaign = campaign(campaignId);
        Map<Long, BenchmarkApplicationRow> ranked = ranked(campaignId).stream()
                .collect(Collectors.toMap(a -> a.id, Function.identity(), (x, y) -> x, LinkedHashMap::new));
        Set<Long> seen = new HashSet<>();
        for (Change change : requested) {
            if (!ranked.containsKey(change.applicationId())) {
                throw new IllegalArgumentException("申报编号 " + change.applicationId() + " 不在本次排名中");
            }
            if (!seen.add(change.applicationId())) {
                throw new IllegalArgumentException("申报编号 " + change.applicationId() + " 调整了两次");
            }
            if (change.reason() == null || change.reason().isBlank()) {
                throw new IllegalArgumentException("每项调整都须说明理由（申报编号 " + change.applicationId() + "）");
            }
        }
        Set<Long> list = new HashSet<>();
        ranked.values().stream().filter(a -> Boolean.TRUE.equals(a.proposed)).forEach(a -> list.add(a.id));
        for (Change change : requested) {
            if (!list.remove(change.applicationId())) {
                list.add(change.applicationId());
            }
        }
        if (list.size() > campaign.totalQuota) {
            throw new IllegalArgumentException("调整后入选 " + list.size() + " 个，超过总名额 " + campaign.totalQuota + " 个");
        }
        Instant now = clock.instant();
        for (Change change : requested) {
            boolean added = list.contains(change.applicationId());
            changes.save(new ChangeRow(null, campaignId, change.applicationId(), added ? ACTION_ADD : ACTION_REMOVE,
                    change.reason().strip(), actor, now));
        }
        for (BenchmarkApplicationRow a : ranked.values()) {
            status(a, list.contains(a.id) ? BenchmarkStatus.CONFIRMED : BenchmarkStatus.NOT_SELECTED);
        }
        log.info("campaign {} list confirmed by {}: {} carriers, {} changes", campaignId, actor, list.size(), requested.size());
    }

    // --- publication ---

    @Transactional
    public Instant openPublication(long campaignId, Duration period) {
        CampaignRow campaign = campaign(campaignId);
        campaign.publicationEnd = clock.instant().plus(period);
        stage(campaign, CampaignStage.PUBLICATION);
        return campaign.publicationEnd;
    }

    @Transactional
    public void closePublication(long campaignId) {
        CampaignRow campaign = campaign(campaignId);
        if (campaign.publicationEnd == null || campaign.publicationEnd.isAfter(clock.instant())) {
            campaign.publicationEnd = clock.instant();
        }
        campaigns.save(campaign);
    }

    /** What the objection form shows about the carrier objected to. */
    @Transactional(readOnly = true)
    public Map<String, Object> objectionView(Objections.Objection objection) {
        BenchmarkApplicationRow a = application(objection.itemId());
        var c = registry.find(a.carrierId).orElseThrow().carrier();
        Map<String, Object> v = new HashMap<>();
        v.put("carrierName", c.name());
        v.put("operatorName", c.operatorName());
        v.put("kindLabel", campaign(a.campaignId).title);
        v.put("levelLabel", c.levelLabel());
        v.put("cityName", c.cityName());
        v.put("address", c.address());
        v.put("applicationId", a.id);
        v.put(PublicationProcess.OBJECTION_EFFECT, "异议成立的，该载体移出公示名单，其余载体照常公示");
        return v;
    }

    /** An upheld objection removes the carrier from the list (the publication goes on). */
    @Transactional
    public void objectionDecided(Objections.Objection o) {
        if (o.upheld()) {
            BenchmarkApplicationRow a = application(o.itemId());
            if (a.status == BenchmarkStatus.CONFIRMED) {
                status(a, BenchmarkStatus.OBJECTION_UPHELD);
                log.info("campaign {}: objection {} upheld by {}, application {} removed from the list", a.campaignId, o.id(),
                        o.decidedBy(), a.id);
            }
        }
    }

    // --- titles ---

    /** Every carrier still on the list gets the BENCHMARK title for the campaign's term. */
    @Transactional
    public int grantTitles(long campaignId) {
        CampaignRow campaign = campaign(campaignId);
        LocalDate from = LocalDate.now(clock);
        LocalDate until = from.plusYears(campaign.termYears).minusDays(1);
        String source = campaign.year + "年" + campaign.title;
        int granted = 0;
        for (BenchmarkApplicationRow a : applications.findByCampaignIdAndStatusOrderByIdAsc(campaignId, BenchmarkStatus.CONFIRMED)) {
            registryService.grantTitle(a.carrierId, CampaignService.BENCHMARK, source, from, until, "system");
            status(a, BenchmarkStatus.SELECTED);
            granted++;
        }
        stage(campaign, CampaignStage.CLOSED);
        log.info("campaign {} closed: {} benchmark titles granted until {}", campaignId, granted, until);
        return granted;
    }

    // --- helpers ---

    List<BenchmarkApplicationRow> ranked(long campaignId) {
        return applications.findByCampaignIdOrderByAppliedAtAscIdAsc(campaignId).stream()
                .filter(a -> a.provinceRank != null)
                .sorted(java.util.Comparator.comparingInt(a -> a.provinceRank))
                .toList();
    }

    static ScoreSheet sheet(ScoreRow s) {
        return new ScoreSheet(s.expert(), Map.of(Criterion.FUTURE_FIT, s.futureFit(), Criterion.INCUBATION_PERFORMANCE,
                s.incubationPerformance(), Criterion.PROFESSIONAL_SERVICES, s.professionalServices(), Criterion.INVESTMENT,
                s.investment(), Criterion.CHAIN_COMPLETENESS, s.chainCompleteness()));
    }

    private Map<Long, CarrierDetails> carriers(List<BenchmarkApplicationRow> rows) {
        Map<Long, CarrierDetails> out = new HashMap<>();
        for (BenchmarkApplicationRow a : rows) {
            out.computeIfAbsent(a.carrierId, id -> registry.find(id).orElseThrow(() -> new IllegalStateException("no carrier " + id)));
        }
        return out;
    }

    Map<String, Object> indicators(BenchmarkApplicationRow a) {
        try {
            return json.readValue(a.indicators, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String value(Map<String, Object> indicators, String key) {
        Object v = indicators.get(key);
        return v == null ? "—" : markdown(String.valueOf(v));
    }

    private void status(BenchmarkApplicationRow a, BenchmarkStatus status) {
        a.status = status;
        a.updatedAt = clock.instant();
        applications.save(a);
    }

    private void stage(CampaignRow campaign, CampaignStage stage) {
        campaign.stage = stage;
        campaigns.save(campaign);
    }

    private CampaignRow campaign(long id) {
        return campaigns.findById(id).orElseThrow(() -> new IllegalStateException("no campaign " + id));
    }

    private BenchmarkApplicationRow application(long id) {
        return applications.findById(id).orElseThrow(() -> new IllegalStateException("no benchmark application " + id));
    }

}
