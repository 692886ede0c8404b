package cn.parkflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.evaluation.EvaluationRuns;
import cn.parkflow.evaluation.ReportImport;
import cn.parkflow.identity.Caller;
import cn.parkflow.identity.Roles;
import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.Certify;
import cn.parkflow.registry.City;
import cn.parkflow.registry.CreditCode;
import cn.parkflow.registry.Industry;
import cn.parkflow.registry.Level;
import cn.parkflow.registry.RegistryService;
import cn.parkflow.testsupport.AbstractIT;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: figures. {@code ./mvnw -Pbench verify} (sizes: {@code -Dbench.evaluation.sizes=500,2000,5000})
 * runs an annual evaluation on MariaDB over N carriers with imported reports, timed from the start
 * until every carrier is rated, and the bare engine running N trivial call activities with the same
 * multi-instance shape, after a warm-up run ({@code bench.evaluation.warm-up}, default 300) (batches of {@code parkflow.evaluation.batch-size}) in the same JVM and database. Writes {@code target/bench/evaluation.json}.
 */
class EvaluationBench extends AbstractIT {

    static final Caller PROVINCE = new Caller("province", Set.of(Roles.PROVINCE_REVIEWER));
    static final String HEADER = "统一社会信用代码,载体名称,在孵企业数,累计毕业企业数,在孵高新技术企业数,在孵企业当年获得投融资总额,创业导师数,年举办创新创业活动次数,专业孵化服务人员占比";

    @Autowired RegistryService registry;
    @Autowired ReportImport reports;
    @Autowired EvaluationRuns runs;
    @Autowired RuntimeService runtime;
    @Autowired RepositoryService repository;
    @Autowired HistoryService history;
    @Autowired JdbcTemplate jdbc;
    @org.springframework.beans.factory.annotation.Value("${parkflow.evaluation.batch-size:100}") int batchSize;

    record Figure(int carriers, double seedSeconds, double importSeconds, double ratedSeconds, double carriersPerSecond,
            double bareSeconds, double barePerSecond, double ratio) {}

    @Test
    void evaluationRunAtProvincialScale() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.evaluation.sizes", "500,2000,5000").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        deployBare();
        List<Figure> figures = new ArrayList<>();
        int year = 2000;
        int warmUp = Integer.getInteger("bench.evaluation.warm-up", 300);
        int[] order = warmUp > 0 ? java.util.stream.IntStream.concat(java.util.stream.IntStream.of(warmUp), Arrays.stream(sizes)).toArray() : sizes;
        for (int r = 0; r < order.length; r++) {
            int n = order[r];
            boolean warming = warmUp > 0 && r == 0; // a first run warms the JIT and the pools; it is printed, not tabled
            year++;
            jdbc.update("UPDATE carrier SET status = 'EXPIRED' WHERE name LIKE '考核基准%'");
            long t0 = System.nanoTime();
            StringBuilder csv = new StringBuilder(HEADER);
            for (int i = 0; i < n; i++) {
                City city = City.values()[i % City.values().length];
                String code = CreditCode.withCheckCharacter("91" + city.code() + "MC" + String.format("%02d%05d", year % 100, i)).value();
                String name = "考核基准" + year + "-" + i;
                registry.certify(new Certify(CreditCode.of(code), "基准运营机构" + i, name, CarrierKind.INCUBATOR, Level.PROVINCIAL, city,
                        "地址" + i, Set.of(Industry.QUANTUM), "JIANGSU-2019", LocalDate.of(year, 1, 1), null, null), "bench");
                csv.append('\n').append(code).append(',').append(name).append(',').append(20 + i % 50).append(",12,").append(i % 15)
                        .append(",3000000,").append(i % 25).append(",14,0.4");
            }
            double seed = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            var imported = reports.importCsv(year, new StringReader(csv.toString()), PROVINCE);
            assertThat(imported.accepted()).hasSize(n);
            double importSeconds = (System.nanoTime() - t1) / 1e9;

            final int y = year;
            long t2 = System.nanoTime();
            runs.start(year, PROVINCE);
            awaitUntil(() -> jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result WHERE eval_year = ?", Integer.class, y) == n);
            double rated = (System.nanoTime() - t2) / 1e9;

            long t3 = System.nanoTime();
            List<List<Integer>> batches = new ArrayList<>();
            for (int i = 0; i < n; i += batchSize) {
                batches.add(new ArrayList<>(IntStream.range(i, Math.min(n, i + batchSize)).boxed().toList()));
            }
            String pi = runtime.startProcessInstanceByKey("bench-parent", java.util.Map.of("batches", batches)).getId();
            awaitUntil(() -> history.createHistoricProcessInstanceQuery().processInstanceId(pi).finished().count() == 1);
            double bare = (System.nanoTime() - t3) / 1e9;
            if (!warming) {
                figures.add(new Figure(n, seed, importSeconds, rated, n / rated, bare, n / bare, rated / bare));
            }
            System.out.printf((warming ? "warm-up " : "") + "evaluation bench: %d carriers seeded in %.1f s, imported in %.1f s, rated in %.1f s (%.1f carriers/s); "
                    + "bare engine %.1f s (%.1f/s); ratio %.2f%n", n, seed, importSeconds, rated, n / rated, bare, n / bare, rated / bare);
        }
        StringBuilder table = new StringBuilder("\n| carriers | rated in (s) | carriers/s | bare engine (s) | bare/s | ratio | ms per carrier |\n|---|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            table.append(String.format("| %d | %.1f | %.1f | %.1f | %.1f | %.2f | %.1f |%n", f.carriers(), f.ratedSeconds(), f.carriersPerSecond(),
                    f.bareSeconds(), f.barePerSecond(), f.ratio(), 1000 * f.ratedSeconds() / f.carriers()));
        }
        System.out.println(table);
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("evaluation.json"), cn.parkflow.testsupport.Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(figures));
    }

    /**
     * The same shape as the evaluation without its work: an async multi-instance call activity over
     * batches, each batch an async multi-instance call activity over its trivial instances.
     */
    void deployBare() {
        BpmnModelInstance parent = Bpmn.createExecutableProcess("bench-parent").camundaHistoryTimeToLive(1)
                .startEvent()
                .callActivity("Batches").calledElement("bench-batch").camundaIn("batch", "items")
                .multiInstance().parallel().camundaCollection("${batches}").camundaElementVariable("batch")
                .camundaAsyncBefore().camundaAsyncAfter().multiInstanceDone()
                .endEvent().done();
        BpmnModelInstance batch = Bpmn.createExecutableProcess("bench-batch").camundaHistoryTimeToLive(1)
                .startEvent()
                .callActivity("Call").calledElement("bench-child")
                .multiInstance().parallel().camundaCollection("${items}").camundaElementVariable("item")
                .camundaAsyncBefore().camundaAsyncAfter().multiInstanceDone()
                .endEvent().done();
        BpmnModelInstance child = Bpmn.createExecutableProcess("bench-child").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("Noop").camundaAsyncBefore().camundaExpression("${true}").endEvent().done();
        repository.createDeployment().name("bench").addModelInstance("bench-parent.bpmn", parent)
                .addModelInstance("bench-batch.bpmn", batch).addModelInstance("bench-child.bpmn", child).deploy();
    }

    static void awaitUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not finished within 30 minutes");
            }
            Thread.sleep(200);
        }
    }
}
