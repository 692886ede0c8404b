package cn.parkflow.evaluation;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

import static cn.parkflow.testsupport.CertificationDriver.await;
import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.ParkflowApplication;
import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.Certify;
import cn.parkflow.registry.City;
import cn.parkflow.registry.CreditCode;
import cn.parkflow.registry.Industry;
import cn.parkflow.registry.Level;
import cn.parkflow.registry.RegistryService;
import cn.parkflow.testsupport.AbstractIT;
import cn.parkflow.testsupport.Http;
import cn.parkflow.testsupport.PdfText;
import cn.parkflow.testsupport.ItInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two parkflow nodes on one MariaDB run the evaluation of 300 carriers: each carrier is rated and
 * recorded exactly once and both nodes' job executors worked on the run; in a second run one node
 * is closed midway and the other finishes every carrier. The carriers are certified in 2005 so that
 * no other IT's carrier is due in the years evaluated here.
 */
class TwoNodeEvaluationIT {

    static final int CARRIERS = 300;
    static final String HEADER = "统一社会信用代码,载体名称,在孵企业数,累计毕业企业数,在孵高新技术企业数,在孵企业当年获得投融资总额,创业导师数,年举办创新创业活动次数,专业孵化服务人员占比";

    static ConfigurableApplicationContext node(String hostname) {
        return new SpringApplicationBuilder(ParkflowApplication.class)
                .profiles("production")
                .initializers(new ItInfrastructure.Initializer())
                .run("--server.port=0",
                        "--camunda.bpm.generic-properties.properties.hostname=" + hostname,
                        "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                        "--camunda.bpm.job-execution.max-jobs-per-acquisition=5",
                        "--parkflow.evaluation.report-period=PT1H");
    }

