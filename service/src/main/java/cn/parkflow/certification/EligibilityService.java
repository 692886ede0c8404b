package cn.parkflow.certification;

import cn.parkflow.workflow.Decisions;

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

    private final Decisions decisions;
    private final Map<String, Set<String>> requiredInputs = new ConcurrentHashMap<>();

    EligibilityService(Decisions decisions) {
        this.decisions = decisions;
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
        List<Map<String, Object>> selection = decisions.evaluate(SELECTION,
                Map.of("kind", kind.name(), "level", level.name(), "filingDate", filingDate.toString()));
        if (selection.isEmpty()) {
            return new EligibilityResult("NONE", "无适用规则", false,
                    List.of("申报日期 " + filingDate + " 无适用于" + level.label() + kind.label() + "的认定规则"));
        }
        String ruleSet = (String) selection.get(0).get("ruleSet");
        String ruleSetName = (String) selection.get(0).get("ruleSetName");
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
        Set<String> criteria = new LinkedHashSet<>();
        for (Map<String, Object> rule : decisions.evaluate(key, variables)) {
            if (rule.get("failedCriterion") != null) {
                criteria.add((String) rule.get("failedCriterion"));
            }
        }
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
            Decisions.Table table = decisions.table(decisionKey);
            Set<String> required = new LinkedHashSet<>();
            for (List<String> entries : table.ruleInputs()) {
                if (!("\"" + ruleSet + "\"").equals(entries.get(0))) {
                    continue;
                }
                for (int i = 1; i < entries.size(); i++) {
                    if (!entries.get(i).isEmpty()) {
                        Matcher names = IDENTIFIER.matcher(table.inputExpressions().get(i));
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
}
