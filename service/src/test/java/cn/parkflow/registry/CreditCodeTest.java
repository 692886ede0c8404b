package cn.parkflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** 统一社会信用代码 (GB 32100-2015), checked against an independent implementation of the formula. */
class CreditCodeTest {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** The check character computed here from the standard: weights 3^i mod 31. */
    static char check(String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91110000600037341L", "91350100M000100Y43"})
    void acceptsThePublishedExamples(String code) {
        assertThat(CreditCode.isValid(code)).isTrue();
        assertThat(new CreditCode(code).value()).isEqualTo(code);
        assertThat(check(code.substring(0, 17))).isEqualTo(code.charAt(17));
    }

    static Stream<Arguments> everySingleCharacterChange() {
        List<Arguments> changes = new ArrayList<>();
        String others = ALPHABET + "IOSVZa-*中 ";
        for (String code : List.of("91110000600037341L", "91350100M000100Y43")) {
            for (int position = 0; position < code.length(); position++) {
                for (char c : others.toCharArray()) {
                    if (c != code.charAt(position)) {
                        changes.add(Arguments.of(code.substring(0, position) + c + code.substring(position + 1)));
                    }
                }
            }
        }
        return changes.stream();
    }

    @ParameterizedTest
    @MethodSource("everySingleCharacterChange")
    void rejectsEverySingleCharacterChange(String changed) {
        assertThat(CreditCode.isValid(changed)).isFalse();
        assertThatThrownBy(() -> new CreditCode(changed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everySingleCharacterChangeIsCovered() {
        // 2 codes x 18 positions x (30 other legal characters + 10 illegal ones)
        assertThat(everySingleCharacterChange().count()).isEqualTo(2L * 18 * (30 + 10));
    }

    @Test
    void lettersAreLegalInPositionsOneAndTwoButNotInTheDivisionCode() {
        String first17 = "Y1" + "320583" + "MA0012345";
        CreditCode code = CreditCode.withCheckCharacter(first17);
        assertThat(code.value()).hasSize(18).startsWith(first17).endsWith(String.valueOf(check(first17)));
        assertThat(CreditCode.isValid(code.value())).isTrue();
        assertThat(code.divisionCode()).isEqualTo("320583");
        String lettered = "Y1A2B3C4" + "MA0012345"; // letters in positions 3–8: GB 32100 reserves them for the division code
        assertThat(CreditCode.problem(lettered + check(lettered))).contains("第3至8位");
    }

    @Test
    void withCheckCharacterAgreesWithTheStandardOnRandomPrefixes() {
        Random random = new Random(20261122);
        String authorities = "123456789ANY";
        for (int n = 0; n < 1000; n++) {
            StringBuilder prefix = new StringBuilder().append(authorities.charAt(random.nextInt(authorities.length())));
            for (int i = 1; i < 17; i++) {
                prefix.append(i >= 2 && i < 8 ? (char) ('0' + random.nextInt(10)) : ALPHABET.charAt(random.nextInt(31)));
            }
            String first17 = prefix.toString();
            assertThat(CreditCode.withCheckCharacter(first17).value()).isEqualTo(first17 + check(first17));
        }
    }

    @Test
    void explainsWhatIsWrongInChinese() {
        assertThat(CreditCode.problem(null)).contains("不能为空");
        assertThat(CreditCode.problem("")).contains("不能为空");
        assertThat(CreditCode.problem("9111000060003734")).contains("18位");
        assertThat(CreditCode.problem("91110000600037341X")).contains("校验位");
        assertThat(CreditCode.problem("9I110000600037341L")).contains("第2位");
        assertThat(CreditCode.problem("B1110000600037341L")).contains("第1位");
    }

    @Test
    void ofNormalisesCaseAndWhitespace() {
        assertThat(CreditCode.of(" 91110000600037341l ").value()).isEqualTo("91110000600037341L");
        assertThatThrownBy(() -> CreditCode.of("91110000600037341M")).isInstanceOf(IllegalArgumentException.class);
    }
}
