package cn.parkflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.testsupport.AbstractIT;
import cn.parkflow.testsupport.CertificationDriver;
import cn.parkflow.testsupport.Drafts;
import cn.parkflow.testsupport.Http;
import cn.parkflow.testsupport.TestFiles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not a test: figures. The rush before a deadline: {@code bench.rush.clients} (32) operator clients each create a
 * draft, upload the eleven documents of an incubator (1 MB PDFs) and submit, over and over for
 * {@code bench.rush.seconds} (120), on MariaDB + S3Proxy over HTTP. Per call p50/p95/max, filings per second, errors.
 * Before it, on a quiet system: the submit of a filing against a bare Camunda process start of the same shape (a start
 * event and an asynchronous service task, started over the engine's REST API, so both pay for HTTP and login), as
 * the server's cost of a submit. Writes {@code target/bench/filing-rush.json}.
 */
class FilingRushBench extends AbstractIT {

    static final int CLIENTS = Integer.getInteger("bench.rush.clients", 32);
    static final int SECONDS = Integer.getInteger("bench.rush.seconds", 120);
    static final int QUIET = 30;
    static final byte[] PDF = pdf();

    @Autowired
    RepositoryService repository;

    static byte[] pdf() {
        byte[] pdf = new byte[1024 * 1024];
        byte[] head = TestFiles.pdf("rush");
        System.arraycopy(head, 0, pdf, 0, head.length);
        return pdf;
    }

    /** Latencies of one kind of call, in milliseconds, from any client. */
    static final class Calls {
        final List<Double> ms = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger errors = new AtomicInteger();

        Http.Response time(java.util.function.Supplier<Http.Response> call, int expected) {
            long start = System.nanoTime();
            Http.Response r = call.get();
            ms.add((System.nanoTime() - start) / 1e6);
            if (r.status() != expected) {
                errors.incrementAndGet();
                System.err.println("expected " + expected + ": " + r);
            }
            return r;
        }

        RegistryBench.Figure figure(String name) {
            double[] sorted;
            synchronized (ms) {
                sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            }
            int n = sorted.length;
            return new RegistryBench.Figure(name, n, sorted[n / 2], sorted[(int) Math.ceil(n * 0.95) - 1], sorted[n - 1]);
        }
    }

    record Rush(Calls create, Calls upload, Calls submit) {
        Rush() {
            this(new Calls(), new Calls(), new Calls());
        }

        int errors() {
            return create.errors.get() + upload.errors.get() + submit.errors.get();
        }
    }

    /** One operator's filing: a draft, the eleven documents, the submission. */
    static void file(Http operator, Map<String, Object> draft, Rush rush) {
        Http.Response created = rush.create().time(() -> operator.post("/api/applications",
                Drafts.with(draft, "carrierName", "申报高峰孵化器" + UUID.randomUUID())), 201);
        if (created.status() != 201) {
            return;
        }
        long id = created.json().path("id").asLong();
        for (String type : CertificationDriver.INCUBATOR_DOCUMENTS) {
            rush.upload().time(() -> operator.upload("/api/applications/" + id + "/documents", Map.of("type", type), "file",
                    type.toLowerCase() + ".pdf", "application/pdf", PDF), 201);
        }
        rush.submit().time(() -> operator.post("/api/applications/" + id + "/submit", Map.of()), 202);
    }

    @Test
    void theRushBeforeADeadline() throws Exception {
        repository.createDeployment().name("bench-start").addModelInstance("bench-start.bpmn", Bpmn.createExecutableProcess("bench-start")
                .camundaHistoryTimeToLive(1).startEvent().serviceTask("Noop").camundaAsyncBefore().camundaExpression("${true}").endEvent().done())
                .deploy();
        Http operator = as("applicant1");
        Http admin = as("admin");
        for (int i = 0; i < 3; i++) { // warm-up
            file(operator, Drafts.nanjingIncubator(), new Rush());
            admin.post("/engine-rest/process-definition/key/bench-start/start", Map.of());
        }

        // quiet: one client, the submit against a bare process start of the same shape
        Rush quiet = new Rush();
        Calls bare = new Calls();
        for (int i = 0; i < QUIET; i++) {
            file(operator, Drafts.nanjingIncubator(), quiet);
            bare.time(() -> admin.post("/engine-rest/process-definition/key/bench-start/start", Map.of("businessKey", "bench-" + UUID.randomUUID())), 200);
        }
        for (int i = 0; i < 100 - QUIET; i++) {
            bare.time(() -> admin.post("/engine-rest/process-definition/key/bench-start/start", Map.of()), 200);
        }

        // the rush
        Rush rush = new Rush();
        AtomicInteger filings = new AtomicInteger();
        long end = System.nanoTime() + SECONDS * 1_000_000_000L;
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            boolean suzhou = c % 2 == 1; // both demo operators, each with its own city's draft
            Http client = as(suzhou ? "applicant2" : "applicant1");
            Map<String, Object> draft = suzhou ? Drafts.with(Drafts.with(Drafts.nanjingIncubator(), "creditCode", Drafts.APPLICANT2_CREDIT_CODE),
                    "city", "320500") : Drafts.nanjingIncubator();
            clients.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    file(client, draft, rush);
                    filings.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;

        List<RegistryBench.Figure> figures = List.of(quiet.create().figure("quiet: create draft"), quiet.upload().figure("quiet: upload 1 MB PDF"),
                quiet.submit().figure("quiet: submit (11 documents)"), bare.figure("quiet: bare process start (engine REST)"),
                rush.create().figure("rush: create draft"), rush.upload().figure("rush: upload 1 MB PDF"), rush.submit().figure("rush: submit"));
        double ratio = figures.get(2).p50ms() / figures.get(3).p50ms();
        StringBuilder table = new StringBuilder("\n=== parkflow filing rush (" + Runtime.getRuntime().availableProcessors() + " cores, "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MiB heap; " + CLIENTS + " clients for " + "%.0f".formatted(seconds) + " s) ===\n");
        table.append("%d filings (%.2f per second, %d documents, %.1f MB/s uploaded), %d errors; submit p50 / bare start p50 = %.2f%n".formatted(
                filings.get(), filings.get() / seconds, rush.upload().ms.size(), rush.upload().ms.size() / seconds, rush.errors() + quiet.errors(), ratio));
        table.append(BenchReport.table(figures));
        System.out.println(table);
        ObjectNode json = BenchReport.json();
        json.put("clients", CLIENTS);
        json.put("seconds", seconds);
        json.put("filings", filings.get());
        json.put("filingsPerSecond", filings.get() / seconds);
        json.put("errors", rush.errors() + quiet.errors());
        json.put("submitToBareStart", ratio);
        BenchReport.write("filing-rush", json, figures);
        assertThat(filings.get()).isPositive();
    }
}
