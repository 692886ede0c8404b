package cn.parkflow.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
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
import org.springframework.stereotype.Component;

/** {@link Decisions} on Camunda 7's DecisionService and the deployed DMN models. */
@Component
class CamundaDecisions implements Decisions {

    private final DecisionService decisions;
    private final RepositoryService repository;

    CamundaDecisions(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    @Override
    public List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> variables) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (DmnDecisionResultEntries entries : decisions.evaluateDecisionByKey(decisionKey).variables(variables).evaluate()) {
            results.add(entries.getEntryMap());
        }
        return results;
    }

    @Override
    public Table table(String decisionKey) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(decisionKey).latestVersion().singleResult();
        DmnModelInstance model = repository.getDmnModelInstance(definition.getId());
        Decision decision = model.getModelElementById(decisionKey);
        DecisionTable table = (DecisionTable) decision.getExpression();
        List<String> inputs = new ArrayList<>();
        for (Input input : table.getInputs()) {
            inputs.add(text(input.getInputExpression().getText()));
        }
        List<List<String>> rules = new ArrayList<>();
        for (Rule rule : table.getRules()) {
            List<String> entries = new ArrayList<>();
            for (InputEntry entry : rule.getInputEntries()) {
                entries.add(text(entry.getText()));
            }
            rules.add(entries);
        }
        return new Table(List.copyOf(inputs), List.copyOf(rules));
    }

    private static String text(Text text) {
        return text == null || text.getTextContent() == null ? "" : text.getTextContent().strip();
    }
}
