package cn.parkflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The annual score and rating tables row by row, at each band's boundaries. */
class AnnualRatingTablesTest {

    static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    static final DmnDecision SCORE = decision("annual-score.dmn", "AnnualScore");
    static final DmnDecision RATING = decision("annual-rating.dmn", "AnnualRating");

    static DmnDecision decision(String file, String key) {
        try (InputStream in = AnnualRatingTablesTest.class.getResourceAsStream("/dmn/" + file)) {
            return ENGINE.parseDecision(key, in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static double score(String kind, Map<String, Object> indicators) {
        Map<String, Object> v = new HashMap<>();
        ReportColumns.RATED.forEach(k -> v.put(k, null));
        v.putAll(indicators);
        v.put("kind", kind);
        DmnDecisionResult r = ENGINE.evaluateDecision(SCORE, v);
        Object sum = r.isEmpty() ? null : r.getSingleResult().getSingleEntry();
        return sum == null ? 0 : ((Number) sum).doubleValue();
    }

    static String rating(String kind, double score) {
        return ENGINE.evaluateDecision(RATING, Map.of("kind", kind, "score", score)).getSingleResult().getEntry("rating");
    }

    @Test
    void aFullMarksIncubatorScoresOneHundredAndNothingReportedScoresZero() {
        Map<String, Object> best = Map.of("tenantCount", 50, "graduatedCount", 30, "highTechTenants", 10, "investmentRaised", 50_000_000,
                "mentorCount", 20, "eventsPerYear", 24, "professionalStaffShare", 0.5);
        assertThat(score("INCUBATOR", best)).isEqualTo(100.0);
        assertThat(score("INCUBATOR", Map.of())).isZero();
    }

    @ParameterizedTest(name = "{0} {1}={2} -> {3} points")
    @CsvSource({
            "INCUBATOR, tenantCount, 50, 20", "INCUBATOR, tenantCount, 49, 15", "INCUBATOR, tenantCount, 30, 15",
            "INCUBATOR, tenantCount, 29, 10", "INCUBATOR, tenantCount, 15, 10", "INCUBATOR, tenantCount, 14, 0",
            "NURSERY, tenantCount, 30, 20", "NURSERY, tenantCount, 29, 15", "NURSERY, tenantCount, 15, 15",
            "NURSERY, tenantCount, 14, 10", "NURSERY, tenantCount, 5, 10", "NURSERY, tenantCount, 4, 0",
            "ACCELERATOR, graduatedCount, 30, 15", "ACCELERATOR, graduatedCount, 29, 10", "ACCELERATOR, graduatedCount, 15, 10",
            "ACCELERATOR, graduatedCount, 14, 5", "ACCELERATOR, graduatedCount, 5, 5", "ACCELERATOR, graduatedCount, 4, 0",
            "INCUBATOR, highTechTenants, 10, 20", "INCUBATOR, highTechTenants, 9, 12", "INCUBATOR, highTechTenants, 5, 12",
            "INCUBATOR, highTechTenants, 4, 6", "INCUBATOR, highTechTenants, 1, 6", "INCUBATOR, highTechTenants, 0, 0",
            "NURSERY, highTechTenants, 3, 20", "NURSERY, highTechTenants, 2, 12", "NURSERY, highTechTenants, 1, 12",
            "NURSERY, highTechTenants, 0, 0",
            "GROWTH_CENTER, investmentRaised, 50000000, 15", "GROWTH_CENTER, investmentRaised, 49999999, 10",
            "GROWTH_CENTER, investmentRaised, 10000000, 10", "GROWTH_CENTER, investmentRaised, 9999999, 5",
            "GROWTH_CENTER, investmentRaised, 1000000, 5", "GROWTH_CENTER, investmentRaised, 999999, 0",
            "INCUBATOR, mentorCount, 20, 10", "INCUBATOR, mentorCount, 19, 6", "INCUBATOR, mentorCount, 10, 6",
            "INCUBATOR, mentorCount, 9, 3", "INCUBATOR, mentorCount, 5, 3", "INCUBATOR, mentorCount, 4, 0",
            "FUTURE_INDUSTRY_PARK, eventsPerYear, 24, 10", "FUTURE_INDUSTRY_PARK, eventsPerYear, 23, 6",
            "FUTURE_INDUSTRY_PARK, eventsPerYear, 12, 6", "FUTURE_INDUSTRY_PARK, eventsPerYear, 11, 3",
            "FUTURE_INDUSTRY_PARK, eventsPerYear, 6, 3", "FUTURE_INDUSTRY_PARK, eventsPerYear, 5, 0",
            "INCUBATOR, professionalStaffShare, 0.5, 10", "INCUBATOR, professionalStaffShare, 0.49, 6",
            "INCUBATOR, professionalStaffShare, 0.3, 6", "INCUBATOR, professionalStaffShare, 0.29, 0"})
    void eachBandScoresItsPointsAtItsBoundaries(String kind, String indicator, double value, double points) {
        assertThat(score(kind, Map.of(indicator, value))).isEqualTo(points);
    }

    @ParameterizedTest(name = "{0} score {1} -> {2}")
    @CsvSource({"INCUBATOR, 100, A", "INCUBATOR, 85, A", "INCUBATOR, 84.99, B", "INCUBATOR, 70, B", "INCUBATOR, 69.99, C",
            "NURSERY, 60, C", "NURSERY, 59.99, D", "ACCELERATOR, 0, D"})
    void ratingBoundaries(String kind, double score, String rating) {
        assertThat(rating(kind, score)).isEqualTo(rating);
    }
}
