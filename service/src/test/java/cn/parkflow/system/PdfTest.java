package cn.parkflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.testsupport.PdfText;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

/** The PDFs the platform issues: Chinese a reader can search, wrapped as Chinese is set, and the same bytes for the same data. */
class PdfTest {

    static final Pdf.Meta META = new Pdf.Meta("测试文件", "主题", "江苏省科学技术厅", LocalDate.of(2026, 11, 20));

    static byte[] sample(String name) {
        return Pdf.write(META, false, page -> page.title("认 定 证 书", 30)
                .paragraph("经审核，" + name + "符合有关认定条件，认定为省级科技企业孵化器。", 16)
                .fields(List.of(Map.entry("证书编号", "JSP-INC-2026-0001"), Map.entry("载体名称", name)), 13)
                .link("核验地址：", "https://parkflow.example.gov.cn/portal/carrier.html?id=42", 10));
    }

    @Test
    void chineseTextIsSearchableAndTheDocumentDescribesItself() {
        PdfText pdf = PdfText.of(sample("南京江北新区生命科学园孵化器"));
        assertThat(pdf.joined()).contains("认定证书", "南京江北新区生命科学园孵化器", "JSP-INC-2026-0001", "省级科技企业孵化器",
                "https://parkflow.example.gov.cn/portal/carrier.html?id=42");
        assertThat(pdf.title()).isEqualTo("测试文件");
        assertThat(pdf.author()).isEqualTo("江苏省科学技术厅");
        assertThat(pdf.language()).isEqualTo("zh-CN");
        assertThat(pdf.pages()).isOne();
    }

    @Test
    void theSameDataGivesTheSameBytesAndOtherDataOtherBytes() {
        byte[] first = sample("南京江北新区生命科学园孵化器");
        assertThat(sample("南京江北新区生命科学园孵化器")).isEqualTo(first);
        assertThat(sample("苏州工业园区纳米城孵化器")).isNotEqualTo(first);
        // the identifier follows the content as well
        assertThat(trailerId(sample("苏州工业园区纳米城孵化器"))).isNotEqualTo(trailerId(first));
    }

    @Test
    void theFontIsEmbeddedAsASubset() throws IOException {
        try (PDDocument document = Loader.loadPDF(sample("南京江北新区生命科学园孵化器"))) {
            PDPage page = document.getPage(0);
            List<PDFont> fonts = new ArrayList<>();
            for (var name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC.*"); // a subset, not the 10 MB font
            });
        }
    }

    @Test
    void aLongParagraphWrapsAndClosingPunctuationNeverStartsALine() {
        String sentence = "孵化载体应当具备完善的创业服务体系，";
        String text = sentence.repeat(30) + "完。";
        PdfText pdf = PdfText.of(Pdf.write(META, false, page -> page.paragraph(text, 14)));
        List<String> lines = Arrays.stream(pdf.text().split("\\R")).filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSizeGreaterThan(10);
        assertThat(String.join("", lines)).isEqualTo(text);
        assertThat(lines).noneMatch(l -> l.startsWith("，") || l.startsWith("。"));
    }

    @Test
    void aLatinWordOrAddressStaysWholeWhenItFits() {
        String url = "https://parkflow.example.gov.cn/portal/carrier.html?id=123456";
        String text = "孵化".repeat(20) + " " + url + " 结束";
        PdfText pdf = PdfText.of(Pdf.write(META, false, page -> page.paragraph(text, 14)));
        assertThat(pdf.text().lines()).anyMatch(l -> l.contains(url));
    }

    @Test
    void whatTheFontCannotShowBecomesAQuestionMarkAndControlCharactersSpaces() {
        PdfText pdf = PdfText.of(Pdf.write(META, false, page -> page.lines("孵化器\u0007名称\uD83D\uDE00完", 12, Pdf.Align.LEFT)));
        assertThat(pdf.text()).contains("孵化器 名称?完");
    }

    @Test
    void aLongTableContinuesOnNumberedPagesWithItsHeaderRepeated() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            rows.add(List.of(String.valueOf(i), "第" + i + "号孵化器", "南京市"));
        }
        PdfText pdf = PdfText.of(Pdf.write(META, true, page -> page.title("名单", 18).table(
                List.of(new Pdf.Column("序号", 1, Pdf.Align.RIGHT), new Pdf.Column("载体名称", 4), new Pdf.Column("设区市", 2)), rows, 9)));
        assertThat(pdf.pages()).isGreaterThan(2);
        assertThat(pdf.joined()).contains("第1页共" + pdf.pages() + "页", "第" + pdf.pages() + "页共" + pdf.pages() + "页",
                "第120号孵化器", "第1号孵化器");
        assertThat(pdf.text().split("载体名称", -1)).hasSize(pdf.pages() + 1); // the header once on every page
    }

    @Test
    void aOnePageDocumentCarriesNoPageNumber() {
        assertThat(PdfText.of(sample("南京江北新区生命科学园孵化器")).joined()).doesNotContain("共1页");
    }

    static String trailerId(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getDocument().getDocumentID().toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
