package cn.parkflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.Certify;
import cn.parkflow.registry.City;
import cn.parkflow.registry.CreditCode;
import cn.parkflow.registry.Industry;
import cn.parkflow.registry.Level;
import cn.parkflow.registry.RegistryService;
import cn.parkflow.testsupport.AbstractIT;
import cn.parkflow.testsupport.Drafts;
import cn.parkflow.testsupport.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not a test: figures. {@code ./mvnw -Pbench verify} runs it on MariaDB + S3Proxy, prints a table and writes
 * {@code service/target/bench/tenants.json}. 5,000 carriers each file a roster of 60 tenants (300,000 rows) over HTTP as
 * CSV, four operators' clients at once, as the rush before a deadline would; one carrier in ten shares six firms that
 * moved on from the carrier before it, another one in ten three firms it holds at the same time (duplicates). Then the
 * province's duplicate list and the chain figures of the year, and one carrier's roster check.
 */
class TenantBench extends AbstractIT {

    static final int CARRIERS = 5_000;
    static final int TENANTS = 60;
    static final int CLIENTS = 4;
    static final int YEAR = LocalDate.now().getYear() - 1;

    static final String HEADER = "统一社会信用代码,企业名称,成立日期,入孵时间,所属产业领域,是否高新技术企业,当年获得投融资额（元）,当年营业收入（元）,"
            + "毕业时间,毕业条件,离孵时间,离孵原因\n";

    @Autowired
    RegistryService registry;

    static String firm(int carrier, int i) {
        return CreditCode.withCheckCharacter("913201" + "%02d".formatted(carrier % 100) + "TB" + "%07d".formatted(carrier * 100 + i)).value();
    }

