package cn.parkflow.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rule set in force for each kind and level, by filing date, row by row with each effective date as boundary. */
class RuleSetSelectionTest {

    static final DmnDecision SELECTION;

    static {
        try (InputStream in = RuleSetSelectionTest.class.getResourceAsStream("/dmn/rule-set-selection.dmn")) {
            SELECTION = EligibilityDecisionTablesTest.ENGINE.parseDecision("RuleSetSelection", in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String select(String kind, String level, String date) {
        DmnDecisionResult result = EligibilityDecisionTablesTest.ENGINE.evaluateDecision(SELECTION,
                Map.of("kind", kind, "level", level, "filingDate", date));
        return result.isEmpty() ? "NONE" : result.getSingleResult().getEntry("ruleSet");
    }

    @ParameterizedTest(name = "{0} {1} filed {2} -> {3}")
    @CsvSource({
            "INCUBATOR, NATIONAL, 2026-03-01, NATIONAL-2025",
            "INCUBATOR, NATIONAL, 2025-10-01, NATIONAL-2025",
            "INCUBATOR, NATIONAL, 2025-09-30, NATIONAL-2018",
            "INCUBATOR, NATIONAL, 2018-12-10, NATIONAL-2018",
            "INCUBATOR, NATIONAL, 2018-12-09, NONE",
            "INCUBATOR, PROVINCIAL, 2026-03-01, JIANGSU-2019",
            "INCUBATOR, CITY, 2019-10-01, JIANGSU-2019",
            "INCUBATOR, PROVINCIAL, 2019-09-30, NONE",
            "NURSERY, NATIONAL, 2017-07-01, NATIONAL-NURSERY-2017",
            "NURSERY, NATIONAL, 2017-06-30, NONE",
            "NURSERY, PROVINCIAL, 2026-01-05, JIANGSU-NURSERY-2019",
            "NURSERY, CITY, 2019-09-30, NONE",
            "GROWTH_CENTER, PROVINCIAL, 2024-01-01, ASSUMED-GROWTH_CENTER-2024",
            "GROWTH_CENTER, CITY, 2023-12-31, NONE",
            "ACCELERATOR, NATIONAL, 2026-03-01, ASSUMED-ACCELERATOR-2024",
            "FUTURE_INDUSTRY_PARK, PROVINCIAL, 2026-03-01, ASSUMED-FUTURE_INDUSTRY_PARK-2024",
            "FUTURE_INDUSTRY_PARK, PROVINCIAL, 2023-06-01, NONE"})
    void selectsTheRuleSetInForce(String kind, String level, String date, String expected) {
        assertThat(select(kind, level, date)).isEqualTo(expected);
    }
}
