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
 * The campaign's dossiers: the evidence an operator adds to its application until the deadline, who may
 * read it (the applicant, the province, its city's reviewers, its panel), and the ranked result.
 */
@Service
public class CampaignDossiers {

    private final CampaignService campaigns;
    private final BenchmarkApplicationRepository applications;
    private final EvidenceDocuments documents;
    private final RegistryReader registry;
    private final Clock clock;

    CampaignDossiers(CampaignService campaigns, BenchmarkApplicationRepository applications, EvidenceDocuments documents,
            RegistryReader registry, Clock clock) {
        this.campaigns = campaigns;
        this.applications = applications;
        this.documents = documents;
        this.registry = registry;
        this.clock = clock;
    }

    // --- the dossier's documents ---

    /** Adds evidence to the caller's own application, until the deadline. */
    @Transactional
    public Evidence addDocument(long campaignId, long applicationId, DocumentType type, String fileName, InputStream content,
            Caller caller) throws IOException {
        BenchmarkApplicationRow application = campaigns.application(campaignId, applicationId);
        if (!caller.userId().equals(application.applicantId)) {
            throw ApiException.forbidden("只能为本机构的申报上传材料");
        }
        CampaignRow campaign = campaigns.campaign(campaignId);
        if (campaign.stage != CampaignStage.APPLYING || !clock.instant().isBefore(campaign.deadline)) {
            throw ApiException.conflict("申报已截止，不能再上传材料");
        }
        return documents.add(DocumentSubject.BENCHMARK_APPLICATION, applicationId, type, fileName, content, caller.userId());
    }

    @Transactional(readOnly = true)
    public List<Evidence> documents(long campaignId, long applicationId, Caller caller) {
        readable(campaigns.application(campaignId, applicationId), caller);
        return documents.list(DocumentSubject.BENCHMARK_APPLICATION, applicationId);
    }

    @Transactional(readOnly = true)
    public DocumentResponses.Access document(long campaignId, long applicationId, long documentId, Caller caller) {
        readable(campaigns.application(campaignId, applicationId), caller);
        return documents.access(DocumentSubject.BENCHMARK_APPLICATION, applicationId, documentId);
    }

    /** Who may read a dossier: its applicant, the province, its city's reviewers and its panel. */
    private void readable(BenchmarkApplicationRow a, Caller caller) {
        boolean allowed = caller.userId().equals(a.applicantId) || caller.isProvince()
                || caller.reviewedCities().stream().anyMatch(c -> c.code().equals(a.city))
                || a.expertList().contains(caller.userId());
        if (!allowed) {
            throw ApiException.forbidden("无权查看该申报材料");
        }
    }

    // --- results ---

    /** One ranked application in the campaign's result. */
    public record ResultLine(Integer rank, BigDecimal score, City city, String cityName, Integer cityRank, long applicationId,
            long carrierId, String carrierName, String operatorName, String creditCode, BenchmarkStatus status, String statusLabel) {}

    /** Every application, ranked ones first in rank order (province roles). */
    @Transactional(readOnly = true)
    public List<ResultLine> results(long campaignId, Caller caller) {
        if (!caller.isProvince()) {
            throw ApiException.forbidden("遴选结果仅供省科技厅查看和导出");
        }
        campaigns.campaign(campaignId);
        return applications.findByCampaignIdOrderByAppliedAtAscIdAsc(campaignId).stream()
                .sorted(Comparator.comparing((BenchmarkApplicationRow a) -> a.provinceRank == null ? Integer.MAX_VALUE : a.provinceRank)
                        .thenComparing(a -> a.city).thenComparing(a -> a.id))
                .map(a -> {
                    var c = registry.find(a.carrierId).orElseThrow().carrier();
                    City city = City.ofCode(a.city);
                    return new ResultLine(a.provinceRank, a.score, city, city.label(), a.cityRank, a.id, a.carrierId, c.name(),
                            c.operatorName(), c.creditCode(), a.status, a.status.label());
                })
                .toList();
    }
}
