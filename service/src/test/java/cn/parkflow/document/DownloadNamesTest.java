package cn.parkflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A downloaded document is named by the type its bytes were sniffed as, never by what its uploader called it. */
class DownloadNamesTest {

    @ParameterizedTest
    @CsvSource({
            "x.html, application/pdf, x.pdf",
            "申报书.PDF, application/pdf, 申报书.PDF",
            "report, application/pdf, report.pdf",
            "scan.jpeg, image/jpeg, scan.jpeg",
            "scan.png, image/jpeg, scan.jpg",
            "plan.svg, image/png, plan.png",
            "公文.ofd, application/ofd, 公文.ofd",
            "公文.zip, application/ofd, 公文.ofd",
            "a.exe, application/x-unknown, a.bin",
            "../../etc/passwd.html, application/pdf, passwd.pdf"})
    void theExtensionFollowsTheBytes(String name, String type, String expected) {
        assertThat(FileNames.forDownload(name, type)).isEqualTo(expected);
    }
}
