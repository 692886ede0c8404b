package cn.parkflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.ParkflowApplication;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * History retention: each process definition carries the time to live configured for it, and
 * Camunda's history cleanup removes a finished instance once that time has passed since it ended,
 * never parkflow's own tables.
 */
@SpringBootTest(classes = ParkflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "spring.datasource.url=jdbc:h2:mem:history-retention;MODE=MySQL;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "parkflow.data-dir=target/history-retention",
        "parkflow.demo.enabled=true"})
class HistoryRetentionTest {

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    int ttl(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getHistoryTimeToLive();
    }

    @Test
    void everyDefinitionKeepsItsConfiguredHistory() {
        assertThat(ttl("certification")).isEqualTo(3650);
        assertThat(ttl("publication")).isEqualTo(3650);
        assertThat(ttl("annual-evaluation")).isEqualTo(3650);
        assertThat(ttl("carrier-evaluation")).isEqualTo(1825);
        assertThat(ttl("carrier-evaluation-batch")).isEqualTo(365);
        assertThat(repository.createDecisionDefinitionQuery().list()).allMatch(d -> d.getHistoryTimeToLive() == 3650);
    }

    @Test
    void aFinishedInstanceIsCleanedOnceItsTimeHasPassedAndTheRegistryStays() {
        String id = runtime.startProcessInstanceByKey("carrier-evaluation-batch", "EVAL-1999-B1",
                Map.of("year", 1999, "carriers", List.of(), "reportPeriod", "P30D")).getId();
        for (Job job : management.createJobQuery().processInstanceId(id).list()) {
            management.executeJob(job.getId());
        }
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).finished().count()).isEqualTo(1);
        long carriers = jdbc.queryForObject("SELECT COUNT(*) FROM carrier", Long.class);
        long audit = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class);
        assertThat(carriers).isPositive();

        cleanUpAt(Duration.ofDays(100));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).count()).as("within a year").isEqualTo(1);
        cleanUpAt(Duration.ofDays(400));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).count()).as("after a year").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM carrier", Long.class)).isEqualTo(carriers);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class)).isEqualTo(audit);
    }

    void cleanUpAt(Duration later) {
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + later.toMillis()));
        Job cleanup = history.cleanUpHistoryAsync(true);
        management.executeJob(cleanup.getId());
    }
}
