package cn.parkflow.benchmark;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
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
    String createdBy;
    Instant createdAt;
    @Version Integer version;
    @MappedCollection(idColumn = "campaign_id")
    Set<CityQuota> quotas = new HashSet<>();

    @Table("benchmark_city_quota")
    record CityQuota(String city, int quota) {}
}

@Table("benchmark_application")
record BenchmarkApplicationRow(@Id Long id, Long campaignId, Long carrierId, String applicantId, String city, String indicators,
        String status, Instant appliedAt) {}

interface CampaignRepository extends ListCrudRepository<CampaignRow, Long> {}

interface BenchmarkApplicationRepository extends ListCrudRepository<BenchmarkApplicationRow, Long> {
    List<BenchmarkApplicationRow> findByCampaignIdOrderByAppliedAtAscIdAsc(Long campaignId);

    boolean existsByCampaignIdAndCarrierId(Long campaignId, Long carrierId);
}
