package cn.parkflow.benchmark;

import cn.parkflow.publication.Objections;
import cn.parkflow.publication.PublicationProcess;

import static cn.parkflow.registry.FormText.markdown;

import cn.parkflow.accounts.ExpertPanel;
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
 * The benchmark selection's judging: expert panels drawn per recommended application (without conflict of
 * interest), score sheets, the province ranking (weighted rubric, highest and lowest dropped, documented
 * tie-breaks) and the approver's confirmation of the list, each change with its reason. Every method runs
 * inside the engine's transaction; a refused answer is an {@link IllegalArgumentException} with a Chinese message.
 */
@Service
public class SelectionRanking {

    private static final Logger log = LoggerFactory.getLogger(SelectionRanking.class);
    static final String ACTION_ADD = "ADD";
    static final String ACTION_REMOVE = "REMOVE";

    private final BenchmarkApplicationRepository applications;
    private final ScoreRepository scores;
    private final ChangeRepository changes;
    private final RegistryReader registry;
    private final ExpertPanel panel;
    private final BenchmarkProperties properties;
    private final Clock clock;
    private final SelectionRecords records;

    SelectionRanking(BenchmarkApplicationRepository applications, ScoreRepository scores,
            ChangeRepository changes, RegistryReader registry,
            ExpertPanel panel, BenchmarkProperties properties, Clock clock,
            SelectionRecords records) {
        this.applications = applications;
        this.scores = scores;
        this.changes = changes;
        this.registry = registry;
        this.panel = panel;
        this.properties = properties;
        this.clock = clock;
        this.records = records;
    }

    /** Draws a panel for every recommended application; returns one assignment per (application, expert). */
    @Transactional
    public List<String> drawPanels(long campaignId) {
        CampaignRow campaign = records.campaign(campaignId);
        List<BenchmarkApplicationRow> recommended = applications.findByCampaignIdAndStatusOrderByIdAsc(campaignId, BenchmarkStatus.RECOMMENDED);
        List<ExpertPanel.Expert> experts = panel.experts();
        Map<Long, CarrierDetails> carriers = records.carriers(recommended);
        List<String> assignments = new ArrayList<>();
        for (BenchmarkApplicationRow a : recommended) {
            var carrier = carriers.get(a.carrierId).carrier();
            ExpertPanel.Draw draw = panel.draw(experts, subject(carrier), properties.panelSize(), Set.of());
            List<String> drawn = draw.experts();
            a.experts = String.join(",", drawn);
            if (draw.note() != null) {
                a.notePanel(draw.note());
            }
            records.status(a, BenchmarkStatus.RECOMMENDED);
            drawn.forEach(e -> assignments.add(BenchmarkProcess.assignment(a.id, e)));
        }
        records.stage(campaign, recommended.isEmpty() ? CampaignStage.CLOSED : CampaignStage.EXPERT_SCORING);
        return assignments;
    }

    /** What an expert of this carrier's panel must have no interest in. */
    static ExpertPanel.Subject subject(cn.parkflow.registry.CarrierSummary carrier) {
        return new ExpertPanel.Subject(carrier.city(), carrier.creditCode(), Set.copyOf(carrier.industries()));
    }

    /** What the expert's scoring form shows. */
    @Transactional(readOnly = true)
    public Map<String, Object> scoringView(long applicationId) {
        BenchmarkApplicationRow a = records.application(applicationId);
        CampaignRow campaign = records.campaign(a.campaignId);
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
        v.put("indicatorsMarkdown", FormText.indicatorTable(records.indicators(a)));
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
        BenchmarkApplicationRow a = records.application(applicationId);
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

    /** Ranks every recommended application province-wide and proposes the first {@code totalQuota}. */
    @Transactional
    public List<Ranking.Ranked> rank(long campaignId) {
        CampaignRow campaign = records.campaign(campaignId);
        List<BenchmarkApplicationRow> recommended = applications.findByCampaignIdAndStatusOrderByIdAsc(campaignId, BenchmarkStatus.RECOMMENDED);
        Map<Long, List<ScoreSheet>> sheets = new HashMap<>();
        for (ScoreRow s : scores.findByApplicationIdIn(recommended.stream().map(a -> a.id).toList())) {
            sheets.computeIfAbsent(s.applicationId(), k -> new ArrayList<>()).add(SelectionRecords.sheet(s));
        }
        List<Ranking.Candidate> candidates = new ArrayList<>();
        for (BenchmarkApplicationRow a : recommended) {
            List<ScoreSheet> own = sheets.getOrDefault(a.id, List.of());
            if (own.isEmpty()) {
                throw new IllegalStateException("application " + a.id + " has no score sheet");
            }
            Object highTech = records.indicators(a).get("highTechTenants");
            candidates.add(new Ranking.Candidate(a.id, own, highTech instanceof Number n ? n.intValue() : 0, a.appliedAt));
        }
        List<Ranking.Ranked> ranking = Ranking.rank(properties.rubric(), candidates, campaign.totalQuota);
        Map<Long, BenchmarkApplicationRow> byId = recommended.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
        for (Ranking.Ranked r : ranking) {
            BenchmarkApplicationRow a = byId.get(r.candidate().applicationId());
            a.provinceRank = r.rank();
            a.score = r.score();
            a.proposed = r.proposed();
            records.status(a, BenchmarkStatus.RANKED);
        }
        records.stage(campaign, CampaignStage.CONFIRMATION);
        return ranking;
    }

    /** What the approver's form shows: the ranking, the proposed list and the options for changes. */
    @Transactional(readOnly = true)
    public Map<String, Object> confirmationView(long campaignId) {
        CampaignRow campaign = records.campaign(campaignId);
        List<BenchmarkApplicationRow> ranked = records.ranked(campaignId);
        Map<Long, CarrierDetails> carriers = records.carriers(ranked);
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
        String notes = ranked.stream().filter(a -> a.panelNote != null)
                .map(a -> "- " + markdown(carriers.get(a.carrierId).carrier().name()) + "：" + markdown(a.panelNote))
                .collect(Collectors.joining("\n"));
        if (!notes.isEmpty()) {
            table.append("\n专家抽取说明：\n\n").append(notes).append('\n');
        }
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
        CampaignRow campaign = records.campaign(campaignId);
        Map<Long, BenchmarkApplicationRow> ranked = records.ranked(campaignId).stream()
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
            records.status(a, list.contains(a.id) ? BenchmarkStatus.CONFIRMED : BenchmarkStatus.NOT_SELECTED);
        }
        log.info("campaign {} list confirmed by {}: {} carriers, {} changes", campaignId, actor, list.size(), requested.size());
    }
}
