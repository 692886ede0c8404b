package cn.parkflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ContentSniffer} on files written here byte by byte, beyond {@link ContentSnifferTest}. */
class ContentSnifferBytesTest {

    static final byte[] MINIMAL_PDF = ("%PDF-1.4\n"
            + "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
            + "trailer << /Root 1 0 R >>\n"
            + "%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};

    @TempDir
    Path dir;

    Optional<String> detect(String name, byte[] bytes) throws IOException {
        return ContentSniffer.detect(Files.write(dir.resolve(name), bytes));
    }

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                if (!entry.endsWith("/")) {
                    zip.write(("<" + entry.replaceAll("\\W", "") + "/>").getBytes(StandardCharsets.UTF_8));
                }
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void recognisesEachAcceptedFormatWhateverTheName() throws IOException {
        byte[] ofd = zip("OFD.xml", "Doc_0/", "Doc_0/Document.xml", "Doc_0/Pages/Page_0/Content.xml");
        for (String name : new String[] {"upload.bin", "x.pdf", "x.png", "noextension", "营业执照.exe"}) {
            assertThat(detect(name, MINIMAL_PDF)).contains(ContentSniffer.PDF).contains("application/pdf");
            assertThat(detect(name, PNG)).contains("image/png");
            assertThat(detect(name, JPEG)).contains("image/jpeg");
            assertThat(detect(name, ofd)).contains("application/ofd");
        }
    }

    @Test
    void theMagicIsEnoughEvenForATinyFile() throws IOException {
        assertThat(detect("a", "%PDF-".getBytes(StandardCharsets.US_ASCII))).contains("application/pdf");
        assertThat(detect("b", Arrays.copyOf(PNG, 8))).contains("image/png");
        assertThat(detect("c", Arrays.copyOf(JPEG, 3))).contains("image/jpeg");
    }

    @Test
    void anOfdNeedsOfdXmlAtTheRootOfTheZip() throws IOException {
        assertThat(detect("ofd", zip("OFD.xml"))).contains("application/ofd");
        assertThat(detect("docx", zip("[Content_Types].xml", "word/document.xml"))).isEmpty();
        assertThat(detect("nested", zip("Doc_0/OFD.xml"))).isEmpty();
        assertThat(detect("similar", zip("OFD.xml.bak", "OFD.xmlx"))).isEmpty();
        assertThat(detect("empty-zip", zip())).isEmpty();
    }

    /** Fails today: ZipFile.getEntry("OFD.xml") also finds a directory entry "OFD.xml/". */
    @Test
    void aDirectoryNamedOfdXmlIsNotAnOfd() throws IOException {
        assertThat(detect("folder", zip("OFD.xml/", "Doc_0/Document.xml"))).isEmpty();
    }

    @Test
    void aZipHeaderOnBrokenBytesIsRefusedWithoutAnException() throws IOException {
        byte[] ofd = zip("OFD.xml", "Doc_0/Document.xml");
        assertThat(detect("truncated", Arrays.copyOf(ofd, ofd.length / 2))).isEmpty();
        byte[] garbage = new byte[512];
        new Random(7).nextBytes(garbage);
        garbage[0] = 'P';
        garbage[1] = 'K';
        garbage[2] = 3;
        garbage[3] = 4;
        assertThat(detect("garbage", garbage)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PDF-1.4\n%%EOF", "PDF", "%PDF", "%PDF 1.4", "%pdf-1.4", " %PDF-1.4", "\uFEFF%PDF-1.4",
            "<html><body>%PDF-1.4</body></html>", "PK", "GIF89a", "BM", "II*\0", "plain text"})
    void textThatMerelyLooksLikeAFormatIsRefused(String text) throws IOException {
        assertThat(detect("text.pdf", text.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void prefixesOfTheMagicAreRefused() throws IOException {
        byte[] pdfMagic = "%PDF-".getBytes(StandardCharsets.US_ASCII);
        for (int length = 0; length < pdfMagic.length; length++) {
            assertThat(detect("pdf" + length, Arrays.copyOf(pdfMagic, length))).as("%d bytes", length).isEmpty();
        }
        for (int length = 0; length < 8; length++) {
            assertThat(detect("png" + length, Arrays.copyOf(PNG, length))).as("%d bytes", length).isEmpty();
        }
        for (int length = 0; length < 3; length++) {
            assertThat(detect("jpeg" + length, Arrays.copyOf(JPEG, length))).as("%d bytes", length).isEmpty();
        }
    }

    @Test
    void randomBytesAndEmptyFilesAreRefused() throws IOException {
        Random random = new Random(20261122);
        int refused = 0;
        for (int n = 0; n < 200; n++) {
            byte[] bytes = new byte[1 + random.nextInt(4096)];
            random.nextBytes(bytes);
            if (bytes.length >= 3 && bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xD8 && bytes[2] == (byte) 0xFF) {
                continue; // a random JPEG magic is possible in principle
            }
            assertThat(detect("random" + n, bytes)).isEmpty();
            refused++;
        }
        assertThat(refused).isGreaterThan(190);
        assertThat(detect("empty.pdf", new byte[0])).isEmpty();
    }

    @Test
    void extensionsMatchTheDetectedType() {
        assertThat(ContentSniffer.extension("application/pdf")).isEqualTo(".pdf");
        assertThat(ContentSniffer.extension("application/ofd")).isEqualTo(".ofd");
        assertThat(ContentSniffer.extension("image/jpeg")).isEqualTo(".jpg");
        assertThat(ContentSniffer.extension("image/png")).isEqualTo(".png");
        assertThat(ContentSniffer.extension("text/html")).isEmpty();
    }
}
