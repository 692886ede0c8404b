package cn.parkflow.workflow;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How long the engine keeps the history of finished process instances and decisions: every version of
 * each process definition gets the time to live configured for its key
 * ({@code parkflow.history.time-to-live.<key>}, else {@code default-time-to-live}), at every start, so
 * a changed retention applies to what was deployed before. Camunda's history cleanup removes what has
 * outlived it in its nightly window. parkflow's own tables (registry, applications, audit trails) are
 * never cleaned.
 */
@Component
@EnableConfigurationProperties(HistoryRetention.Settings.class)
class HistoryRetention {

    private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

    @ConfigurationProperties("parkflow.history")
    record Settings(@DefaultValue("P3650D") Duration defaultTimeToLive, Map<String, Duration> timeToLive) {

        Settings {
            timeToLive = timeToLive == null ? Map.of() : Map.copyOf(timeToLive);
        }

        int days(String key) {
            return (int) timeToLive.getOrDefault(key, defaultTimeToLive).toDays();
        }
    }

    private final RepositoryService repository;
    private final Settings settings;

    HistoryRetention(RepositoryService repository, Settings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    @EventListener
    public void onReady(ApplicationReadyEvent event) {
        int changed = 0;
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
            int days = settings.days(definition.getKey());
            if (definition.getHistoryTimeToLive() == null || definition.getHistoryTimeToLive() != days) {
                repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
                changed++;
            }
        }
        for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
            int days = settings.days(definition.getKey());
            if (definition.getHistoryTimeToLive() == null || definition.getHistoryTimeToLive() != days) {
                repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
                changed++;
            }
        }
        if (changed > 0) {
            log.info("History retention applied to {} process and decision definitions", changed);
        }
    }
}
