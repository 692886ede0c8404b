package cn.parkflow.system;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Streamed xlsx exports (row count bounded by disk, not memory): a bold, frozen Chinese header and typed cells. */
public final class Spreadsheets {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A column: its header and its width in characters. */
    public record Column(String header, int width) {}

    /** Receives the rows of a sheet; numbers become numeric cells, null an empty cell, anything else text. */
    public interface Rows {
        void add(List<?> cells);
    }

    private Spreadsheets() {}

    public static void write(OutputStream out, String sheetName, List<Column> columns, Consumer<Rows> body) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(columns.get(i).header());
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, columns.get(i).width() * 256);
            }
            sheet.createFreezePane(0, 1);
            int[] index = {0};
            body.accept(cells -> {
                Row row = sheet.createRow(++index[0]);
                for (int i = 0; i < cells.size(); i++) {
                    Object value = cells.get(i);
                    if (value instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (value != null) {
                        row.createCell(i).setCellValue(value.toString());
                    }
                }
            });
            workbook.write(out);
            workbook.dispose();
        }
    }

    /**
     * CSV cells as a spreadsheet reads them safely: text starting with {@code = + - @}, a tab or a
     * carriage return would be taken as a formula (CSV injection), so it gets a leading apostrophe,
     * which spreadsheets show as text. Numbers stay numbers.
     */
    public static java.util.List<Object> csvSafe(java.util.List<?> cells) {
        java.util.List<Object> safe = new java.util.ArrayList<>(cells.size());
        for (Object cell : cells) {
            if (cell instanceof CharSequence text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                safe.add("'" + text);
            } else {
                safe.add(cell);
            }
        }
        return safe;
    }
}
