package cn.parkflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.testsupport.TestFiles;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Content types are decided by the bytes, never by the name. */
class ContentSnifferTest {

    @TempDir
    Path dir;

    String detect(byte[] bytes) throws Exception {
        Path file = Files.write(dir.resolve("upload.bin"), bytes);
        return ContentSniffer.detect(file).orElse("refused");
    }

    @Test
    void acceptsPdfOfdJpegPng() throws Exception {
        assertThat(detect(TestFiles.pdf("x"))).isEqualTo("application/pdf");
        assertThat(detect(TestFiles.ofd())).isEqualTo("application/ofd");
        assertThat(detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0})).isEqualTo("image/jpeg");
        assertThat(detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0})).isEqualTo("image/png");
    }

    @Test
    void refusesEverythingElse() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("word/document.xml"));
            out.write("<w/>".getBytes());
        }
        assertThat(detect(zip.toByteArray())).isEqualTo("refused");            // a ZIP that is not OFD (e.g. docx)
        assertThat(detect(TestFiles.random(1024, 3))).isEqualTo("refused");
        assertThat(detect("PDF-1.4 not really".getBytes())).isEqualTo("refused");
        assertThat(detect(new byte[] {'P', 'K', 3, 4, 1, 2})).isEqualTo("refused"); // broken ZIP
        assertThat(detect(new byte[0])).isEqualTo("refused");
        assertThat(detect("<html><script>".getBytes())).isEqualTo("refused");
    }
}
