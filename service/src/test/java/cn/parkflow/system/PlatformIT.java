package cn.parkflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.testsupport.AbstractIT;
import cn.parkflow.testsupport.CamundaWebapp;
import cn.parkflow.testsupport.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The application boots on MariaDB with both schemas, and its web surfaces answer as they should. */
class PlatformIT extends AbstractIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnMariaDbInReadCommitted() throws Exception {
        assertThat(jdbc.queryForObject("SELECT VERSION()", String.class)).containsIgnoringCase("MariaDB");
        assertThat(jdbc.queryForObject("SELECT @@GLOBAL.transaction_isolation", String.class)).isEqualTo("READ-COMMITTED");
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        }
        assertThat(jdbc.queryForObject("SELECT @@character_set_database", String.class)).isEqualTo("utf8mb4");
    }

    @Test
    void flywayAndCamundaSchemasAreInPlace() {
        List<String> migrations = jdbc.queryForList(
                "SELECT version FROM parkflow_schema_history WHERE success = 1 ORDER BY installed_rank", String.class);
        assertThat(migrations).startsWith("1", "2");
        Integer camundaTables = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND LOWER(table_name) LIKE 'act\\_%'", Integer.class);
        assertThat(camundaTables).isGreaterThan(40);
    }

    @Test
    void healthIsUpWithoutLogin() {
        Http.Response health = anonymous().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void engineRestNeedsCredentialsAndChecksAuthorization() {
        assertThat(anonymous().get("/engine-rest/user/count").status()).isEqualTo(401);
        assertThat(anonymous().as("wuxi", "wrong").get("/engine-rest/user/count").status()).isEqualTo(401);
        Http.Response users = as("admin").get("/engine-rest/user/count");
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.json().path("count").asInt()).isGreaterThanOrEqualTo(24);
        // authorization is on: a city reviewer may not list the identity store's authorizations
        Http.Response auths = as("nanjing").get("/engine-rest/authorization");
        assertThat(auths.status()).isEqualTo(200);
        assertThat(auths.json()).allSatisfy(a -> assertThat(a.path("groupId").asText()).isEqualTo("city-320100"));
    }

    @Test
    void adminLogsInToCockpit() {
        Http.Response login = CamundaWebapp.login(anonymous().withSession(), "cockpit", "admin", cn.parkflow.testsupport.ItInfrastructure.ADMIN_PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        assertThat(apps(login.json())).contains("cockpit", "tasklist", "admin");
    }

    @Test
    void cityReviewerLogsInToTasklistOnlyAndSeesItsCityFilter() {
        Http.Response tasklist = CamundaWebapp.login(anonymous().withSession(), "tasklist", "nanjing", DEMO_PASSWORD);
        assertThat(tasklist.status()).isEqualTo(200);
        assertThat(apps(tasklist.json())).contains("tasklist").doesNotContain("cockpit", "admin");
        assertThat(CamundaWebapp.login(anonymous().withSession(), "cockpit", "nanjing", DEMO_PASSWORD).status()).isEqualTo(403);
        assertThat(CamundaWebapp.login(anonymous().withSession(), "admin", "nanjing", DEMO_PASSWORD).status()).isEqualTo(403);

        JsonNode filters = as("nanjing").get("/engine-rest/filter").json();
        assertThat(filters).hasSize(1);
        assertThat(filters.get(0).path("name").asText()).isEqualTo("南京市待审任务");
        assertThat(filters.get(0).path("query").path("candidateGroup").asText()).isEqualTo("city-320100");
    }

    @Test
    void provinceLogsInToCockpitButNotAdmin() {
        Http.Response cockpit = CamundaWebapp.login(anonymous().withSession(), "cockpit", "province", DEMO_PASSWORD);
        assertThat(cockpit.status()).isEqualTo(200);
        assertThat(apps(cockpit.json())).contains("cockpit", "tasklist").doesNotContain("admin");
        assertThat(as("province").get("/engine-rest/filter").json()).extracting(f -> f.path("name").asText())
                .containsExactly("省级审核任务");
    }

    @Test
    void wrongPasswordIsRefusedByTheWebapp() {
        assertThat(CamundaWebapp.login(anonymous().withSession(), "tasklist", "xuzhou", "nope").status()).isEqualTo(401);
    }

    private static List<String> apps(JsonNode login) {
        List<String> apps = new ArrayList<>();
        login.path("authorizedApps").forEach(a -> apps.add(a.asText()));
        return apps;
    }
}
