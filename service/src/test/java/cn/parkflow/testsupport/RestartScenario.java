package cn.parkflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Start, write, stop, start again on the same data: every draft, document, process instance, task
 * and registry row is there again, work goes on, and nothing is seeded twice. Run on the embedded
 * default and on the production profile.
 */
public final class RestartScenario {

    private RestartScenario() {}

    static Http as(ConfigurableApplicationContext context, String user) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return Http.to("http://localhost:" + port).as(user, "demo");
    }

    /** What must be there exactly once after every start: accounts, grants, filters, the demo registry. */
    static Map<String, Long> seeded(ConfigurableApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : new String[] {"ACT_ID_USER", "ACT_ID_GROUP", "ACT_ID_MEMBERSHIP", "ACT_ID_INFO", "ACT_RU_FILTER",
                "ACT_RE_PROCDEF", "ACT_RE_DEPLOYMENT"}) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        // the grants of the groups (per-task grants come and go with the tasks, 7 = task, 19 = historic task)
        counts.put("group grants", jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE GROUP_ID_ IS NOT NULL "
                + "AND RESOURCE_TYPE_ NOT IN (7, 19)", Long.class));
        // the demo registry, written by the actor "demo"
        counts.put("demo registry", jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = 'demo'", Long.class));
        return counts;
    }

    public static void run(Supplier<ConfigurableApplicationContext> start) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String draftName = "重启草稿孵化器" + tag;
        long draft;
        long submitted;
        byte[] evidence = TestFiles.pdf("kept across a restart " + UUID.randomUUID());
        String documentPath;
        Map<String, Long> before;
        try (ConfigurableApplicationContext first = start.get()) {
            Http applicant = as(first, "applicant1");
            draft = applicant.post("/api/applications", Drafts.with(Drafts.nanjingIncubator(), "carrierName", draftName))
                    .json().path("id").asLong();
            JsonNode doc = applicant.upload("/api/applications/" + draft + "/documents", Map.of("type", "APPLICATION_FORM"), "file",
                    "申报书.pdf", "application/pdf", evidence).json();
            documentPath = "/api/applications/" + draft + "/documents/" + doc.path("id").asLong();
            CertificationDriver driver = CertificationDriver.withoutAdministrator(user -> as(first, user));
            submitted = driver.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", "重启在审孵化器" + tag));
            assertThat(applicant.post("/api/applications/" + submitted + "/submit", Map.of()).status()).isEqualTo(202);
            driver.awaitCityReview(submitted);
            before = seeded(first);
            assertThat(before.get("demo registry")).isPositive();
            assertThat(before.get("ACT_RU_FILTER")).isPositive();
        }

        try (ConfigurableApplicationContext second = start.get()) {
            assertThat(seeded(second)).isEqualTo(before);
            Http applicant = as(second, "applicant1");
            JsonNode kept = applicant.get("/api/applications/" + draft).json();
            assertThat(kept.path("status").asText()).isEqualTo("DRAFT");
            assertThat(kept.path("carrierName").asText()).isEqualTo(draftName);
            Http.Response bytes = applicant.get(documentPath);
            if (bytes.status() == 302) { // S3: the presigned link
                bytes = Http.fetch(java.net.URI.create(bytes.header("location")));
            }
            assertThat(bytes.status()).isEqualTo(200);
            assertThat(TestFiles.sha256(bytes.body())).isEqualTo(TestFiles.sha256(evidence));
            CertificationDriver driver = CertificationDriver.withoutAdministrator(user -> as(second, user));
            JsonNode task = driver.awaitCityReview(submitted);
            assertThat(task.path("due").asText()).isNotBlank();
            // and work goes on: the city recommends, the province gets the task
            driver.completeOk("nanjing", task.path("id").asText(), Map.of("cityDecision", "RECOMMEND"));
            driver.awaitTask(submitted, "ProvinceReviewTask", "province");
        }
    }
}