    static JobExecutor jobExecutor(ConfigurableApplicationContext node) {
        return ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) node.getBean(org.camunda.bpm.engine.ProcessEngine.class)
                .getProcessEngineConfiguration()).getJobExecutor();
    }

    static Http http(ConfigurableApplicationContext node) {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        return Http.to("http://localhost:" + port).as("province", AbstractIT.DEMO_PASSWORD);
    }

    @Test
    void twoNodesShareARunAndTheSecondFinishesWhenTheFirstCloses() {
        ConfigurableApplicationContext a = node("node-a");
        ConfigurableApplicationContext b = node("node-b");
        try {
            JdbcTemplate jdbc = b.getBean(JdbcTemplate.class);
            String tag = UUID.randomUUID().toString().substring(0, 6);
            RegistryService registry = a.getBean(RegistryService.class);
            StringBuilder csv2005 = new StringBuilder(HEADER);
            for (int i = 0; i < CARRIERS; i++) {
                City city = City.values()[i % City.values().length];
                String code = CreditCode.withCheckCharacter("91" + city.code() + "MB" + String.format("%07d", Math.abs((tag + i).hashCode()) % 10_000_000)).value();
                String name = "双节点孵化器" + tag + "-" + i;
                registry.certify(new Certify(CreditCode.of(code), "双节点运营机构" + i, name, CarrierKind.INCUBATOR, Level.PROVINCIAL, city,
                        "地址" + i, Set.of(Industry.HYDROGEN), "JIANGSU-2019", LocalDate.of(2005, 1, 1), null, null), "it");
                csv2005.append('\n').append(code).append(',').append(name).append(",").append(20 + i % 40).append(",10,").append(i % 12)
                        .append(",2000000,8,12,0.4");
            }
            // carriers certified in 2005 by other runs of this IT against an external database are expired first
            jdbc.update("UPDATE carrier SET status = 'EXPIRED' WHERE name LIKE '双节点孵化器%' AND name NOT LIKE ?", "双节点孵化器" + tag + "%");

            for (int year : new int[] {2005, 2006}) {
                Http.Response imported = http(a).postBody("/api/evaluations/" + year + "/reports", "text/csv",
                        csv2005.toString().getBytes(StandardCharsets.UTF_8));
                assertThat(imported.status()).as(imported.text()).isEqualTo(200);
                assertThat(imported.json().path("accepted").size()).isEqualTo(CARRIERS);
            }

            // first run: both nodes work on it; every carrier rated once, confirmed once, one evaluation row each
            Http.Response started = http(a).post("/api/evaluations", Map.of("year", 2005));
            assertThat(started.status()).as(started.text()).isEqualTo(201);
            assertThat(http(b).post("/api/evaluations", Map.of("year", 2005)).status()).isEqualTo(409);
            awaitLong("2005 rated", () -> {
                System.out.println("two-node: 2005 rated " + count(jdbc, "evaluation_result", 2005));
                return count(jdbc, "evaluation_result", 2005) == CARRIERS;
            });
            TaskService tasks = b.getBean(TaskService.class);
            List<Task> cityTasks = await("city tasks", () -> {
                List<Task> t = tasks.createTaskQuery().processInstanceBusinessKey("EVAL-2005").taskDefinitionKey("CityConfirmTask").list();
                return t.size() == 13 ? t : null;
            });
            cityTasks.forEach(t -> tasks.complete(t.getId(), Map.of("confirmDecision", "CONFIRM")));
            awaitLong("2005 recorded", () -> count(jdbc, "evaluation", 2005) == CARRIERS);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT carrier_id FROM evaluation WHERE eval_year = 2005 "
                    + "GROUP BY carrier_id HAVING COUNT(*) > 1) d", Integer.class)).isZero();
            List<String> hosts = jdbc.queryForList("SELECT DISTINCT HOSTNAME_ FROM ACT_HI_JOB_LOG WHERE PROCESS_DEF_KEY_ = 'carrier-evaluation' "
                    + "AND JOB_STATE_ = 2", String.class);
            assertThat(hosts).contains("node-a", "node-b");
            awaitLong("2005 finished", () -> http(b).get("/api/evaluations/2005").json().path("finishedAt").isTextual());
            var progress = http(b).get("/api/evaluations/2005").json();
            assertThat(progress.path("rated").asInt()).isGreaterThanOrEqualTo(CARRIERS);
            assertThat(progress.path("confirmed").asInt()).isEqualTo(progress.path("rated").asInt());

            // results as xlsx: the province's, and one city's for its own reviewer only
            Http.Response province = http(b).get("/api/evaluations/2005/results.xlsx");
            assertThat(province.status()).isEqualTo(200);
            assertThat(rows(province.body())).isEqualTo(CARRIERS);
            int port = ((WebServerApplicationContext) b).getWebServer().getPort();
            Http nanjing = Http.to("http://localhost:" + port).as("nanjing", AbstractIT.DEMO_PASSWORD);
            Http.Response own = nanjing.get("/api/evaluations/2005/results.xlsx?city=320100");
            assertThat(own.status()).isEqualTo(200);
            int nanjingCarriers = jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result WHERE eval_year = 2005 AND city = '320100'",
                    Integer.class);
            assertThat(nanjingCarriers).isPositive();
            assertThat(rows(own.body())).isEqualTo(nanjingCarriers);
            assertThat(nanjing.get("/api/evaluations/2005/results.xlsx").status()).isEqualTo(403);
            assertThat(nanjing.get("/api/evaluations/2005/results.xlsx?city=320200").status()).isEqualTo(403);
            // and as PDF: the city's carriers, searchable, the same bytes on a re-run, under the same permissions
            Http.Response pdf = nanjing.get("/api/evaluations/2005/results.pdf?city=320100");
            assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
            PdfText text = PdfText.of(pdf.body());
            assertThat(text.joined()).contains("2005年度科技企业孵化载体考核评价结果", "南京市", "江苏省科学技术厅");
            for (String carrier : jdbc.queryForList("SELECT c.name FROM evaluation_result r JOIN carrier c ON c.id = r.carrier_id "
                    + "WHERE r.eval_year = 2005 AND r.city = '320100'", String.class)) {
                assertThat(text.joined()).contains(carrier.replaceAll("\\s+", ""));
            }
            assertThat(nanjing.get("/api/evaluations/2005/results.pdf?city=320100").body()).isEqualTo(pdf.body());
            assertThat(nanjing.get("/api/evaluations/2005/results.pdf").status()).isEqualTo(403);

            // second run: node A works alone (B's job executor held), closes once some carriers are rated, and provably
            // leaves work behind; B's job executor then starts and rates the rest. Node A's loss does not depend on timing.
            JobExecutor executorB = jobExecutor(b);
            executorB.shutdown();
            assertThat(http(a).post("/api/evaluations", Map.of("year", 2006)).status()).isEqualTo(201);
            await("some of 2006 rated", () -> count(jdbc, "evaluation_result", 2006) >= 5);
            // node A stops taking work (what it holds stays locked until its lock expires, as after a crash), then goes
            jobExecutor(a).shutdown();
            int atClose = count(jdbc, "evaluation_result", 2006);
            assertThat(atClose).isLessThan(CARRIERS);
            a.close();
            executorB.start();
            awaitLong("2006 rated by node B", () -> count(jdbc, "evaluation_result", 2006) == CARRIERS);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE PROCESS_DEF_KEY_ = 'carrier-evaluation' "
                    + "AND JOB_STATE_ = 2 AND HOSTNAME_ = 'node-b' AND TIMESTAMP_ > (SELECT MAX(TIMESTAMP_) FROM ACT_HI_JOB_LOG "
                    + "WHERE HOSTNAME_ = 'node-a')", Integer.class)).isPositive();
            assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT carrier_id) FROM evaluation_result WHERE eval_year = 2006", Integer.class))
                    .isEqualTo(CARRIERS);
        } finally {
            b.close();
            a.close();
        }
    }

    /** Waits up to five minutes: two nodes on a 2-core machine share 300 carriers' jobs. */
    static <T> T awaitLong(String what, cn.parkflow.testsupport.CertificationDriver.Probe<T> probe) {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null && !(value instanceof Boolean ok && !ok)) {
                return value;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    static int rows(byte[] xlsx) {
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("载体名称");
            return sheet.getLastRowNum();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static int count(JdbcTemplate jdbc, String table, int year) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE eval_year = ?", Integer.class, year);
    }
}
