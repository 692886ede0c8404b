package cn.parkflow.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The province-wide ranking of recommended applications.
 *
 * <p>Score: each expert's weighted total under the {@link Rubric}; with five or more sheets the
 * highest and the lowest total are dropped (one each), and the rest averaged. Tie-breaks, in order:
 * (1) the higher score; (2) the higher average 未来产业契合度与硬科技属性 score over all sheets;
 * (3) the higher average 孵化绩效 score; (4) more high-tech tenants; (5) the earlier application;
 * (6) the lower application id, so the order is always total and repeatable.
 */
public final class Ranking {

    /** A recommended application with its score sheets and the facts the tie-breaks use. */
    public record Candidate(long applicationId, List<ScoreSheet> sheets, int highTechTenants, Instant appliedAt) {
        public Candidate {
            sheets = List.copyOf(sheets);
        }
    }

    /** A place in the ranking. */
    public record Ranked(int rank, Candidate candidate, BigDecimal score, BigDecimal futureFit, BigDecimal performance,
            boolean proposed) {}

    static final int DROP_EXTREMES_FROM = 5;

    private Ranking() {}

    public static BigDecimal score(Rubric rubric, List<ScoreSheet> sheets) {
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException("no score sheets");
        }
        List<BigDecimal> totals = new ArrayList<>(sheets.stream().map(rubric::total).sorted().toList());
        if (totals.size() >= DROP_EXTREMES_FROM) {
            totals.remove(totals.size() - 1);
            totals.remove(0);
        }
        BigDecimal sum = totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(totals.size()), 2, RoundingMode.HALF_UP);
    }

    static BigDecimal average(List<ScoreSheet> sheets, Criterion criterion) {
        int sum = sheets.stream().mapToInt(s -> s.scores().get(criterion)).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(sheets.size()), 2, RoundingMode.HALF_UP);
    }

    /** Ranks the candidates and proposes the first {@code quota}. */
    public static List<Ranked> rank(Rubric rubric, List<Candidate> candidates, int quota) {
        if (quota < 0) {
            throw new IllegalArgumentException("quota must not be negative");
        }
        record Scored(Candidate c, BigDecimal score, BigDecimal fit, BigDecimal performance) {}
        List<Scored> scored = candidates.stream()
                .map(c -> new Scored(c, score(rubric, c.sheets()), average(c.sheets(), Criterion.FUTURE_FIT),
                        average(c.sheets(), Criterion.INCUBATION_PERFORMANCE)))
                .sorted(Comparator.comparing(Scored::score).reversed()
                        .thenComparing(Comparator.comparing(Scored::fit).reversed())
                        .thenComparing(Comparator.comparing(Scored::performance).reversed())
                        .thenComparing(Comparator.comparingInt((Scored s) -> s.c().highTechTenants()).reversed())
                        .thenComparing(s -> s.c().appliedAt())
                        .thenComparingLong(s -> s.c().applicationId()))
                .toList();
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            ranked.add(new Ranked(i + 1, s.c(), s.score(), s.fit(), s.performance(), i < quota));
        }
        return ranked;
    }
}
