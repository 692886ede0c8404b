package cn.parkflow.bench;

import cn.parkflow.testsupport.Http;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How every benchmark reports: a table of latencies on the console and the same figures as JSON under target/bench/. */
final class BenchReport {

    private BenchReport() {}

    /** The latencies as an aligned table, one line per operation. */
    static String table(List<RegistryBench.Figure> figures) {
        StringBuilder table = new StringBuilder("%-52s %8s %10s %10s %10s%n".formatted("operation", "samples", "p50 ms", "p95 ms", "max ms"));
        for (RegistryBench.Figure f : figures) {
            table.append("%-52s %8d %10.1f %10.1f %10.1f%n".formatted(f.name(), f.samples(), f.p50ms(), f.p95ms(), f.maxMs()));
        }
        return table.toString();
    }

    /** A JSON report with the machine's size, to which a benchmark adds its own totals. */
    static ObjectNode json() {
        ObjectNode json = Http.JSON.createObjectNode();
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        return json;
    }

    /** Writes {@code json} with the figures by name to {@code target/bench/<name>.json}. */
    static void write(String name, ObjectNode json, List<RegistryBench.Figure> figures) throws IOException {
        Map<String, RegistryBench.Figure> byName = new LinkedHashMap<>();
        figures.forEach(f -> byName.put(f.name(), f));
        json.set("figures", Http.JSON.valueToTree(byName));
        Path out = Files.createDirectories(Path.of("target", "bench")).resolve(name + ".json");
        Http.JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), json);
    }
}
