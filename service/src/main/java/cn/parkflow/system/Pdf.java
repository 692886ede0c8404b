package cn.parkflow.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Consumer;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * Printable documents (certificates, notices, result lists): A4 pages set in Noto Sans SC, embedded as a subset (SIL Open
 * Font License 1.1, which allows embedding; the licence travels with the jar as {@code fonts/noto-sans-sc/LICENSE_FONT}), so the Chinese
 * text prints the same everywhere and can be searched and copied. The same content gives the same bytes: no clock, no
 * random document id (the id is a digest of what is written), page numbers added once the page count is known.
 */
public final class Pdf {

    public static final String CONTENT_TYPE = "application/pdf";

    private static final float MARGIN = 56; // 2 cm
    private static final float LEADING = 1.55f;
    private static final String NO_LINE_START = "，。、；：？！）》」』】〕”’,.;:?!)%";

    /** What the document says about itself: title, subject, the authority that issues it, and the day it is dated. */
    public record Meta(String title, String subject, String author, LocalDate dated) {}

    public enum Align { LEFT, CENTER, RIGHT }

    /** A table column: its header, its share of the width, how its cells are aligned. */
    public record Column(String header, float weight, Align align) {
        public Column(String header, float weight) {
            this(header, weight, Align.LEFT);
        }
    }

    private Pdf() {}

