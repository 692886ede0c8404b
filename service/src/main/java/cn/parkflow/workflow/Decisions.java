package cn.parkflow.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Text;

/** The deployed DMN decision tables: evaluate one, or read how its rules are written. */
public interface Decisions {

    /**
     * One evaluation of the latest deployed version of a decision table: the version that decided, one map of
     * outputs per matched rule (in the table's order), the value of each input as the table computed it (by input
     * id; null where the input was null) and the ids of the matched rules.
     */
    record Evaluation(String decisionKey, int version, List<Map<String, Object>> results, Map<String, Object> inputs,
            Set<String> matchedRules) {

        /** How the decision is cited on a record: key and deployed version, e.g. {@code EligibilityIncubator v3}. */
        public String table() {
            return decisionKey + " v" + version;
        }
    }

    /** Evaluates the latest deployed version of {@code decisionKey}. */
    Evaluation decide(String decisionKey, Map<String, Object> variables);

    /** The outputs of {@link #decide}: one map per matched rule, in the table's order. */
    default List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> variables) {
        return decide(decisionKey, variables).results();
    }

    /** An input column: id, label, expression and type reference as written. */
    record Input(String id, String label, String expression, String type) {

        /** The variable the input reads when its expression is a bare name, else null. */
        public String variable() {
            return expression.matches("[A-Za-z][A-Za-z0-9]*") ? expression : null;
        }
    }

    /** A rule as written: id, input entries (stripped text, "" when empty, one per input) and output entries. */
    record Rule(String id, List<String> inputEntries, List<String> outputEntries) {}

    /** A decision table as written. */
    record Table(String decisionKey, int version, List<Input> inputs, List<Rule> rules) {

        /** Reads the table of decision {@code decisionKey} from a DMN model. */
        public static Table read(DmnModelInstance model, String decisionKey, int version) {
            Decision decision = model.getModelElementById(decisionKey);
            DecisionTable table = (DecisionTable) decision.getExpression();
            List<Input> inputs = new ArrayList<>();
            for (org.camunda.bpm.model.dmn.instance.Input input : table.getInputs()) {
                inputs.add(new Input(input.getId(), input.getLabel(), text(input.getInputExpression().getText()),
                        input.getInputExpression().getTypeRef()));
            }
            List<Rule> rules = new ArrayList<>();
            for (org.camunda.bpm.model.dmn.instance.Rule rule : table.getRules()) {
                List<String> entries = new ArrayList<>();
                for (InputEntry entry : rule.getInputEntries()) {
                    entries.add(text(entry.getText()));
                }
                List<String> outputs = new ArrayList<>();
                for (OutputEntry entry : rule.getOutputEntries()) {
                    outputs.add(text(entry.getText()));
                }
                rules.add(new Rule(rule.getId(), List.copyOf(entries), List.copyOf(outputs)));
            }
            return new Table(decisionKey, version, List.copyOf(inputs), List.copyOf(rules));
        }

        private static String text(Text text) {
            return text == null || text.getTextContent() == null ? "" : text.getTextContent().strip();
        }
    }

    /** The latest deployed version of the decision table {@code decisionKey}. */
    Table table(String decisionKey);
}
