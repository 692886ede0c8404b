package cn.parkflow.benchmark;

import cn.parkflow.document.DocumentType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.ListCrudRepository;

@Table("benchmark_campaign")
class CampaignRow {
    @Id Long id;
    @Column("campaign_year") int year;
    String title;
    int totalQuota;
    Instant deadline;
    int termYears;
    CampaignStage stage;
    String processInstanceId;
    Instant publicationEnd;
    String createdBy;
    Instant createdAt;
    @Version Integer version;
    @MappedCollection(idColumn = "campaign_id")
    Set<CityQuota> quotas = new HashSet<>();

    @Table("benchmark_city_quota")
    record CityQuota(String city, int quota) {}

    int quota(String city) {
        return quotas.stream().filter(q -> q.city().equals(city)).mapToInt(CityQuota::quota).findFirst().orElse(0);
    }
}

/** An operator's application to a campaign, and where it stands in the selection. */
@Table("benchmark_application")
class BenchmarkApplicationRow {
    @Id Long id;
    Long campaignId;
    Long carrierId;
    String applicantId;
    String city;
    String indicators;
    BenchmarkStatus status;
    Instant appliedAt;
    Integer cityRank;
    String experts;
    String panelNote;
    Integer provinceRank;
    BigDecimal score;
    Boolean proposed;
    Instant updatedAt;

    /** Adds a sentence to the panel note (how the panel was drawn or changed). */
    void notePanel(String sentence) {
        String note = panelNote == null ? sentence : panelNote + "；" + sentence;
        panelNote = note.length() > 1000 ? note.substring(0, 1000) : note;
    }

    List<String> expertList() {
        return experts == null || experts.isBlank() ? List.of() : List.of(experts.split(","));
    }
}

interface CampaignRepository extends ListCrudRepository<CampaignRow, Long> {
    Optional<CampaignRow> findFirstByOrderByCreatedAtDescIdDesc();
}

interface BenchmarkApplicationRepository extends ListCrudRepository<BenchmarkApplicationRow, Long> {
    List<BenchmarkApplicationRow> findByCampaignIdOrderByAppliedAtAscIdAsc(Long campaignId);

    List<BenchmarkApplicationRow> findByCampaignIdAndCityOrderByAppliedAtAscIdAsc(Long campaignId, String city);

    List<BenchmarkApplicationRow> findByCampaignIdAndStatusOrderByIdAsc(Long campaignId, BenchmarkStatus status);

    boolean existsByCampaignIdAndCarrierId(Long campaignId, Long carrierId);
}

@Table("benchmark_score")
record ScoreRow(@Id Long id, Long applicationId, String expert, int futureFit, int incubationPerformance,
        int professionalServices, int investment, int chainCompleteness, BigDecimal total, String comment, Instant scoredAt) {}

interface ScoreRepository extends ListCrudRepository<ScoreRow, Long> {
    List<ScoreRow> findByApplicationIdIn(List<Long> applicationIds);

    Optional<ScoreRow> findByApplicationIdAndExpert(Long applicationId, String expert);
}

@Table("benchmark_change")
record ChangeRow(@Id Long id, Long campaignId, Long applicationId, String action, String reason, String actor, Instant changedAt) {}

interface ChangeRepository extends ListCrudRepository<ChangeRow, Long> {
    List<ChangeRow> findByCampaignIdOrderByIdAsc(Long campaignId);
}