    /** A date as documents print it: 2026年11月20日. */
    public static String day(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** Lays out a document on A4 (portrait, or landscape for wide tables) and returns its bytes. */
    public static byte[] write(Meta meta, boolean landscape, Consumer<Layout> body) {
        try (PDDocument document = new PDDocument()) {
            Layout layout = new Layout(document, landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4);
            layout.digest(meta.title(), meta.subject(), meta.author(), String.valueOf(meta.dated()));
            body.accept(layout);
            layout.finish();
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(meta.title());
            info.setSubject(meta.subject());
            info.setAuthor(meta.author());
            info.setCreator("parkflow");
            info.setProducer("parkflow (Apache PDFBox)");
            if (meta.dated() != null) {
                GregorianCalendar day = GregorianCalendar.from(meta.dated().atStartOfDay(WorkingCalendar.ZONE));
                day.setTimeZone(TimeZone.getTimeZone(WorkingCalendar.ZONE));
                info.setCreationDate(day);
                info.setModificationDate(day);
            }
            document.getDocumentCatalog().setLanguage("zh-CN");
            PDViewerPreferences preferences = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
            preferences.setDisplayDocTitle(true);
            document.getDocumentCatalog().setViewerPreferences(preferences);
            byte[] id = Arrays.copyOf(layout.digest.digest(), 16);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            document.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Places text from the top of the first page down, starting new pages as they fill. */
    public static final class Layout {

        private final PDDocument document;
        private final PDRectangle size;
        private final PDFont regular;
        private final PDFont bold;
        private final MessageDigest digest;
        private final Map<Integer, Boolean> printable = new HashMap<>();
        private final List<PDPage> pages = new ArrayList<>();
        private PDPageContentStream content;
        private float y;

        private Layout(PDDocument document, PDRectangle size) throws IOException {
            this.document = document;
            this.size = size;
            this.regular = PDType0Font.load(document, Fonts.regular(), true);
            this.bold = PDType0Font.load(document, Fonts.bold(), true);
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            newPage();
        }

        /** The width text may use. */
        public float width() {
            return size.getWidth() - 2 * MARGIN;
        }

        /** A title line: bold, centred. */
        public Layout title(String text, float fontSize) {
            return text(text, bold, fontSize, Align.CENTER, 0);
        }

        /** A bold line of the given size. */
        public Layout heading(String text, float fontSize) {
            return text(text, bold, fontSize, Align.LEFT, 0);
        }

        /** Running text, wrapped; the first line indented by two characters as official documents are. */
        public Layout paragraph(String text, float fontSize) {
            for (String part : text.split("\n", -1)) {
                text(part, regular, fontSize, Align.LEFT, 2 * fontSize);
            }
            return this;
        }

        /** Lines without indent. */
        public Layout lines(String text, float fontSize, Align align) {
            for (String part : text.split("\n", -1)) {
                text(part, regular, fontSize, align, 0);
            }
            return this;
        }

        /** The signature: the issuing authority and, when the document is dated, the date under it, both on the right. */
        public Layout signed(String authority, LocalDate dated, float fontSize) {
            lines(authority, fontSize, Align.RIGHT);
            return dated == null ? this : lines(day(dated), fontSize, Align.RIGHT);
        }

        /** A link: the address written out (it prints), clickable on screen. */
        public Layout link(String label, String url, float fontSize) {
            String text = label + url;
            float top = y;
            text(text, regular, fontSize, Align.LEFT, 0);
            try {
                PDAnnotationLink link = new PDAnnotationLink();
                PDBorderStyleDictionary border = new PDBorderStyleDictionary();
                border.setWidth(0);
                link.setBorderStyle(border);
                PDActionURI action = new PDActionURI();
                action.setURI(url);
                link.setAction(action);
                link.setRectangle(new PDRectangle(MARGIN, y, width(), top - y));
                pages.get(pages.size() - 1).getAnnotations().add(link);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** Label–value pairs, the labels in a column of their own. */
        public Layout fields(List<Map.Entry<String, String>> pairs, float fontSize) {
            float labelWidth = 0;
            for (Map.Entry<String, String> pair : pairs) {
                labelWidth = Math.max(labelWidth, width(pair.getKey() + "：", bold, fontSize));
            }
            labelWidth += fontSize / 2; // the colon's own blank is not enough between a label and its value
            float valueWidth = width() - labelWidth;
            for (Map.Entry<String, String> pair : pairs) {
                List<String> values = wrap(value(pair.getValue()), regular, fontSize, valueWidth, 0);
                float lineHeight = fontSize * LEADING;
                room(lineHeight * values.size());
                draw(pair.getKey() + "：", bold, fontSize, MARGIN, y - fontSize);
                for (String value : values) {
                    draw(value, regular, fontSize, MARGIN + labelWidth, y - fontSize);
                    y -= lineHeight;
                }
            }
            return this;
        }

        /** A ruled table; a row is never split, and the header is repeated on every page the table runs onto. */
        public Layout table(List<Column> columns, List<List<String>> rows, float fontSize) {
            float total = 0;
            for (Column column : columns) {
                total += column.weight();
            }
            float[] widths = new float[columns.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = width() * columns.get(i).weight() / total;
            }
            List<String> headers = columns.stream().map(Column::header).toList();
            row(columns, widths, headers, bold, fontSize, true);
            for (List<String> row : rows) {
                if (!fits(columns, widths, row, fontSize)) {
                    newPage();
                    row(columns, widths, headers, bold, fontSize, true);
                }
                row(columns, widths, row, regular, fontSize, false);
            }
            return this;
        }

        /** Vertical space. */
        public Layout gap(float points) {
            y -= points;
            if (y < MARGIN) {
                newPage();
            }
            return this;
        }

        /** Starts a new page unless at least {@code points} are left on this one. */
        public Layout keep(float points) {
            room(points);
            return this;
        }

        private boolean fits(List<Column> columns, float[] widths, List<String> cells, float fontSize) {
            return y - rowHeight(widths, cells, fontSize) >= MARGIN;
        }

        private float rowHeight(float[] widths, List<String> cells, float fontSize) {
            int lines = 1;
            for (int i = 0; i < widths.length; i++) {
                lines = Math.max(lines, wrap(value(cell(cells, i)), regular, fontSize, widths[i] - fontSize, 0).size());
            }
            return lines * fontSize * LEADING + fontSize * 0.6f;
        }

        private void row(List<Column> columns, float[] widths, List<String> cells, PDFont font, float fontSize, boolean header) {
            float height = rowHeight(widths, cells, fontSize);
            room(height);
            try {
                float x = MARGIN;
                if (header) {
                    content.setNonStrokingColor(0.92f, 0.92f, 0.92f);
                    content.addRect(MARGIN, y - height, width(), height);
                    content.fill();
                    content.setNonStrokingColor(0f, 0f, 0f);
                }
                content.setLineWidth(0.5f);
                for (int i = 0; i < widths.length; i++) {
                    content.addRect(x, y - height, widths[i], height);
                    float lineY = y - fontSize * 0.3f - fontSize;
                    Align align = header ? Align.CENTER : columns.get(i).align();
                    for (String line : wrap(value(cell(cells, i)), font, fontSize, widths[i] - fontSize, 0)) {
                        float w = width(line, font, fontSize);
                        float left = switch (align) {
                            case LEFT -> x + fontSize / 2;
                            case CENTER -> x + (widths[i] - w) / 2;
                            case RIGHT -> x + widths[i] - fontSize / 2 - w;
                        };
                        draw(line, font, fontSize, left, lineY);
                        lineY -= fontSize * LEADING;
                    }
                    x += widths[i];
                }
                content.stroke();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            y -= height;
        }

        private static String cell(List<String> cells, int i) {
            return i < cells.size() ? cells.get(i) : null;
        }

        private static String value(String text) {
            return text == null || text.isBlank() ? "—" : text;
        }

        private Layout text(String text, PDFont font, float fontSize, Align align, float indent) {
            List<String> lines = wrap(text, font, fontSize, width(), indent);
            float lineHeight = fontSize * LEADING;
            for (int i = 0; i < lines.size(); i++) {
                room(lineHeight);
                String line = lines.get(i);
                float w = width(line, font, fontSize);
                float x = switch (align) {
                    case LEFT -> MARGIN + (i == 0 ? indent : 0);
                    case CENTER -> MARGIN + (width() - w) / 2;
                    case RIGHT -> MARGIN + width() - w;
                };
                draw(line, font, fontSize, x, y - fontSize);
                y -= lineHeight;
            }
            return this;
        }

        /**
         * Breaks text into lines no wider than {@code width}: Latin words and numbers stay whole unless longer than a
         * line, Chinese breaks between any two characters, and closing punctuation never starts a line.
         */
        private List<String> wrap(String text, PDFont font, float fontSize, float width, float indent) {
            String clean = printable(text, font);
            List<String> lines = new ArrayList<>();
            if (clean.isEmpty()) {
                lines.add("");
                return lines;
            }
            StringBuilder line = new StringBuilder();
            float available = width - indent;
            int i = 0;
            while (i < clean.length()) {
                int end = tokenEnd(clean, i);
                String token = clean.substring(i, end);
                if (width(line + token, font, fontSize) <= available
                        || !line.isEmpty() && token.length() == 1 && NO_LINE_START.indexOf(token.charAt(0)) >= 0) {
                    line.append(token); // fits, or closing punctuation that hangs on its line
                    i = end;
                } else if (line.isEmpty()) {
                    int n = fits(token, font, fontSize, available); // a word longer than a line: as much as fits
                    line.append(token, 0, n);
                    i += n;
                } else {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                    available = width;
                    while (i < clean.length() && clean.charAt(i) == ' ') {
                        i++;
                    }
                }
            }
            lines.add(line.toString().stripTrailing());
            return lines;
        }

        /** How many chars of {@code token} fit in {@code available}: at least its first code point. */
        private int fits(String token, PDFont font, float fontSize, float available) {
            int n = Character.charCount(token.codePointAt(0));
            while (n < token.length()) {
                int next = n + Character.charCount(token.codePointAt(n));
                if (width(token.substring(0, next), font, fontSize) > available) {
                    break;
                }
                n = next;
            }
            return n;
        }

        private static int tokenEnd(String text, int start) {
            int end = start;
            while (end < text.length() && isWordChar(text.charAt(end))) {
                end++;
            }
            return end == start ? start + Character.charCount(text.codePointAt(start)) : end;
        }

        private static boolean isWordChar(char c) {
            return c < 0x80 && (Character.isLetterOrDigit(c) || "-_./:@%?=&#".indexOf(c) >= 0);
        }

        /** The text with what the font cannot show (control characters, emoji) replaced by a space or a question mark. */
        private String printable(String text, PDFont font) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (Character.isISOControl(cp)) {
                    out.append(' ');
                } else if (printable.computeIfAbsent(cp, c -> canShow(font, c))) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private static boolean canShow(PDFont font, int codePoint) {
            try {
                font.encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }

        private static float width(String text, PDFont font, float fontSize) {
            try {
                return font.getStringWidth(text) / 1000 * fontSize;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void draw(String text, PDFont font, float fontSize, float x, float baseline) {
            if (text.isEmpty()) {
                return;
            }
            try {
                content.beginText();
                content.setFont(font, fontSize);
                content.newLineAtOffset(x, baseline);
                content.showText(text);
                content.endText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            digest(text);
        }

        private void digest(String... parts) {
            for (String part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
        }

        private void room(float height) {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        private void newPage() {
            try {
                if (content != null) {
                    content.close();
                }
                PDPage page = new PDPage(size);
                document.addPage(page);
                pages.add(page);
                content = new PDPageContentStream(document, page);
                y = size.getHeight() - MARGIN;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Closes the last page and numbers the pages (第 n 页 共 m 页) when there is more than one. */
        private void finish() throws IOException {
            content.close();
            if (pages.size() < 2) {
                return;
            }
            for (int i = 0; i < pages.size(); i++) {
                String number = "第 " + (i + 1) + " 页  共 " + pages.size() + " 页";
                try (PDPageContentStream footer = new PDPageContentStream(document, pages.get(i), PDPageContentStream.AppendMode.APPEND, true)) {
                    content = footer;
                    draw(number, regular, 9, (size.getWidth() - width(number, regular, 9)) / 2, MARGIN / 2);
                }
            }
        }
    }

    /** The embedded faces, read once from the classpath (about 10 MB each). */
    private static final class Fonts {
        private static byte[] regular;
        private static byte[] bold;

        static synchronized InputStream regular() {
            if (regular == null) {
                regular = read("fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf");
            }
            return new java.io.ByteArrayInputStream(regular);
        }

        static synchronized InputStream bold() {
            if (bold == null) {
                bold = read("fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf");
            }
            return new java.io.ByteArrayInputStream(bold);
        }

        private static byte[] read(String resource) {
            try (InputStream in = Pdf.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing from the classpath (the build copies it from the npm package @expo-google-fonts/noto-sans-sc)");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
