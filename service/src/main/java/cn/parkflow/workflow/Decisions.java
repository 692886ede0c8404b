package cn.parkflow.workflow;

import java.util.List;
import java.util.Map;

/** The deployed DMN decision tables: evaluate one, or read how its rules are written. */
public interface Decisions {

    /** Evaluates the latest version of {@code decisionKey}: one map of outputs per matched rule, in the table's order. */
    List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> variables);

    /** A decision table as written: its input expressions, and each rule's input entries (stripped text, "" when empty). */
    record Table(List<String> inputExpressions, List<List<String>> ruleInputs) {}

    /** The latest deployed version of the decision table {@code decisionKey}. */
    Table table(String decisionKey);
}
