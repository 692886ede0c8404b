package cn.parkflow.evaluation;

import cn.parkflow.registry.CarrierKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
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

    private final DecisionService decisions;

    AnnualRating(DecisionService decisions) {
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
        DmnDecisionResult points = decisions.evaluateDecisionByKey("AnnualScore").variables(variables).evaluate();
        Object sum = points.isEmpty() ? null : points.getSingleResult().getSingleEntry();
        BigDecimal score = sum == null ? BigDecimal.ZERO : new BigDecimal(sum.toString()).setScale(2, RoundingMode.HALF_UP);
        DmnDecisionResult rating = decisions.evaluateDecisionByKey("AnnualRating")
                .variables(Map.of("kind", kind.name(), "score", score.doubleValue())).evaluate();
        return new Rated(score, Rating.valueOf(rating.getSingleResult().getEntry("rating")));
    }
}
