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
import cn.parkflow.testsupport.TestFiles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not a test: figures. {@code ./mvnw -Pbench verify} runs it on MariaDB + S3Proxy, prints a table
 * and writes {@code service/target/bench/registry.json}. The registry at national scale ({@code bench.registry.carriers},
 * default 100,000 carriers on top of the demo data, seeded by two threads through the registry service), document
 * upload throughput, and the live heap the xlsx export of all of them holds (the heap after a forced collection every
 * 100 ms, while the client discards the bytes it receives).
 */
class RegistryBench extends AbstractIT {

    static final int CARRIERS = Integer.getInteger("bench.registry.carriers", 100_000);

    @Autowired
    RegistryService registry;

    record Figure(String name, int samples, double p50ms, double p95ms, double maxMs) {}

    static Figure measure(String name, int samples, Supplier<Integer> call) {
        double[] ms = new double[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            int status = call.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
            assertThat(status).as(name).isBetween(200, 299);
        }
        Arrays.sort(ms);
        return new Figure(name, samples, ms[samples / 2], ms[(int) Math.ceil(samples * 0.95) - 1], ms[samples - 1]);
    }

    /**
     * One xlsx export of the whole registry, the bytes discarded as they arrive: {milliseconds, bytes, the most the live
     * heap (the used heap right after a collection, forced every 100 ms while the export runs) grew above its level
     * before it, that level}. The garbage the export makes and a collection frees is not growth; what it holds is.
     */
    static long[] exportHeap(URI export) throws Exception {
        java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        System.gc();
        Thread.sleep(200);
        long baseline = memory.getHeapMemoryUsage().getUsed();
        java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong(baseline);
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread sampler = new Thread(() -> { // what the export keeps alive: the heap left after a collection, every 100 ms
            while (running.get()) {
                System.gc();
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long start = System.nanoTime();
        java.net.http.HttpResponse<java.io.InputStream> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(export).build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        long bytes;
        try (java.io.InputStream in = response.body()) {
            bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        running.set(false);
        sampler.join();
        assertThat(response.statusCode()).isEqualTo(200);
        return new long[] {millis, bytes, peak.get() - baseline, baseline};
    }

    @Test
    void registryAndDocumentsAtProvincialScale() throws Exception {
        long seedStart = System.nanoTime();
        City[] cities = City.values();
        CarrierKind[] kinds = CarrierKind.values();
        Industry[] industries = Industry.values();
        java.util.concurrent.ExecutorService seeders = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<?>> seeding = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int first = t;
            seeding.add(seeders.submit(() -> {
                for (int n = first; n < CARRIERS; n += 2) {
                    String first17 = "9132" + cities[n % 13].code().substring(2) + "BN" + "%06d".formatted(n) + "X";
                    registry.certify(new Certify(CreditCode.withCheckCharacter(first17), "基准运营机构" + n, "基准载体" + n,
                            kinds[n % kinds.length], Level.values()[n % 3], cities[n % 13], "江苏省基准路" + n + "号",
                            Set.of(industries[n % industries.length]), "JIANGSU-2019", LocalDate.of(2020, 1, 1).plusDays(n % 1800),
                            null, null), "bench");
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> seeder : seeding) {
            seeder.get();
        }
        seeders.shutdown();
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        Http http = anonymous();
        List<Figure> figures = new ArrayList<>();
        int[] page = {0};
        figures.add(measure("search city=320500, page of 20", 200,
                () -> http.get("/api/registry/carriers?city=320500&size=20&page=" + (page[0]++ % 30)).status()));
        figures.add(measure("search q=基准载体99 (substring)", 100, () -> http.get("/api/registry/carriers?q=%E5%9F%BA%E5%87%86%E8%BD%BD%E4%BD%9399").status()));
        figures.add(measure("search industry+kind+level, sort name", 100,
                () -> http.get("/api/registry/carriers?industry=GENERAL_AI&kind=INCUBATOR&level=PROVINCIAL&sort=name,asc").status()));
        figures.add(measure("carrier details", 200, () -> http.get("/api/registry/carriers/" + (1 + page[0]++ % 5000)).status()));
        long[] heap = exportHeap(URI.create(http.base() + "/api/registry/carriers/export?format=xlsx"));
        figures.add(measure("export xlsx, all carriers", 3, () -> http.get("/api/registry/carriers/export?format=xlsx").status()));
        figures.add(measure("export csv, all carriers", 3, () -> http.get("/api/registry/carriers/export?format=csv").status()));

        Http applicant = as("applicant1");
        long id = applicant.post("/api/applications", Drafts.nanjingIncubator()).json().path("id").asLong();
        byte[] pdf = new byte[1024 * 1024];
        byte[] head = TestFiles.pdf("bench");
        System.arraycopy(head, 0, pdf, 0, head.length);
        figures.add(measure("upload 1 MB PDF to S3 (hash, sniff, store, row)", 50, () -> applicant.upload(
                "/api/applications/" + id + "/documents", Map.of("type", "OTHER"), "file", "bench.pdf", "application/pdf", pdf).status()));

        StringBuilder table = new StringBuilder("\n=== parkflow registry benchmark (" + Runtime.getRuntime().availableProcessors()
                + " cores, " + CARRIERS + " carriers + demo; seeding " + "%.1f".formatted(seedSeconds) + " s) ===\n");
        table.append("xlsx export of all carriers (with a GC every 100 ms): %.1f s, %.1f MB, live heap growth %.1f MiB (baseline %.0f MiB)%n".formatted(
                heap[0] / 1e3, heap[1] / 1e6, heap[2] / 1048576.0, heap[3] / 1048576.0));
        table.append(BenchReport.table(figures));
        System.out.println(table);
        ObjectNode json = BenchReport.json();
        json.put("carriers", CARRIERS);
        json.put("seedSeconds", seedSeconds);
        json.put("exportMillis", heap[0]);
        json.put("exportBytes", heap[1]);
        json.put("exportHeapGrowthBytes", heap[2]);
        BenchReport.write("registry", json, figures);
    }
}
