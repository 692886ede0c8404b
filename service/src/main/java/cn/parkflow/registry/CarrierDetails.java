package cn.parkflow.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A carrier with its certifications, titles, evaluations and the history of registry changes. */
public record CarrierDetails(
        CarrierSummary carrier,
        List<Certification> certifications,
        List<Title> titles,
        List<Evaluation> evaluations,
        List<HistoryEntry> history) {

    public record Certification(long id, String number, CarrierKind kind, String kindLabel, Level level, String levelLabel,
            String ruleSet, String ruleTable, LocalDate validFrom, LocalDate validUntil, Long applicationId, String status,
            NationalGrade grade, String gradeLabel, String documentNumber, LocalDate recheckDue,
            /** SHA-256 of the certificate PDF as issued (hex), null until it is first downloaded. */
            String certificateSha256) {}

    public record Title(long id, String title, String source, LocalDate validFrom, LocalDate validUntil, boolean current) {}

    public record Evaluation(int year, String rating, BigDecimal score, String remark) {}

    public record HistoryEntry(Instant at, String actor, String action, String detail) {}
}
