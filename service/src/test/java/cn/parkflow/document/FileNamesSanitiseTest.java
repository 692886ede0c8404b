package cn.parkflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link FileNames#sanitise} beyond {@link FileNamesTest}. */
class FileNamesSanitiseTest {

    static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ../../etc/passwd              | passwd
            C:\\x\\y.pdf                  | y.pdf
            /var/tmp/营业执照.pdf           | 营业执照.pdf
            a/b\\c/d.ofd                  | d.ofd
            \\\\server\\share\\审计报告.pdf  | 审计报告.pdf
            ..\\..\\boot.ini              | boot.ini
            dir/../x.png                  | x.png
            """)
    void keepsOnlyTheLastPathSegment(String name, String expected) {
        assertThat(FileNames.sanitise(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(chars = {'<', '>', ':', '"', '|', '?', '*', ';', '%'})
    void replacesEachUnsafeCharacter(char unsafe) {
        assertThat(FileNames.sanitise("a" + unsafe + "b.pdf")).isEqualTo("a_b.pdf");
        assertThat(FileNames.sanitise(unsafe + "x.pdf")).isEqualTo("_x.pdf");
    }

    static Stream<Integer> controlCharacters() {
        return Stream.concat(IntStream.rangeClosed(0, 0x1F).boxed(), IntStream.rangeClosed(0x7F, 0x9F).boxed());
    }

    @ParameterizedTest
    @MethodSource("controlCharacters")
    void replacesEachControlCharacter(int control) {
        String cleaned = FileNames.sanitise("a" + Character.toString(control) + "b.pdf");
        assertThat(cleaned).isEqualTo("a_b.pdf");
        assertThat(cleaned.codePoints()).noneMatch(Character::isISOControl);
    }

    @Test
    void replacesInvisibleFormattingCharacters() {
        // right-to-left override, zero-width space and joiner, byte-order mark
        assertThat(FileNames.sanitise("invoice\u202Efdp.exe")).isEqualTo("invoice_fdp.exe");
        assertThat(FileNames.sanitise("a\u200Bb\u200Dc.pdf")).isEqualTo("a_b_c.pdf");
        assertThat(FileNames.sanitise("\uFEFF报告.pdf")).isEqualTo("_报告.pdf");
    }

    @Test
    void headerInjectionIsDefused() {
        String cleaned = FileNames.sanitise("a.pdf\"; filename*=UTF-8''evil.html\r\nSet-Cookie: x=1");
        assertThat(cleaned).doesNotContain("\"", ";", "\r", "\n", "%");
        assertThat(cleaned).isEqualTo("a.pdf__ filename_=UTF-8''evil.html__Set-Cookie_ x=1");
    }

    @Test
    void collapsesWhitespaceAndTrims() {
        assertThat(FileNames.sanitise("  营业执照   2024 .pdf  ")).isEqualTo("营业执照 2024 .pdf");
        assertThat(FileNames.sanitise("a\u3000\u3000b.pdf")).as("ideographic spaces").isEqualTo("a b.pdf");
        assertThat(FileNames.sanitise("a\u2028b.pdf")).as("line separator").isEqualTo("a b.pdf");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            .htaccess       | htaccess
            ...pdf          | pdf
            ..hidden.pdf    | hidden.pdf
            a.b.c.pdf       | a.b.c.pdf
            ./x.pdf         | x.pdf
            """)
    void removesLeadingDots(String name, String expected) {
        assertThat(FileNames.sanitise(name)).isEqualTo(expected);
    }

    @Test
    void tabsAndLineBreaksAreControlCharactersNotSpaces() {
        assertThat(FileNames.sanitise("a\tb\nc.pdf")).isEqualTo("a_b_c.pdf");
    }

    /** Fails today: the name is stripped before the leading dots go, so ". .pdf" becomes " .pdf". */
    @ParameterizedTest
    @ValueSource(strings = {". .pdf", ".. x.pdf", ". . .", ".\u3000报告.pdf"})
    void neverStartsWithADotOrASpace(String name) {
        assertThat(FileNames.sanitise(name)).doesNotStartWith(" ").doesNotStartWith(".");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u3000 \u3000", ".", "..", "....", "/", "a/", "C:\\docs\\", "../../"})
    void nothingLeftBecomesAPlaceholder(String name) {
        assertThat(FileNames.sanitise(name)).isEqualTo("文件");
    }

    @Test
    void keepsChineseAndOrdinaryNamesUnchanged() {
        for (String name : new String[] {"营业执照 2024.pdf", "场地平面图（2024版）.png", "孵化协议-第1份_签字.ofd",
                "Audit Report 2024 (final).pdf", "信用承诺书.JPG", "a,b&c#d@e!f=g+h'i~j.pdf", "文件"}) {
            assertThat(FileNames.sanitise(name)).isEqualTo(name);
        }
    }

    @Test
    void normalisesToNfc() {
        String decomposed = "Cafe\u0301.pdf"; // e + combining acute accent
        assertThat(FileNames.sanitise(decomposed)).isEqualTo("Caf\u00E9.pdf");
    }

    @Test
    void limitsTheLengthToAHundredAndTwentyCodePointsKeepingTheExtension() {
        String exact = "审".repeat(116) + ".pdf";
        assertThat(FileNames.sanitise(exact)).isEqualTo(exact);

        String longer = "审".repeat(117) + ".pdf";
        assertThat(FileNames.sanitise(longer)).isEqualTo("审".repeat(116) + ".pdf");

        String ascii = "x".repeat(500) + ".jpeg";
        assertThat(FileNames.sanitise(ascii)).isEqualTo("x".repeat(115) + ".jpeg");

        String noExtension = "y".repeat(300);
        assertThat(FileNames.sanitise(noExtension)).isEqualTo("y".repeat(120));

        String longExtension = "z".repeat(200) + ".averyverylongextension";
        assertThat(FileNames.sanitise(longExtension)).isEqualTo("z".repeat(120));
    }

    @Test
    void truncationNeverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDCC4"; // U+1F4C4, two chars
        String cleaned = FileNames.sanitise(emoji.repeat(200) + ".pdf");
        assertThat(codePoints(cleaned)).isEqualTo(120);
        assertThat(cleaned).isEqualTo(emoji.repeat(116) + ".pdf");
        for (int i = 0; i < cleaned.length(); i++) {
            if (Character.isHighSurrogate(cleaned.charAt(i))) {
                assertThat(Character.isLowSurrogate(cleaned.charAt(++i))).isTrue();
            } else {
                assertThat(Character.isLowSurrogate(cleaned.charAt(i))).as("lone low surrogate at %d", i).isFalse();
            }
        }
    }

    @Test
    void isIdempotent() {
        for (String name : new String[] {"../../etc/passwd", "a<b>c.pdf", "..hidden", "审".repeat(300) + ".pdf", " x  y ",
                "bad\r\nname.pdf", "C:\\x\\y.pdf"}) {
            String once = FileNames.sanitise(name);
            assertThat(FileNames.sanitise(once)).as(name).isEqualTo(once);
        }
    }
}
