package cn.parkflow.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import cn.parkflow.system.Spreadsheets;
import org.springframework.stereotype.Component;

/** Writes the filtered registry list as xlsx (streamed, so row count is bounded by disk, not memory) or UTF-8 CSV. */
@Component
class RegistryExport {

    static final List<String> HEADERS = List.of("序号", "载体名称", "运营机构", "统一社会信用代码", "载体类型", "级别",
            "设区市", "地址", "产业领域", "状态", "首次认定日期", "称号");

    enum Format {
        xlsx(Spreadsheets.CONTENT_TYPE),
        csv("text/csv; charset=UTF-8");

        final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }
    }

    private final CarrierQueries queries;

    RegistryExport(CarrierQueries queries) {
        this.queries = queries;
    }

    void write(Format format, CarrierFilter filter, String sort, OutputStream out) throws IOException {
        CarrierQueries.Sort order = CarrierQueries.Sort.parse(sort);
        switch (format) {
            case xlsx -> xlsx(filter, order, out);
            case csv -> csv(filter, order, out);
        }
    }

    private static List<String> cells(int index, CarrierSummary c) {
        return List.of(String.valueOf(index), c.name(), c.operatorName(), c.creditCode(), c.kindLabel(), c.levelLabel(),
                c.cityName(), c.address(),
                c.industries().stream().map(Industry::label).collect(Collectors.joining("、")),
                c.statusLabel(), c.certifiedSince() == null ? "" : c.certifiedSince().toString(),
                c.titles().stream().map(t -> "BENCHMARK".equals(t) ? "标杆孵化器" : t).collect(Collectors.joining("、")));
    }

    private void csv(CarrierFilter filter, CarrierQueries.Sort order, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // so that Excel opens UTF-8 Chinese correctly
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(HEADERS.toArray(String[]::new)).get());
        int[] index = {0};
        queries.forEach(filter, order, unchecked(c -> printer.printRecord(Spreadsheets.csvSafe(cells(++index[0], c)))));
        printer.flush();
    }

    private void xlsx(CarrierFilter filter, CarrierQueries.Sort order, OutputStream out) throws IOException {
        List<Spreadsheets.Column> columns = new java.util.ArrayList<>();
        for (int i = 0; i < HEADERS.size(); i++) {
            columns.add(new Spreadsheets.Column(HEADERS.get(i), i == 1 || i == 2 || i == 7 ? 30 : 14));
        }
        Spreadsheets.write(out, "载体名录", columns, rows -> {
            int[] index = {0};
            queries.forEach(filter, order, c -> {
                List<Object> cells = new java.util.ArrayList<>(cells(++index[0], c));
                cells.set(0, index[0]);
                rows.add(cells);
            });
        });
    }

    private interface IoConsumer<T> {
        void accept(T t) throws IOException;
    }

    private static <T> Consumer<T> unchecked(IoConsumer<T> consumer) {
        return t -> {
            try {
                consumer.accept(t);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
