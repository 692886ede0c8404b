package cn.parkflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Display names of uploads: safe to show and to send back in a header. */
class FileNamesTest {

    @Test
    void keepsOnlyTheLastPathSegment() {
        assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitise("C:\\x\\y.pdf")).isEqualTo("y.pdf");
    }

    @Test
    void replacesUnsafeCharactersAndLeadingDots() {
        assertThat(FileNames.sanitise("a<b>c:d\"e|f?g*h;i%j.pdf")).isEqualTo("a_b_c_d_e_f_g_h_i_j.pdf");
        assertThat(FileNames.sanitise("bad\r\nname.pdf")).isEqualTo("bad__name.pdf");
        assertThat(FileNames.sanitise("..hidden.pdf")).isEqualTo("hidden.pdf");
        assertThat(FileNames.sanitise("evil\u202Efdp.exe")).isEqualTo("evil_fdp.exe");
    }

    @Test
    void keepsChineseAndLimitsLengthKeepingTheExtension() {
        assertThat(FileNames.sanitise("营业执照 2024.pdf")).isEqualTo("营业执照 2024.pdf");
        String longName = "审".repeat(300) + ".pdf";
        String cleaned = FileNames.sanitise(longName);
        assertThat(cleaned.codePointCount(0, cleaned.length())).isEqualTo(120);
        assertThat(cleaned).endsWith(".pdf");
    }

    @Test
    void blankBecomesAPlaceholder() {
        assertThat(FileNames.sanitise(null)).isEqualTo("文件");
        assertThat(FileNames.sanitise("   ")).isEqualTo("文件");
        assertThat(FileNames.sanitise("/")).isEqualTo("文件");
    }
}
