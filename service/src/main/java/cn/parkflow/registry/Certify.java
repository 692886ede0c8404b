package cn.parkflow.registry;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * Command: record a certification of a carrier, creating the carrier when it is new to the registry. {@code ruleTable}
 * is the deployed decision table that found the carrier eligible ({@code EligibilityIncubator v3}), null for
 * certifications not decided by parkflow (imported, demo).
 */
public record Certify(
        CreditCode creditCode, String operatorName, String carrierName, CarrierKind kind, Level level, City city,
        String address, Set<Industry> industries, String ruleSet, LocalDate validFrom, LocalDate validUntil,
        Long applicationId, String ruleTable) {

    /** A certification without a parkflow decision table behind it. */
    public Certify(CreditCode creditCode, String operatorName, String carrierName, CarrierKind kind, Level level, City city,
            String address, Set<Industry> industries, String ruleSet, LocalDate validFrom, LocalDate validUntil, Long applicationId) {
        this(creditCode, operatorName, carrierName, kind, level, city, address, industries, ruleSet, validFrom, validUntil,
                applicationId, null);
    }

    public Certify {
        Objects.requireNonNull(creditCode, "creditCode");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(ruleSet, "ruleSet");
        Objects.requireNonNull(validFrom, "validFrom");
        if (operatorName == null || operatorName.isBlank() || carrierName == null || carrierName.isBlank()) {
            throw new IllegalArgumentException("operatorName and carrierName are required");
        }
        if (validUntil != null && validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("validUntil before validFrom");
        }
        industries = Set.copyOf(industries);
    }
}
