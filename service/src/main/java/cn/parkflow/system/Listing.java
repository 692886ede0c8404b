package cn.parkflow.system;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A result list the province both works with and keeps: the same title, columns and rows as an xlsx (typed cells) and as
 * a PDF (a ruled table, landscape, the columns as wide as in the spreadsheet, the heading and the issuing authority).
 *
 * @param fileName the download's name without extension
 */
public record Listing(String title, String subtitle, String author, LocalDate dated, List<Spreadsheets.Column> columns,
        List<List<?>> rows, String fileName) {

    public ResponseEntity<StreamingResponseBody> xlsx() {
        StreamingResponseBody body = out -> Spreadsheets.write(out, title.length() > 31 ? title.substring(0, 31) : title, columns,
                sheet -> rows.forEach(sheet::add));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(Spreadsheets.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName + ".xlsx"))
                .body(body);
    }

    public ResponseEntity<byte[]> pdf() {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName + ".pdf"))
                .body(pdfBytes());
    }

    public byte[] pdfBytes() {
        List<Pdf.Column> printed = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            printed.add(new Pdf.Column(columns.get(i).header(), columns.get(i).width(), numeric(i) ? Pdf.Align.RIGHT : Pdf.Align.LEFT));
        }
        List<List<String>> cells = new ArrayList<>(rows.size());
        for (List<?> row : rows) {
            cells.add(row.stream().map(Listing::text).toList());
        }
        return Pdf.write(new Pdf.Meta(title, subtitle, author, dated), true, page -> {
            page.title(title, 18).gap(4);
            if (subtitle != null) {
                page.lines(subtitle, 10.5f, Pdf.Align.CENTER);
            }
            page.gap(10).table(printed, cells, 8.5f).gap(20).signed(author, dated, 12);
        });
    }

    /** A column of numbers (and blanks) only is right-aligned, as figures are. */
    private boolean numeric(int index) {
        return !rows.isEmpty() && rows.stream().allMatch(r -> index < r.size() && (r.get(index) == null || r.get(index) instanceof Number));
    }

    private static String text(Object cell) {
        if (cell == null) {
            return null;
        }
        return cell instanceof BigDecimal d ? d.toPlainString() : cell.toString();
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
    }
}
