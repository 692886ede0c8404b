package cn.parkflow.certification;

import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.Indicator;
import cn.parkflow.registry.Level;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Input;
import org.springframework.stereotype.Service;

/**
 * Eligibility as data: the {@code RuleSetSelection} table picks the rule set in force for a kind,
 * level and filing date; the kind's COLLECT table lists every failed criterion of that rule set.
 * Indicators a table reads but the application lacks are failures too.
 */
@Service
public class EligibilityService {

    static final String SELECTION = "RuleSetSelection";

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final Map<String, Set<String>> requiredInputs = new ConcurrentHashMap<>();

    EligibilityService(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    static String decisionKey(CarrierKind kind) {
        return switch (kind) {
            case NURSERY -> "EligibilityNursery";
            case INCUBATOR -> "EligibilityIncubator";
            case GROWTH_CENTER -> "EligibilityGrowthCenter";
            case ACCELERATOR -> "EligibilityAccelerator";
            case FUTURE_INDUSTRY_PARK -> "EligibilityFutureIndustryPark";
        };
    }

    public EligibilityResult evaluate(CarrierKind kind, Level level, LocalDate filingDate, Map<String, Object> indicators) {
        DmnDecisionResult selection = decisions.evaluateDecisionByKey(SELECTION)
                .variables(Map.of("kind", kind.name(), "level", level.name(), "filingDate", filingDate.toString()))
                .evaluate();
        if (selection.isEmpty()) {
            return new EligibilityResult("NONE", "无适用规则", false,
                    List.of("申报日期 " + filingDate + " 无适用于" + level.label() + kind.label() + "的认定规则"));
        }
        String ruleSet = selection.getFirstResult().getEntry("ruleSet");
        String ruleSetName = selection.getFirstResult().getEntry("ruleSetName");
        String key = decisionKey(kind);

        Map<String, Object> variables = new HashMap<>();
        for (Indicator indicator : Indicator.values()) {
            Object value = indicators.get(indicator.name());
            if (value == null && indicator.unit() == Indicator.Unit.BOOLEAN) {
                value = Boolean.FALSE; // an unticked flag means "no"
            }
            variables.put(indicator.name(), value);
        }
        variables.put("ruleSet", ruleSet);

        List<String> failed = new ArrayList<>();
        for (String input : requiredInputs(key)) {
            if (variables.get(input) == null) {
                failed.add("缺少指标：" + Indicator.find(input).map(Indicator::label).orElse(input));
            }
        }
        DmnDecisionResult result = decisions.evaluateDecisionByKey(key).variables(variables).evaluate();
        Set<String> criteria = new LinkedHashSet<>(result.collectEntries("failedCriterion"));
        failed.addAll(criteria);
        return new EligibilityResult(ruleSet, ruleSetName, failed.isEmpty(), failed);
    }

    /** The indicator codes the decision table reads directly (its plain input expressions). */
    private Set<String> requiredInputs(String decisionKey) {
        return requiredInputs.computeIfAbsent(decisionKey, key -> {
            DecisionDefinition definition = repository.createDecisionDefinitionQuery()
                    .decisionDefinitionKey(key).latestVersion().singleResult();
            DmnModelInstance model = repository.getDmnModelInstance(definition.getId());
            Decision decision = model.getModelElementById(key);
            Set<String> inputs = new LinkedHashSet<>();
            decision.getModelInstance().getModelElementsByType(Input.class).forEach(input -> {
                String text = input.getInputExpression().getText() == null ? "" : input.getInputExpression().getText().getTextContent().strip();
                if (Indicator.find(text).isPresent() && Indicator.find(text).get().unit() != Indicator.Unit.BOOLEAN) {
                    inputs.add(text);
                }
            });
            return inputs;
        });
    }
}
