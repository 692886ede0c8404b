package cn.parkflow.benchmark;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code parkflow.benchmark.*}: the panel size, the rubric's weights (assumed defaults 30/25/15/15/15;
 * they must sum to 1) and the due periods of the selection's user tasks.
 */
@ConfigurationProperties("parkflow.benchmark")
public record BenchmarkProperties(
        @DefaultValue("5") int panelSize,
        Map<Criterion, BigDecimal> weights,
        @DefaultValue("P15D") Duration cityRecommendationDue,
        @DefaultValue("P10D") Duration expertScoringDue,
        @DefaultValue("P10D") Duration provinceConfirmDue) {

    public BenchmarkProperties {
        if (panelSize < 1) {
            throw new IllegalArgumentException("parkflow.benchmark.panel-size must be at least 1");
        }
        weights = weights == null || weights.isEmpty() ? Rubric.ASSUMED_DEFAULT.weights() : new Rubric(weights).weights();
    }

    public Rubric rubric() {
        return new Rubric(weights);
    }

    /** The due date of a selection task from now, for the BPMN ({@code ${benchmarkDue.of('CityRecommendationTask')}}). */
    Date due(String taskId, Clock clock) {
        Duration d = switch (taskId) {
            case BenchmarkProcess.CITY_RECOMMENDATION_TASK -> cityRecommendationDue;
            case BenchmarkProcess.EXPERT_SCORING_TASK -> expertScoringDue;
            case BenchmarkProcess.PROVINCE_CONFIRM_TASK -> provinceConfirmDue;
            default -> throw new IllegalArgumentException("no due date configured for " + taskId);
        };
        return Date.from(clock.instant().plus(d));
    }
}
