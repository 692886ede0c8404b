package cn.parkflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.ParkflowApplication;
import cn.parkflow.testsupport.CamundaWebapp;
import cn.parkflow.testsupport.Drafts;
import cn.parkflow.testsupport.Http;
import cn.parkflow.testsupport.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded default, exactly as {@code ./mvnw -pl service spring-boot:run} starts it from a fresh
 * clone (no profile, no server but itself): H2 file database and documents under the data directory,
 * demo users, Cockpit and Tasklist. Only the data directory is moved under target/.
 */
@SpringBootTest(classes = ParkflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedDefaultTest {

    static final Path DATA = Path.of("target", "embedded-" + UUID.randomUUID()).toAbsolutePath();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("parkflow.data-dir", DATA::toString);
    }

    @LocalServerPort
    int port;

    @Value("${spring.datasource.url}")
    String jdbcUrl;

    Http http() {
        return Http.to("http://localhost:" + port);
    }

    @Test
    void runsOnAnH2FileAndFilesystemStorageUnderTheDataDirectory() {
        assertThat(jdbcUrl).startsWith("jdbc:h2:file:");
        assertThat(Files.exists(DATA.resolve("db").resolve("parkflow.mv.db"))).isTrue();
        assertThat(Files.isDirectory(DATA.resolve("documents"))).isTrue();
    }

    @Test
    void servesCamundaAndAdminLogsInToCockpit() {
        Http.Response welcome = http().get("/camunda/app/welcome/default/");
        assertThat(welcome.status()).isEqualTo(200);
        assertThat(welcome.text()).containsIgnoringCase("<html");
        Http.Response login = CamundaWebapp.login(http().withSession(), "cockpit", "admin", "demo");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().path("authorizedApps").toString()).contains("cockpit");
    }

    @Test
    void nanjingLogsInToTasklistAndSeesOnlyTasklist() {
        Http.Response login = CamundaWebapp.login(http().withSession(), "tasklist", "nanjing", "demo");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().path("authorizedApps").toString()).contains("tasklist").doesNotContain("cockpit").doesNotContain("\"admin\"");
        assertThat(CamundaWebapp.login(http().withSession(), "cockpit", "nanjing", "demo").status()).isEqualTo(403);
    }

    @Test
    void everyDemoUserOfTheDesignExistsWithPasswordDemo() {
        for (String user : new String[] {"nanjing", "wuxi", "xuzhou", "changzhou", "suzhou", "nantong", "lianyungang", "huaian",
                "yancheng", "yangzhou", "zhenjiang", "taizhou", "suqian", "province", "approver", "expert1", "expert2", "expert3",
                "expert4", "expert5", "expert6", "applicant1", "applicant2"}) {
            assertThat(http().as(user, "demo").get("/api/applications").status()).as(user).isEqualTo(200);
        }
    }

    @Test
    void documentsAreServedFromTheFilesystemAfterTheAccessCheck() {
        Http applicant = http().as("applicant1", "demo");
        long id = applicant.post("/api/applications", Drafts.nanjingIncubator()).json().path("id").asLong();
        byte[] pdf = TestFiles.pdf("credit commitment");
        Http.Response uploaded = applicant.upload("/api/applications/" + id + "/documents", Map.of("type", "CREDIT_COMMITMENT"),
                "file", "信用承诺书.pdf", "application/pdf", pdf);
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        Http.Response served = applicant.get("/api/applications/" + id + "/documents/" + uploaded.json().path("id").asLong());
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(pdf);
        assertThat(served.header("content-type")).isEqualTo("application/pdf");
        assertThat(served.header("content-disposition")).startsWith("inline");
        assertThat(http().as("applicant2", "demo").get("/api/applications/" + id + "/documents/" + uploaded.json().path("id").asLong())
                .status()).isEqualTo(404);
    }

    @Test
    void publicRegistryIsSeeded() {
        Http.Response suzhou = http().get("/api/registry/carriers?city=320500");
        assertThat(suzhou.status()).isEqualTo(200);
        assertThat(suzhou.json().path("totalElements").asInt()).isPositive();
        assertThat(http().get("/swagger-ui.html").status()).isIn(200, 302);
        JsonNode api = http().get("/v3/api-docs").json();
        assertThat(api.path("paths").has("/api/registry/carriers")).isTrue();
        // a description a client can trust: named, versioned, its authentication and its problem body described
        assertThat(api.path("info").path("title").asText()).contains("江苏省科技企业孵化载体管理平台").isNotEqualTo("OpenAPI definition");
        assertThat(api.path("info").path("version").asText()).isNotEqualTo("v0").isNotBlank();
        assertThat(api.path("info").path("contact").path("name").asText()).isNotBlank();
        assertThat(api.path("components").path("securitySchemes").path("basicAuth").path("scheme").asText()).isEqualTo("basic");
        assertThat(api.path("components").path("securitySchemes").path("browserSessionCsrf").path("name").asText())
                .isEqualTo("X-Parkflow-Csrf");
        assertThat(api.path("components").path("schemas").path("Problem").path("properties").has("errors")).isTrue();
        assertThat(api.path("security")).hasSize(2);
        JsonNode search = api.path("paths").path("/api/registry/carriers").path("get");
        assertThat(search.path("responses").path("400").toString()).contains("#/components/schemas/Problem");
        assertThat(search.path("responses").has("default")).isFalse();
        assertThat(search.path("security")).isEmpty(); // public
    }
}
