package cn.parkflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV injection: what a spreadsheet would run as a formula reaches it as text. */
class CsvSafeTest {

    @Test
    void formulaStartsGetAnApostropheAndEverythingElseStaysAsItIs() {
        List<Object> cells = Spreadsheets.csvSafe(Arrays.asList("=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx",
                "南京=孵化器", "", null, 42, -5));
        assertThat(cells).containsExactly("'=HYPERLINK(\"http://x\")", "'+1", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx", "南京=孵化器", "", null, 42, -5);
    }
}
