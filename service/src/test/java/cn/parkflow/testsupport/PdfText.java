package cn.parkflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** What a reader's search finds in a PDF: its text as PDFBox extracts it, and its page count. */
public record PdfText(String text, int pages, String title, String author, String language) {

    public static PdfText of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PdfText(new PDFTextStripper().getText(document), document.getNumberOfPages(),
                    document.getDocumentInformation().getTitle(), document.getDocumentInformation().getAuthor(),
                    document.getDocumentCatalog().getLanguage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text without line breaks and spaces, so that a wrapped name is found whole. */
    public String joined() {
        return text.replaceAll("\\s+", "");
    }
}
