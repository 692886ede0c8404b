package cn.parkflow.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * {@link Decisions} on Camunda 7's DecisionService and the deployed DMN models. Each evaluation runs one
 * definition by id, so the version it reports is the version that decided; the engine's DMN listener
 * ({@link DecisionCapture}) tells which inputs it saw and which rules matched.
 */
@Component
class CamundaDecisions implements Decisions {

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final DecisionCapture capture;

    CamundaDecisions(DecisionService decisions, RepositoryService repository, DecisionCapture capture) {
        this.decisions = decisions;
        this.repository = repository;
        this.capture = capture;
    }

    @Override
    public Evaluation decide(String decisionKey, Map<String, Object> variables) {
        DecisionDefinition definition = latest(decisionKey);
        List<Map<String, Object>> results = new ArrayList<>();
        capture.begin();
        for (DmnDecisionResultEntries entries : decisions.evaluateDecisionById(definition.getId()).variables(variables).evaluate()) {
            results.add(entries.getEntryMap());
        }
        DecisionCapture.Seen seen = capture.take();
        return new Evaluation(decisionKey, definition.getVersion(), List.copyOf(results), seen.inputs(), seen.matchedRules());
    }

    @Override
    public Table table(String decisionKey) {
        DecisionDefinition definition = latest(decisionKey);
        return Table.read(repository.getDmnModelInstance(definition.getId()), decisionKey, definition.getVersion());
    }

    private DecisionDefinition latest(String decisionKey) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(decisionKey).latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("no decision " + decisionKey + " deployed");
        }
        return definition;
    }

    /** Registers the capture as a listener of the engine's DMN engine. */
    @Configuration(proxyBeanMethods = false)
    static class CaptureConfiguration {

        @Bean
        DecisionCapture decisionCapture() {
            return new DecisionCapture();
        }

        @Bean
        AbstractProcessEnginePlugin decisionCapturePlugin(DecisionCapture capture) {
            return new AbstractProcessEnginePlugin() {
                @Override
                public void preInit(ProcessEngineConfigurationImpl configuration) {
                    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null ? configuration.getDmnEngineConfiguration()
                            : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
                    List<DmnDecisionEvaluationListener> listeners = dmn.getCustomPostDecisionEvaluationListeners() == null ? new ArrayList<>()
                            : new ArrayList<>(dmn.getCustomPostDecisionEvaluationListeners());
                    listeners.add(capture);
                    dmn.setCustomPostDecisionEvaluationListeners(listeners);
                    configuration.setDmnEngineConfiguration(dmn);
                }
            };
        }
    }
}
