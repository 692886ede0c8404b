package cn.parkflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.parkflow.ParkflowApplication;
import cn.parkflow.testsupport.AbstractIT;
import cn.parkflow.testsupport.CertificationDriver;
import cn.parkflow.testsupport.Drafts;
import cn.parkflow.testsupport.Http;
import cn.parkflow.testsupport.ItInfrastructure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * MariaDB stops for 30 s while operators file drafts: requests during the outage get 503 problem
 * details (no 500, nothing half-written), the pool and the job executor recover without a restart,
 * and every draft acknowledged before, during or after is there.
 */
class DatabaseOutageIT {

    static final long OUTAGE_MILLIS = 30_000;

    /** One request of the load: when it started and ended (ms since the test began), its status, the draft id if created. */
    record Call(long start, long end, int status, long id, String name) {}

    @Test
    void duringAnOutageOnly503sAndAfterItEverythingAcknowledgedIsThere() throws Exception {
        assumeTrue(ItInfrastructure.databaseIsEmbedded(), "the outage is staged on the embedded MariaDB only");
        ConfigurableApplicationContext node = new SpringApplicationBuilder(ParkflowApplication.class).profiles("production")
                .initializers(new ItInfrastructure.Initializer()).run("--server.port=0");
        try {
            int port = ((WebServerApplicationContext) node).getWebServer().getPort();
            Http applicant = Http.to("http://localhost:" + port).as("applicant1", AbstractIT.DEMO_PASSWORD);
            CertificationDriver.await("demo accounts", () -> applicant.get("/api/applications?size=1").status() == 200);
            String tag = UUID.randomUUID().toString().substring(0, 6);
            long t0 = System.currentTimeMillis();
            List<Call> calls = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger serial = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            for (int c = 0; c < 4; c++) {
                clients.submit(() -> {
                    while (running.get()) {
                        String name = "停库测试孵化器" + tag + "-" + serial.incrementAndGet();
                        long start = System.currentTimeMillis() - t0;
                        Http.Response r;
                        try {
                            r = applicant.post("/api/applications", Drafts.with(Drafts.nanjingIncubator(), "carrierName", name));
                        } catch (RuntimeException e) {
                            r = new Http.Response(-1, Map.of(), new byte[0]);
                        }
                        long end = System.currentTimeMillis() - t0;
                        long id = r.status() == 201 ? r.json().path("id").asLong() : -1;
                        if (r.status() == 503) {
                            assertThat(r.header("content-type")).contains("application/problem+json");
                            assertThat(r.text()).doesNotContain("Exception").doesNotContain("at org.");
                        }
                        calls.add(new Call(start, end, r.status(), id, name));
                        try {
                            Thread.sleep(r.status() == 201 ? 50 : 200);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
            }
            Thread.sleep(4_000);
            long down = System.currentTimeMillis() - t0;
            ItInfrastructure.stopDatabase();
            Thread.sleep(OUTAGE_MILLIS);
            long up = System.currentTimeMillis() - t0;
            ItInfrastructure.startDatabase();
            // recovery without a restart: drafts are created again
            CertificationDriver.await("drafts created after the outage", () -> calls.stream().anyMatch(c -> c.start() > up && c.status() == 201));
            Thread.sleep(2_000);
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            List<Call> during = calls.stream().filter(c -> c.start() > down + 1_000 && c.end() < up).toList();
            System.out.printf("database outage: %d requests, %d during the outage (all 503: %s), %d acknowledged%n", calls.size(),
                    during.size(), during.stream().allMatch(c -> c.status() == 503), calls.stream().filter(c -> c.status() == 201).count());
            assertThat(during).isNotEmpty().allSatisfy(c -> assertThat(c.status()).as(c.toString()).isEqualTo(503));
            assertThat(calls).allSatisfy(c -> assertThat(c.status()).as(c.toString()).isIn(201, 503));
            assertThat(calls.stream().filter(c -> c.status() == 201 && c.end() < down)).isNotEmpty();

            // nothing acknowledged is lost, nothing half-written: every stored draft has its creation event
            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            for (Call c : calls.stream().filter(c -> c.status() == 201).toList()) {
                assertThat(applicant.get("/api/applications/" + c.id()).json().path("carrierName").asText()).isEqualTo(c.name());
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application a WHERE a.carrier_name LIKE ? AND NOT EXISTS "
                    + "(SELECT 1 FROM application_event e WHERE e.application_id = a.id AND e.action = 'CREATED')", Integer.class,
                    "停库测试孵化器" + tag + "%")).isZero();

            // the job executor works again: a submission reaches the city
            CertificationDriver driver = CertificationDriver.withoutAdministrator(user -> Http.to("http://localhost:" + port).as(user, AbstractIT.DEMO_PASSWORD));
            long id = driver.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", "停库后提交孵化器" + tag));
            assertThat(applicant.post("/api/applications/" + id + "/submit", Map.of()).status()).isEqualTo(202);
            driver.awaitCityReview(id);
        } finally {
            node.close();
        }
    }
}
