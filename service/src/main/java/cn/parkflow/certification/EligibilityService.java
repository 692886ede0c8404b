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
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        for (String input : requiredInputs(key, ruleSet)) {
            if (variables.get(input) == null) {
                failed.add("缺少指标：" + Indicator.find(input).map(Indicator::label).orElse(input));
            }
        }
        DmnDecisionResult result = decisions.evaluateDecisionByKey(key).variables(variables).evaluate();
        Set<String> criteria = new LinkedHashSet<>(result.collectEntries("failedCriterion"));
        failed.addAll(criteria);
        return new EligibilityResult(ruleSet, ruleSetName, failed.isEmpty(), failed);
    }

    /**
     * The indicators a rule set of the decision table actually tests: the inputs that have a
     * condition in at least one of the rule set's rules, and the indicators their expressions read.
     * A missing one is reported as a failed criterion of its own.
     */
    private Set<String> requiredInputs(String decisionKey, String ruleSet) {
        return requiredInputs.computeIfAbsent(decisionKey + "|" + ruleSet, cacheKey -> {
            DecisionDefinition definition = repository.createDecisionDefinitionQuery()
                    .decisionDefinitionKey(decisionKey).latestVersion().singleResult();
            DmnModelInstance model = repository.getDmnModelInstance(definition.getId());
            Decision decision = model.getModelElementById(decisionKey);
            DecisionTable table = (DecisionTable) decision.getExpression();
            List<Input> inputs = new ArrayList<>(table.getInputs());
            Set<String> required = new LinkedHashSet<>();
            for (Rule rule : table.getRules()) {
                List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
                if (!("\"" + ruleSet + "\"").equals(text(entries.get(0).getText()))) {
                    continue;
                }
                for (int i = 1; i < entries.size(); i++) {
                    if (!text(entries.get(i).getText()).isEmpty()) {
                        Matcher names = IDENTIFIER.matcher(text(inputs.get(i).getInputExpression().getText()));
                        while (names.find()) {
                            Indicator.find(names.group()).filter(ind -> ind.unit() != Indicator.Unit.BOOLEAN)
                                    .ifPresent(ind -> required.add(ind.name()));
                        }
                    }
                }
            }
            return required;
        });
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private static String text(Text text) {
        return text == null || text.getTextContent() == null ? "" : text.getTextContent().strip();
    }
}
