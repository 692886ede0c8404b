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
        Long applicationId, String ruleTable, National national) {

    /**
     * The ministry's decision behind a national certification: the grade (2025 rules; null under earlier ones), the
     * ministry's document number and the date of its decision.
     */
    public record National(NationalGrade grade, String documentNumber, LocalDate decidedOn) {
        public National {
            if (documentNumber == null || documentNumber.isBlank()) {
                throw new IllegalArgumentException("a national certification needs the ministry's document number");
            }
            Objects.requireNonNull(decidedOn, "decidedOn");
        }
    }

    /** A certification decided by parkflow's tables, not a national one. */
    public Certify(CreditCode creditCode, String operatorName, String carrierName, CarrierKind kind, Level level, City city,
            String address, Set<Industry> industries, String ruleSet, LocalDate validFrom, LocalDate validUntil, Long applicationId,
            String ruleTable) {
        this(creditCode, operatorName, carrierName, kind, level, city, address, industries, ruleSet, validFrom, validUntil,
                applicationId, ruleTable, null);
    }

    /** A certification without a parkflow decision table behind it. */
    public Certify(CreditCode creditCode, String operatorName, String carrierName, CarrierKind kind, Level level, City city,
            String address, Set<Industry> industries, String ruleSet, LocalDate validFrom, LocalDate validUntil, Long applicationId) {
        this(creditCode, operatorName, carrierName, kind, level, city, address, industries, ruleSet, validFrom, validUntil,
                applicationId, null, null);
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
        if (national != null && level != Level.NATIONAL) {
            throw new IllegalArgumentException("a ministry's decision belongs to a national certification only");
        }
        industries = Set.copyOf(industries);
    }
}
