package cn.parkflow.certification;

import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.Indicator;
import cn.parkflow.registry.Level;
import cn.parkflow.workflow.Decisions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Eligibility as data: the {@code RuleSetSelection} table picks the rule set in force for a kind,
 * level and filing date; the kind's COLLECT table lists every failed criterion of that rule set.
 *
 * <p>A criterion is <em>missing</em> (缺少指标) only when none of the figures it tests has a value: a rule whose
 * tested inputs are all null. So either side of an "or" decides it when present (the table writes such entries
 * {@code null, < x}), and a rule that fires with every input null is reported as missing, not as failed. Which
 * rule set and which deployed version of the table decided is part of the result.
 */
@Service
public class EligibilityService {

    static final String SELECTION = "RuleSetSelection";

    private final Decisions decisions;
    private final Map<String, Decisions.Table> tables = new ConcurrentHashMap<>();

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
            return new EligibilityResult("NONE", "无适用规则", null, false,
                    List.of("申报日期 " + filingDate + " 无适用于" + level.label() + kind.label() + "的认定规则"));
        }
        return evaluate(kind, (String) selection.get(0).get("ruleSet"), (String) selection.get(0).get("ruleSetName"), indicators);
    }

    /**
     * The finding of a given rule set (the one a carrier was certified under) on these indicators: what a carrier
     * still meets after a change of its figures.
     */
    public EligibilityResult evaluate(CarrierKind kind, String ruleSet, String ruleSetName, Map<String, Object> indicators) {
        Map<String, Object> variables = new HashMap<>();
        for (Indicator indicator : Indicator.values()) {
            Object value = indicators.get(indicator.name());
            if (value == null && indicator.unit() == Indicator.Unit.BOOLEAN) {
                value = Boolean.FALSE; // an unticked flag means "no"
            }
            variables.put(indicator.name(), value);
        }
        variables.put("ruleSet", ruleSet);

        Decisions.Evaluation evaluation = decisions.decide(decisionKey(kind), variables);
        Decisions.Table table = table(evaluation);
        Set<String> missing = new LinkedHashSet<>();
        Set<String> unusable = new LinkedHashSet<>();
        for (Decisions.Rule rule : table.rules()) {
            List<Decisions.Input> tested = tested(table, rule, ruleSet, evaluation.inputs());
            if (tested != null && !tested.isEmpty() && tested.stream().allMatch(input -> evaluation.inputs().get(input.id()) == null)) {
                unusable.add(rule.id());
                missing.add("缺少指标：" + String.join("或", tested.stream().map(EligibilityService::label).toList()));
            }
        }
        Set<String> criteria = new LinkedHashSet<>();
        for (Decisions.Rule rule : table.rules()) {
            if (evaluation.matchedRules().contains(rule.id()) && !unusable.contains(rule.id())) {
                criteria.add(unquote(rule.outputEntries().get(0)));
            }
        }
        List<String> failed = new ArrayList<>(missing);
        failed.addAll(criteria);
        return new EligibilityResult(ruleSet, ruleSetName, evaluation.table(), failed.isEmpty(), failed);
    }

    /**
     * The inputs a rule of {@code ruleSet} tests with a figure (not the rule set, not a yes/no flag), or null when
     * the rule does not apply: another rule set, or a flag entry the application's flags do not meet.
     */
    private static List<Decisions.Input> tested(Decisions.Table table, Decisions.Rule rule, String ruleSet, Map<String, Object> seen) {
        List<Decisions.Input> tested = new ArrayList<>();
        for (int i = 0; i < table.inputs().size(); i++) {
            Decisions.Input input = table.inputs().get(i);
            String entry = rule.inputEntries().get(i);
            if (entry.isEmpty()) {
                continue;
            }
            if ("ruleSet".equals(input.expression())) { // one rule set, or a list of them ("A", "B")
                if (java.util.Arrays.stream(entry.split(",")).map(String::strip).noneMatch(("\"" + ruleSet + "\"")::equals)) {
                    return null;
                }
            } else if ("boolean".equals(input.type())) {
                if (!entry.equals(String.valueOf(Objects.requireNonNullElse(seen.get(input.id()), Boolean.FALSE)))) {
                    return null;
                }
            } else {
                tested.add(input);
            }
        }
        return tested;
    }

    /** An input's name for the operator: the indicator's label for a bare indicator, else the table's label. */
    private static String label(Decisions.Input input) {
        String variable = input.variable();
        return variable != null ? Indicator.find(variable).map(Indicator::label).orElse(input.label()) : input.label();
    }

    private static String unquote(String literal) {
        return literal.length() >= 2 && literal.startsWith("\"") && literal.endsWith("\"") ? literal.substring(1, literal.length() - 1) : literal;
    }

    private Decisions.Table table(Decisions.Evaluation evaluation) {
        Decisions.Table table = tables.compute(evaluation.decisionKey(), (key, cached) ->
                cached != null && cached.version() == evaluation.version() ? cached : decisions.table(key));
        if (table.version() != evaluation.version()) { // a newer version was deployed in between: read the one that decided
            throw new IllegalStateException("decision " + evaluation.decisionKey() + " changed during evaluation");
        }
        return table;
    }
}
