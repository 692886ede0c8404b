package cn.parkflow.application;

import cn.parkflow.document.Evidence;

import cn.parkflow.document.DocumentType;
import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.City;
import cn.parkflow.registry.Industry;
import cn.parkflow.registry.Level;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An application as its readers see it: figures, documents and timeline. */
public record ApplicationView(
        long id, ApplicationStatus status, String statusLabel, String stage, CarrierKind kind, Level level, String carrierName,
        String operatorName, String creditCode, City city, String cityName, List<Industry> industries, String address,
        Map<String, Object> indicators, Eligibility eligibility, Instant publicationEnd, String certificationNumber,
        Long carrierId, String processInstanceId, Instant createdAt, Instant updatedAt,
        Instant submittedAt, List<Evidence> documents, List<TimelineEntry> timeline, List<ExpertSummary> expertPanels,
        List<SiteCheck> siteChecks, National national) {

    /**
     * A national application's track: the grade the province recommended (2025 rules), when, and the ministry's
     * decision once recorded (approved or not, its document number and date); null for other levels.
     */
    public record National(cn.parkflow.registry.NationalGrade grade, Instant recommendedAt, Boolean ministryApproved,
            String ministryDocument, java.time.LocalDate ministryDecidedOn) {}

    /** A site check (现场核查) of the city: when, by whom, what was found, whether it passed. */
    public record SiteCheck(java.time.LocalDate date, String inspectors, String findings, boolean passed, String recordedBy,
            Instant recordedAt) {}

    /** The eligibility finding: rule set, the deployed decision table version that decided ({@code EligibilityIncubator v3}), what failed. */
    public record Eligibility(boolean eligible, String ruleSet, String ruleTable, List<String> failedCriteria) {}


    public record TimelineEntry(Instant at, String actor, String action, String comment) {}

    /** A line of the application list. */
    public record Summary(long id, ApplicationStatus status, String statusLabel, CarrierKind kind, Level level,
            String carrierName, String operatorName, City city, Instant updatedAt, Instant submittedAt) {}
}
