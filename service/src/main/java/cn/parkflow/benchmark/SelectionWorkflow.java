package cn.parkflow.benchmark;

import cn.parkflow.publication.Objections;
import cn.parkflow.publication.PublicationProcess;

import static cn.parkflow.registry.FormText.markdown;

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
 * the cities' recommendations, publication and the titles ({@link SelectionRanking} has the expert
 * panels, score sheets, ranking and confirmation). Every method runs inside the engine's transaction. A refusal of a
 * reviewer's answer is an {@link IllegalArgumentException} with a Chinese message.
 */
@Service("benchmarkSelection")
public class SelectionWorkflow {

    private static final Logger log = LoggerFactory.getLogger(SelectionWorkflow.class);

    private final CampaignRepository campaigns;
    private final BenchmarkApplicationRepository applications;
    private final RegistryReader registry;
    private final RegistryService registryService;
    private final BenchmarkProperties properties;
    private final Clock clock;
    private final SelectionRecords records;

    SelectionWorkflow(CampaignRepository campaigns, BenchmarkApplicationRepository applications, RegistryReader registry,
            RegistryService registryService, BenchmarkProperties properties, Clock clock,
            SelectionRecords records) {
        this.campaigns = campaigns;
        this.applications = applications;
        this.registry = registry;
        this.registryService = registryService;
        this.properties = properties;
        this.clock = clock;
        this.records = records;
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
        CampaignRow campaign = records.campaign(campaignId);
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
                records.status(a, BenchmarkStatus.NOT_RECOMMENDED);
            }
        }
        records.stage(campaign, cities.isEmpty() ? CampaignStage.CLOSED : CampaignStage.CITY_RECOMMENDATION);
        log.info("campaign {} closed for applications: {} applicants, {} recommending cities", campaignId, applied.size(), cities.size());
        return cities;
    }

    // --- city recommendation ---

    /** What a city's recommendation form shows: quota, the applicants with their indicators, the options. */
    @Transactional(readOnly = true)
    public Map<String, Object> recommendationView(long campaignId, String cityCode) {
        CampaignRow campaign = records.campaign(campaignId);
        City city = City.ofCode(cityCode);
        List<BenchmarkApplicationRow> applicants = applications.findByCampaignIdAndCityOrderByAppliedAtAscIdAsc(campaignId, cityCode);
        Map<Long, CarrierDetails> carriers = records.carriers(applicants);
        StringBuilder table = new StringBuilder("| 编号 | 载体 | 级别 | 在孵企业 | 高新技术企业 | 累计毕业 | 当年投融资（元） | 未来产业领域 |\n|---|---|---|---|---|---|---|---|\n");
        List<FormText.Option> options = new ArrayList<>();
        for (BenchmarkApplicationRow a : applicants) {
            var c = carriers.get(a.carrierId).carrier();
            Map<String, Object> ind = records.indicators(a);
            table.append("| ").append(a.id).append(" | ").append(markdown(c.name())).append(" | ").append(c.levelLabel())
                    .append(" | ").append(SelectionRecords.value(ind, "tenantCount")).append(" | ").append(SelectionRecords.value(ind, "highTechTenants"))
                    .append(" | ").append(SelectionRecords.value(ind, "graduatedCount")).append(" | ").append(SelectionRecords.value(ind, "investmentRaised"))
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
        CampaignRow campaign = records.campaign(campaignId);
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
            records.status(a, position < 0 ? BenchmarkStatus.NOT_RECOMMENDED : BenchmarkStatus.RECOMMENDED);
        }
        log.info("campaign {}: {} recommended {} of {} applicants ({})", campaignId, actor, ordered.size(), applicants.size(), cityCode);
    }

    // --- publication ---

    @Transactional
    public Instant openPublication(long campaignId, Instant end) {
        CampaignRow campaign = records.campaign(campaignId);
        campaign.publicationEnd = end;
        records.stage(campaign, CampaignStage.PUBLICATION);
        return campaign.publicationEnd;
    }

    @Transactional
    public void closePublication(long campaignId) {
        CampaignRow campaign = records.campaign(campaignId);
        if (campaign.publicationEnd == null || campaign.publicationEnd.isAfter(clock.instant())) {
            campaign.publicationEnd = clock.instant();
        }
        campaigns.save(campaign);
    }

    /** What the objection form shows about the carrier objected to. */
    @Transactional(readOnly = true)
    public Map<String, Object> objectionView(Objections.Objection objection) {
        BenchmarkApplicationRow a = records.application(objection.itemId());
        var c = registry.find(a.carrierId).orElseThrow().carrier();
        Map<String, Object> v = new HashMap<>();
        v.put("carrierName", c.name());
        v.put("operatorName", c.operatorName());
        v.put("kindLabel", records.campaign(a.campaignId).title);
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
            BenchmarkApplicationRow a = records.application(o.itemId());
            if (a.status == BenchmarkStatus.CONFIRMED) {
                records.status(a, BenchmarkStatus.OBJECTION_UPHELD);
                log.info("campaign {}: objection {} upheld by {}, application {} removed from the list", a.campaignId, o.id(),
                        o.decidedBy(), a.id);
            }
        }
    }

    // --- titles ---

    /** Every carrier still on the list gets the BENCHMARK title for the campaign's term. */
    @Transactional
    public int grantTitles(long campaignId) {
        CampaignRow campaign = records.campaign(campaignId);
        LocalDate from = LocalDate.now(clock);
        LocalDate until = from.plusYears(campaign.termYears).minusDays(1);
        String source = campaign.year + "年" + campaign.title;
        int granted = 0;
        for (BenchmarkApplicationRow a : applications.findByCampaignIdAndStatusOrderByIdAsc(campaignId, BenchmarkStatus.CONFIRMED)) {
            registryService.grantTitle(a.carrierId, CampaignService.BENCHMARK, source, from, until, "system");
            records.status(a, BenchmarkStatus.SELECTED);
            granted++;
        }
        records.stage(campaign, CampaignStage.CLOSED);
        log.info("campaign {} closed: {} benchmark titles granted until {}", campaignId, granted, until);
        return granted;
    }

}