    /** Carrier {@code c}'s roster: its own firms, those that came from the carrier before it, those it shares with the one two before. */
    static byte[] roster(int c) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < TENANTS; i++) {
            String code = firm(c, i);
            String entry = YEAR - 1 + "-%02d-15".formatted(1 + i % 12);
            String exit = "";
            String reason = "";
            if (c % 10 == 0 && i < 6) { // they move on to carrier c + 1
                exit = YEAR + "-03-31";
                reason = "迁入下一环节载体";
            }
            if (c % 10 == 1 && i < 6) { // came from carrier c - 1
                code = firm(c - 1, i);
                entry = YEAR + "-04-15";
            }
            if (c % 10 == 2 && i >= 6 && i < 9) { // held by carrier c - 2 as well
                code = firm(c - 2, i);
                entry = YEAR + "-05-01";
            }
            String founded = YEAR - 2 + "-%02d-01".formatted(1 + i % 12);
            boolean graduate = i == 59;
            csv.append(code).append(",基准在孵企业").append(c).append('-').append(i).append("有限公司,").append(founded).append(',').append(entry)
                    .append(',').append(i % 2 == 0 ? "GENERAL_AI" : "CELL_GENE").append(',').append(i % 5 == 0 ? "是" : "否").append(',')
                    .append(i % 4 == 0 ? 1_000_000 + i : 0).append(',').append(500_000 + i * 1000).append(',')
                    .append(graduate ? YEAR + "-10-31" : "").append(',').append(graduate ? "HIGH_TECH" : "").append(',')
                    .append(exit).append(',').append(reason).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void rostersAtProvincialScale() throws Exception {
        long seedStart = System.nanoTime();
        CarrierKind[] kinds = CarrierKind.values();
        City[] cities = City.values();
        long[] ids = new long[CARRIERS];
        for (int c = 0; c < CARRIERS; c++) {
            ids[c] = registry.certify(new Certify(CreditCode.of(Drafts.APPLICANT1_CREDIT_CODE), "南京江北新区生命科学园运营机构", "名单基准载体" + c,
                    kinds[c % 4], Level.PROVINCIAL, cities[c % 13], "江苏省基准路" + c + "号", Set.of(Industry.GENERAL_AI), "JIANGSU-2019",
                    LocalDate.of(2020, 1, 1), null, null), "bench").carrierId();
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        // the import: 5,000 PUTs of 60 lines, four clients at once
        double[] importMs = new double[CARRIERS];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long importStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < CLIENTS; t++) {
            Http operator = as("applicant1");
            clients.add(pool.submit(() -> {
                for (int c = next.getAndIncrement(); c < CARRIERS; c = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    Http.Response r = operator.putBody("/api/registry/carriers/" + ids[c] + "/tenants/" + YEAR, "text/csv", roster(c));
                    importMs[c] = (System.nanoTime() - start) / 1e6;
                    if (r.status() != 200 || r.json().path("accepted").size() != TENANTS) {
                        errors.incrementAndGet();
                        System.err.println("roster of carrier " + c + ": " + r.text());
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        double importSeconds = (System.nanoTime() - importStart) / 1e9;
        assertThat(errors.get()).as("failed imports").isZero();

        Http province = as("province");
        List<RegistryBench.Figure> figures = new ArrayList<>();
        double[] sorted = importMs.clone();
        Arrays.sort(sorted);
        figures.add(new RegistryBench.Figure("import roster of 60 (PUT text/csv, " + CLIENTS + " clients)", CARRIERS, sorted[CARRIERS / 2],
                sorted[(int) Math.ceil(CARRIERS * 0.95) - 1], sorted[CARRIERS - 1]));
        JsonNode[] last = new JsonNode[2];
        figures.add(RegistryBench.measure("duplicates of the year, province (all pairs)", 5, () -> {
            Http.Response r = province.get("/api/tenants/duplicates?year=" + YEAR);
            last[0] = r.json();
            return r.status();
        }));
        figures.add(RegistryBench.measure("chain figures of the year, province", 5, () -> {
            Http.Response r = province.get("/api/tenants/chain?year=" + YEAR);
            last[1] = r.json();
            return r.status();
        }));
        figures.add(RegistryBench.measure("chain figures of the year, one city", 5,
                () -> province.get("/api/tenants/chain?year=" + YEAR + "&city=320500").status()));
        figures.add(RegistryBench.measure("chain figures, every year", 5, () -> province.get("/api/tenants/chain").status()));
        int[] carrier = {0};
        figures.add(RegistryBench.measure("roster figures of one carrier", 100,
                () -> province.get("/api/registry/carriers/" + ids[carrier[0]++ % CARRIERS] + "/tenants/" + YEAR + "/figures").status()));
        figures.add(RegistryBench.measure("graduates' destinations of one carrier", 100,
                () -> province.get("/api/registry/carriers/" + ids[carrier[0]++ % CARRIERS] + "/graduates").status()));

        long overlapping = 0;
        for (JsonNode d : last[0]) {
            overlapping += d.path("overlapDays").asLong() > 0 ? 1 : 0;
        }
        int moves = last[1].path("total").asInt();
        assertThat(overlapping).as("overlapping pairs").isGreaterThanOrEqualTo(CARRIERS / 10 * 3);
        assertThat(moves).as("moves of the year").isGreaterThanOrEqualTo(CARRIERS / 10 * 6);

        StringBuilder table = new StringBuilder("\n=== parkflow tenant roster benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MiB heap; " + CARRIERS + " carriers × " + TENANTS + " tenants = "
                + CARRIERS * TENANTS + " rows; carriers seeded in " + "%.1f".formatted(seedSeconds) + " s) ===\n");
        table.append("import of all rosters: %.1f s wall (%.0f rows/s), %d duplicate pairs (%d overlapping), %d moves of %d%n"
                .formatted(importSeconds, CARRIERS * TENANTS / importSeconds, last[0].size(), overlapping, moves, YEAR));
        table.append(BenchReport.table(figures));
        System.out.println(table);
        ObjectNode json = BenchReport.json();
        json.put("carriers", CARRIERS);
        json.put("rows", CARRIERS * TENANTS);
        json.put("seedSeconds", seedSeconds);
        json.put("importSeconds", importSeconds);
        json.put("duplicatePairs", last[0].size());
        json.put("moves", moves);
        BenchReport.write("tenants", json, figures);
    }
}
