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
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the selection's steps share: the campaign's and its applications' rows, their moves, and the carriers behind them. */
@Component
class SelectionRecords {

    private final CampaignRepository campaigns;
    private final BenchmarkApplicationRepository applications;
    private final RegistryReader registry;
    private final ObjectMapper json;
    private final Clock clock;

    SelectionRecords(CampaignRepository campaigns, BenchmarkApplicationRepository applications, RegistryReader registry,
            ObjectMapper json, Clock clock) {
        this.campaigns = campaigns;
        this.applications = applications;
        this.registry = registry;
        this.json = json;
        this.clock = clock;
    }

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

    Map<Long, CarrierDetails> carriers(List<BenchmarkApplicationRow> rows) {
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

    static String value(Map<String, Object> indicators, String key) {
        Object v = indicators.get(key);
        return v == null ? "—" : markdown(String.valueOf(v));
    }

    void status(BenchmarkApplicationRow a, BenchmarkStatus status) {
        a.status = status;
        a.updatedAt = clock.instant();
        applications.save(a);
    }

    void stage(CampaignRow campaign, CampaignStage stage) {
        campaign.stage = stage;
        campaigns.save(campaign);
    }

    CampaignRow campaign(long id) {
        return campaigns.findById(id).orElseThrow(() -> new IllegalStateException("no campaign " + id));
    }

    BenchmarkApplicationRow application(long id) {
        return applications.findById(id).orElseThrow(() -> new IllegalStateException("no benchmark application " + id));
    }
}
