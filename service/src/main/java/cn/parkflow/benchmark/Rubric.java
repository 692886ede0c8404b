package cn.parkflow.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * Weights of the criteria, summing to 1. The defaults are assumed (30/25/15/15/15) and meant to be
 * replaced by configuration per campaign.
 */
public record Rubric(Map<Criterion, BigDecimal> weights) {

    public static final Rubric ASSUMED_DEFAULT = new Rubric(Map.of(
            Criterion.FUTURE_FIT, new BigDecimal("0.30"),
            Criterion.INCUBATION_PERFORMANCE, new BigDecimal("0.25"),
            Criterion.PROFESSIONAL_SERVICES, new BigDecimal("0.15"),
            Criterion.INVESTMENT, new BigDecimal("0.15"),
            Criterion.CHAIN_COMPLETENESS, new BigDecimal("0.15")));

    public Rubric {
        EnumMap<Criterion, BigDecimal> copy = new EnumMap<>(Criterion.class);
        copy.putAll(weights);
        if (copy.size() != Criterion.values().length) {
            throw new IllegalArgumentException("every criterion needs a weight");
        }
        if (copy.values().stream().anyMatch(w -> w.signum() < 0)) {
            throw new IllegalArgumentException("weights must not be negative");
        }
        if (copy.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException("weights must sum to 1");
        }
        weights = Map.copyOf(copy);
    }

    /** One expert's weighted total (0–100, two decimals) of a score sheet. */
    public BigDecimal total(ScoreSheet sheet) {
        BigDecimal total = BigDecimal.ZERO;
        for (Criterion c : Criterion.values()) {
            total = total.add(weights.get(c).multiply(BigDecimal.valueOf(sheet.scores().get(c))));
        }
        return total.setScale(2, RoundingMode.HALF_UP);
    }
}
