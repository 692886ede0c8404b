package cn.parkflow.certification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.Level;
import cn.parkflow.workflow.DecisionCapture;
import cn.parkflow.workflow.Decisions;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.Test;

/**
 * {@link EligibilityService} on the real tables in Camunda's DMN engine: the cases the domain audit found wrong
 * (exactly 2/3 of the area, 6 professionals for 60 tenants, one side of an "or"), what counts as a missing
 * figure, and the rule set and table version on the result.
 */
class EligibilityServiceTest {

    /** The tables of {@code processes/dmn}, evaluated by a DMN engine of their own with parkflow's capture listener. */
    static final class TablesOnFile implements Decisions {
        static final Map<String, String> FILES = Map.of("RuleSetSelection", "rule-set-selection.dmn",
                "EligibilityIncubator", "eligibility-incubator.dmn", "EligibilityNursery", "eligibility-nursery.dmn",
                "EligibilityGrowthCenter", "eligibility-growth-center.dmn", "EligibilityAccelerator", "eligibility-accelerator.dmn",
                "EligibilityFutureIndustryPark", "eligibility-future-industry-park.dmn");
        final DecisionCapture capture = new DecisionCapture();
        final DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionEvaluationListeners(List.of(capture)).buildEngine();

        DmnModelInstance model(String key) {
            try (InputStream in = getClass().getResourceAsStream("/dmn/" + FILES.get(key))) {
                return Dmn.readModelFromStream(in);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Evaluation decide(String decisionKey, Map<String, Object> variables) {
            capture.begin();
            List<Map<String, Object>> results = new ArrayList<>();
            for (DmnDecisionResultEntries entries : engine.evaluateDecision(engine.parseDecision(decisionKey, model(decisionKey)), variables)) {
                results.add(entries.getEntryMap());
            }
            DecisionCapture.Seen seen = capture.take();
            return new Evaluation(decisionKey, 7, results, seen.inputs(), seen.matchedRules());
        }

        @Override
        public Table table(String decisionKey) {
            return Table.read(model(decisionKey), decisionKey, 7);
        }
    }

    final EligibilityService service = new EligibilityService(new TablesOnFile());
    static final LocalDate FILED = LocalDate.of(2026, 3, 2);

    /** The row tests' baselines (which meet every condition); their rule-set key is ignored, the service selects its own. */
    static Map<String, Object> jiangsuIncubator() {
        return EligibilityDecisionTablesTest.jiangsu();
    }

    static Map<String, Object> nationalIncubator() {
        return EligibilityDecisionTablesTest.national();
    }

    EligibilityResult provincial(Map<String, Object> indicators) {
        return service.evaluate(CarrierKind.INCUBATOR, Level.PROVINCIAL, FILED, indicators);
    }

    EligibilityResult national(Map<String, Object> indicators) {
        return service.evaluate(CarrierKind.INCUBATOR, Level.NATIONAL, FILED, indicators);
    }

    @Test
    void tenantsUsingExactlyTwoThirdsOfTheAreaPass() {
        Map<String, Object> figures = jiangsuIncubator();
        figures.remove("tenantAreaShare");
        figures.put("tenantArea", 4000);
        EligibilityResult result = provincial(figures);
        assertThat(result.failedCriteria()).isEmpty();
        assertThat(result.eligible()).isTrue();

        figures.put("tenantArea", 3999);
        assertThat(provincial(figures).failedCriteria()).singleElement().asString().contains("不足2/3");

        Map<String, Object> declared = jiangsuIncubator();
        declared.put("tenantAreaShare", 4000.0 / 6000); // 0.6666666666666666 as a double
        assertThat(provincial(declared).eligible()).isTrue();
    }

    @Test
    void sixProfessionalsOfSevenStaffServeSixtyTenants() {
        Map<String, Object> byShare = nationalIncubator();
        byShare.putAll(Map.of("staffCount", 7, "professionalStaffShare", 0.857, "tenantCount", 60));
        assertThat(national(byShare).failedCriteria()).isEmpty();

        Map<String, Object> byCount = nationalIncubator();
        byCount.putAll(Map.of("staffCount", 7, "professionalStaffCount", 6, "tenantCount", 60));
        byCount.remove("professionalStaffShare");
        assertThat(national(byCount).failedCriteria()).isEmpty();

        byCount.put("tenantCount", 61);
        assertThat(national(byCount).failedCriteria()).singleElement().asString().contains("每10家在孵企业专业孵化服务人员不足1名");
    }

    @Test
    void eitherSideOfAnOrSufficesAndOnlyACriterionWithNoFigureIsMissing() {
        Map<String, Object> patentsOnly = nationalIncubator();
        patentsOnly.remove("validIpTenantShare");
        assertThat(national(patentsOnly).failedCriteria()).isEmpty();

        Map<String, Object> ipOnly = nationalIncubator();
        ipOnly.remove("patentTenantShare");
        assertThat(national(ipOnly).failedCriteria()).isEmpty();

        Map<String, Object> lowPatentsOnly = nationalIncubator();
        lowPatentsOnly.remove("validIpTenantShare");
        lowPatentsOnly.put("patentTenantShare", 0.4);
        assertThat(national(lowPatentsOnly).failedCriteria()).singleElement().asString()
                .startsWith("申请专利的在孵企业占比不足50%且");

        Map<String, Object> neither = nationalIncubator();
        neither.remove("validIpTenantShare");
        neither.remove("patentTenantShare");
        assertThat(national(neither).failedCriteria()).containsExactly("缺少指标：申请专利的在孵企业占比或拥有有效知识产权的在孵企业占比");

        Map<String, Object> maker = new HashMap<>(Map.of("operatingYears", 2, "workstations", 60, "tenantAreaShare", 0.8,
                "teamsAdmittedPerYear", 25, "fundedTeamsPerYear", 6, "incubationCases", 4, "staffCount", 4, "mentorCount", 5,
                "eventsPerYear", 12));
        assertThat(service.evaluate(CarrierKind.NURSERY, Level.NATIONAL, FILED, maker).failedCriteria())
                .as("no area but 60 workstations; no new companies but 6 funded").isEmpty();
    }

    @Test
    void aMissingFigureIsNamedOnceAndTheDerivedRatiosNameWhatTheyNeed() {
        Map<String, Object> figures = nationalIncubator();
        figures.remove("incubationArea");
        figures.remove("mentorCount");
        List<String> failed = national(figures).failedCriteria();
        assertThat(failed).contains("缺少指标：可自主支配孵化场地面积")
                .anyMatch(f -> f.startsWith("缺少指标：每名创业导师对应的在孵企业数"))
                .anyMatch(f -> f.startsWith("缺少指标：每千平方米在孵企业数"))
                .doesNotHaveDuplicates()
                .noneMatch(f -> f.contains("不足")); // nothing failed for want of a figure
    }

    @Test
    void theResultNamesTheRuleSetAndTheTableVersionThatDecided() {
        EligibilityResult result = provincial(jiangsuIncubator());
        assertThat(result.ruleSet()).isEqualTo("JIANGSU-2019");
        assertThat(result.table()).isEqualTo("EligibilityIncubator v7");
        assertThat(result.summary()).contains("EligibilityIncubator v7");
    }
}
