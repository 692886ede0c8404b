package cn.parkflow.registry;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("certification")
record CertificationRow(
        @Id Long id, Long carrierId, String number, CarrierKind kind, Level level, String ruleSet, String ruleTable,
        LocalDate validFrom, LocalDate validUntil, Long applicationId, String status, Instant createdAt, NationalGrade grade,
        String documentNumber, LocalDate recheckDue, String certificateSha256, Instant certificateIssuedAt) {}
