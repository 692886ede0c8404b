package cn.parkflow.workflow;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedInput;

/**
 * Keeps, per thread, what the DMN engine saw in the last decision table it evaluated: each input's value and the
 * matched rules. A DMN evaluation runs in the calling thread, so {@link #begin()} before and {@link #take()}
 * after it return that evaluation's facts.
 */
public final class DecisionCapture implements DmnDecisionEvaluationListener {

    /** What one evaluation of a decision table saw. */
    public record Seen(Map<String, Object> inputs, Set<String> matchedRules) {}

    private final ThreadLocal<Seen> last = new ThreadLocal<>();

    public void begin() {
        last.remove();
    }

    /** The facts of the evaluation since {@link #begin()}; empty facts when none was a decision table. */
    public Seen take() {
        Seen seen = last.get();
        last.remove();
        return seen == null ? new Seen(Map.of(), Set.of()) : seen;
    }

    @Override
    public void notify(DmnDecisionEvaluationEvent event) {
        if (event.getDecisionResult() instanceof DmnDecisionTableEvaluationEvent table) {
            Map<String, Object> inputs = new HashMap<>();
            for (DmnEvaluatedInput input : table.getInputs()) {
                inputs.put(input.getId(), input.getValue() == null ? null : input.getValue().getValue());
            }
            Set<String> rules = new LinkedHashSet<>();
            for (DmnEvaluatedDecisionRule rule : table.getMatchingRules()) {
                rules.add(rule.getId());
            }
            last.set(new Seen(inputs, rules));
        }
    }
}
