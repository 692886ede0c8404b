package cn.parkflow.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Rows of an uploaded table, as the imports read them: a CSV (UTF-8, a BOM skipped) or the first sheet of an xlsx, the
 * first line the headers (in Chinese), each further non-empty line a row of text cells keyed by header, numbered as a
 * person finds it in the file (the header is line 1). A date cell of a workbook reads as an ISO date.
 */
public final class TableRows {

    /** One line of the table: its line number in the file and its cells by header. */
    public record Line(int number, Map<String, String> cells) {}

    /** The headers as found and the lines under them. */
    public record Table(List<String> headers, List<Line> lines) {

        /** The required headers the table lacks, as one field error on {@code file}, or nothing. */
        public void require(List<String> required) {
            List<String> missing = required.stream().filter(h -> !headers.contains(h)).toList();
            if (!missing.isEmpty()) {
                throw FieldErrors.single("file", "缺少列：" + String.join("、", missing));
            }
        }
    }

    private TableRows() {}

    public static Table csv(Reader csv, int maxLines) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            List<String> headers = parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
            List<Line> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, String> cells = new LinkedHashMap<>();
                List<String> values = record.toList();
                for (int i = 0; i < headers.size() && i < values.size(); i++) {
                    cells.put(headers.get(i), values.get(i));
                }
                add(lines, new Line((int) record.getRecordNumber() + 1, cells), maxLines);
            }
            return new Table(headers, lines);
        } catch (java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException unreadable) {
            throw FieldErrors.single("file", "无法读取该 CSV 文件：" + unreadable.getMessage());
        }
    }

    public static Table xlsx(InputStream in, int maxLines) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            Row header = sheet.getRow(sheet.getFirstRowNum());
            Map<Integer, String> columns = new LinkedHashMap<>();
            if (header != null) {
                for (Cell cell : header) {
                    columns.put(cell.getColumnIndex(), formatter.formatCellValue(cell).strip());
                }
            }
            List<Line> lines = new ArrayList<>();
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Map<String, String> cells = new LinkedHashMap<>();
                if (row != null) {
                    columns.forEach((index, name) -> cells.put(name, text(row.getCell(index), formatter)));
                }
                add(lines, new Line(r + 1, cells), maxLines);
            }
            return new Table(List.copyOf(columns.values()), lines);
        } catch (org.apache.poi.ooxml.POIXMLException | org.apache.poi.util.RecordFormatException | IOException
                | IllegalArgumentException unreadable) { // not a workbook, or a broken one (a damaged archive is an IOException)
            throw FieldErrors.single("file", "无法读取该工作簿：" + unreadable.getMessage());
        }
    }

    /** A JSON array of objects as lines, numbered from 1 in the array's order, each value as text (null stays null). */
    public static List<Line> json(List<Map<String, Object>> objects) {
        List<Line> lines = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) {
            Map<String, String> cells = new LinkedHashMap<>();
            Map<String, Object> object = objects.get(i) == null ? Map.of() : objects.get(i);
            object.forEach((k, v) -> cells.put(k, v == null ? null : String.valueOf(v)));
            lines.add(new Line(i + 1, cells));
        }
        return lines;
    }

    private static void add(List<Line> lines, Line line, int maxLines) {
        if (line.cells().values().stream().allMatch(v -> v == null || v.isBlank())) {
            return;
        }
        if (lines.size() == maxLines) {
            throw FieldErrors.single("file", "一次最多导入" + maxLines + "行");
        }
        lines.add(line);
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return formatter.formatCellValue(cell).strip();
    }
}
