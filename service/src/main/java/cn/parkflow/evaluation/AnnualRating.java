package cn.parkflow.evaluation;

import cn.parkflow.workflow.Decisions;

import cn.parkflow.registry.CarrierKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Rates a carrier from its annual report with the two DMN tables: {@code AnnualScore} (points per
 * indicator band, summed; assumed, editable) and {@code AnnualRating} (kind and score to A/B/C/D).
 * A carrier without a report is rated D without the tables.
 */
@Component
public class AnnualRating {

    /** The result: the score (0–100, null without report) and the rating. */
    public record Rated(BigDecimal score, Rating rating) {}

    private final Decisions decisions;

    AnnualRating(Decisions decisions) {
        this.decisions = decisions;
    }

    public Rated rate(CarrierKind kind, Map<String, Object> indicators) {
        if (indicators == null) {
            return new Rated(null, Rating.D);
        }
        Map<String, Object> variables = new HashMap<>();
        for (String input : ReportColumns.RATED) {
            variables.put(input, indicators.get(input));
        }
        variables.put("kind", kind.name());
        List<Map<String, Object>> points = decisions.evaluate("AnnualScore", variables);
        Object sum = points.isEmpty() ? null : single(points).values().iterator().next();
        BigDecimal score = sum == null ? BigDecimal.ZERO : new BigDecimal(sum.toString()).setScale(2, RoundingMode.HALF_UP);
        List<Map<String, Object>> rating = decisions.evaluate("AnnualRating", Map.of("kind", kind.name(), "score", score.doubleValue()));
        return new Rated(score, Rating.valueOf((String) single(rating).get("rating")));
    }

    private static Map<String, Object> single(List<Map<String, Object>> results) {
        if (results.size() != 1) {
            throw new IllegalStateException("expected one result of the annual tables, got " + results.size());
        }
        return results.get(0);
    }
}
