package cn.parkflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 统一社会信用代码 (DOMAIN.md §6) beyond {@link CreditCodeTest}: lengths, the registering authority,
 * letters in positions 1–2 and digits in 3–8, transpositions, every possible check character, messages and JSON.
 * Expected values come from the test's own implementation of the standard, never from {@link CreditCode}.
 */
class CreditCodeRulesTest {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final String AUTHORITIES = "123456789ANY";
    static final List<String> EXAMPLES = List.of("91110000600037341L", "91350100M000100Y43");

    /** Weights 3^i mod 31, computed here rather than copied from the class under test. */
    static final int[] WEIGHTS = IntStream.iterate(1, w -> w * 3 % 31).limit(17).toArray();

    static char check(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            assertThat(v).as("test prefix character %s", first17.charAt(i)).isNotNegative();
            sum += v * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    static String replace(String s, int position, char c) {
        return s.substring(0, position) + c + s.substring(position + 1);
    }

    @Test
    void weightsAreThoseListedInTheDomainReference() {
        // DOMAIN.md §6 lists the weights; 3^i mod 31 must reproduce them.
        assertThat(WEIGHTS).containsExactly(1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91110000600037341L", "91350100M000100Y43"})
    void withCheckCharacterReproducesTheExamples(String example) {
        CreditCode code = CreditCode.withCheckCharacter(example.substring(0, 17));
        assertThat(code.value()).isEqualTo(example);
        assertThat(code.value().charAt(17)).isEqualTo(check(example.substring(0, 17)));
        assertThat(code).isEqualTo(new CreditCode(example)).isEqualTo(CreditCode.of(example));
        assertThat(code.toString()).isEqualTo(example);
        assertThat(code.divisionCode()).isEqualTo(example.substring(2, 8));
        assertThat(CreditCode.problem(example)).isNull();
    }

    static Stream<String> wrongLengths() {
        String a = EXAMPLES.get(0);
        String b = EXAMPLES.get(1);
        return Stream.of("9", a.substring(0, 17), b.substring(0, 17), a + "0", b + b.charAt(17), a + a,
                " " + a, a + " ", a + "\n", " " + b + " ");
    }

    @ParameterizedTest
    @MethodSource("wrongLengths")
    void refusesEveryLengthButEighteen(String wrong) {
        assertThat(wrong.length()).isNotEqualTo(18);
        assertThat(CreditCode.isValid(wrong)).isFalse();
        assertThat(CreditCode.problem(wrong)).isEqualTo("统一社会信用代码应为18位");
        assertThatThrownBy(() -> new CreditCode(wrong))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("统一社会信用代码应为18位");
    }

    @Test
    void refusesNullAndEmptyWithoutANullPointerException() {
        for (String empty : new String[] {null, ""}) {
            assertThat(CreditCode.isValid(empty)).isFalse();
            assertThat(CreditCode.problem(empty)).isEqualTo("统一社会信用代码不能为空");
            assertThatThrownBy(() -> new CreditCode(empty)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("统一社会信用代码不能为空");
        }
        for (String blank : new String[] {null, "", "   ", "\t\n"}) {
            assertThatThrownBy(() -> CreditCode.of(blank)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("统一社会信用代码不能为空");
        }
    }

    @Test
    void ofUpperCasesAndStripsButTheConstructorDoesNot() {
        for (String example : EXAMPLES) {
            String sloppy = " \t" + example.toLowerCase() + " \n";
            assertThat(CreditCode.isValid(example.toLowerCase())).isEqualTo(example.equals(example.toLowerCase()));
            assertThat(CreditCode.isValid(sloppy)).isFalse();
            assertThatThrownBy(() -> new CreditCode(sloppy)).isInstanceOf(IllegalArgumentException.class);
            assertThat(CreditCode.of(sloppy).value()).isEqualTo(example);
        }
        assertThat(CreditCode.of(" 91110000600037341l ")).isEqualTo(new CreditCode("91110000600037341L"));
        assertThat(CreditCode.isValid("91110000600037341l")).isFalse();
        assertThat(CreditCode.problem("91110000600037341l")).contains("校验位");
    }

    /** Every character of the alphabet at position 1, completed with its correct check character. */
    @ParameterizedTest
    @MethodSource("alphabet")
    void firstPositionMustBeARegisteringAuthority(char first) {
        for (String example : EXAMPLES) {
            String prefix = first + example.substring(1, 17);
            String code = prefix + check(prefix);
            boolean authority = AUTHORITIES.indexOf(first) >= 0;
            assertThat(CreditCode.isValid(code)).as(code).isEqualTo(authority);
            if (authority) {
                assertThat(CreditCode.withCheckCharacter(prefix).value()).isEqualTo(code);
            } else {
                assertThat(CreditCode.problem(code)).contains("第1位");
                assertThatThrownBy(() -> CreditCode.withCheckCharacter(prefix)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("第1位");
            }
        }
    }

    static Stream<Character> alphabet() {
        return ALPHABET.chars().mapToObj(c -> (char) c);
    }

    /**
     * Letters (never I, O, S, V, Z) may stand in positions 1 and 2 (position 1 only A, N, Y); positions 3–8
     * hold the GB/T 2260 division code and are digits only, whatever the check character says.
     */
    @Test
    void lettersAreLegalInPositionsOneAndTwoAndRefusedInTheDivisionCode() {
        String letters = ALPHABET.substring(10);
        int accepted = 0;
        int refused = 0;
        for (String example : EXAMPLES) {
            for (int position = 0; position < 8; position++) {
                for (char letter : letters.toCharArray()) {
                    if (position == 0 && AUTHORITIES.indexOf(letter) < 0) {
                        continue;
                    }
                    String prefix = replace(example.substring(0, 17), position, letter);
                    String code = prefix + check(prefix);
                    if (position < 2) {
                        assertThat(CreditCode.isValid(code)).as(code).isTrue();
                        assertThat(CreditCode.withCheckCharacter(prefix).value()).isEqualTo(code);
                        accepted++;
                    } else {
                        assertThat(CreditCode.problem(code)).as(code).isEqualTo("统一社会信用代码第3至8位（登记管理机关行政区划码）应为数字");
                        assertThatThrownBy(() -> CreditCode.withCheckCharacter(prefix)).isInstanceOf(IllegalArgumentException.class)
                                .hasMessageContaining("第3至8位");
                        refused++;
                    }
                }
            }
        }
        assertThat(accepted).isEqualTo(2 * (3 + 21));
        assertThat(refused).isEqualTo(2 * 6 * 21);

        CreditCode code = CreditCode.withCheckCharacter("92" + "320583" + "600037341");
        assertThat(code.divisionCode()).isEqualTo("320583");
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z', 'i', 'o', '-', ' ', '０', '中'})
    void charactersOutsideTheAlphabetAreRefusedEvenWithAMatchingSum(char illegal) {
        for (int position = 0; position < 17; position++) {
            String prefix = replace(EXAMPLES.get(0).substring(0, 17), position, illegal);
            int p = position;
            assertThatThrownBy(() -> CreditCode.withCheckCharacter(prefix)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("position " + (p + 1));
            // whatever the 18th character, the code stays invalid
            for (char last : ALPHABET.toCharArray()) {
                assertThat(CreditCode.problem(prefix + last)).isEqualTo("统一社会信用代码第" + (position + 1) + "位含非法字符");
            }
        }
    }

    @Test
    void withCheckCharacterRefusesAnythingButSeventeenCharacters() {
        String a = EXAMPLES.get(0);
        for (String wrong : new String[] {null, "", a.substring(0, 16), a}) {
            assertThatThrownBy(() -> CreditCode.withCheckCharacter(wrong)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Swapping two different characters among the first 17 always changes the sum, as the weights differ mod 31. */
    static Stream<Arguments> transpositions() {
        List<Arguments> swaps = new ArrayList<>();
        for (String code : EXAMPLES) {
            for (int i = 0; i < 17; i++) {
                for (int j = i + 1; j < 17; j++) {
                    if (code.charAt(i) != code.charAt(j)) {
                        char[] chars = code.toCharArray();
                        chars[i] = code.charAt(j);
                        chars[j] = code.charAt(i);
                        swaps.add(Arguments.of(new String(chars), i, j));
                    }
                }
            }
        }
        return swaps.stream();
    }

    @ParameterizedTest(name = "{1}<->{2}: {0}")
    @MethodSource("transpositions")
    void refusesEveryTranspositionOfTheFirstSeventeen(String swapped, int i, int j) {
        assertThat(CreditCode.isValid(swapped)).isFalse();
        assertThat(CreditCode.problem(swapped)).containsAnyOf("校验位", "第1位", "第3至8位");
    }

    @Test
    void transpositionsAreEnumerated() {
        assertThat(transpositions().count()).isGreaterThan(150);
    }

    /**
     * 1000 seeded random prefixes over the whole alphabet (digits in the division code, positions 3–8): of the 31 possible 18th characters exactly the
     * independently computed one is accepted (when position 1 is an authority), and withCheckCharacter picks it.
     */
    @Test
    void exactlyOneCheckCharacterFitsEachRandomPrefix() {
        Random random = new Random(32100_2015L);
        int authorities = 0;
        for (int n = 0; n < 1000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 17; i++) {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            for (int i = 2; i < 8; i++) { // the division code: digits
                b.setCharAt(i, (char) ('0' + random.nextInt(10)));
            }
            String prefix = b.toString();
            char expected = check(prefix);
            boolean authority = AUTHORITIES.indexOf(prefix.charAt(0)) >= 0;
            for (char last : ALPHABET.toCharArray()) {
                assertThat(CreditCode.isValid(prefix + last)).as(prefix + last).isEqualTo(authority && last == expected);
            }
            if (authority) {
                authorities++;
                assertThat(CreditCode.withCheckCharacter(prefix).value()).isEqualTo(prefix + expected);
            } else {
                assertThatThrownBy(() -> CreditCode.withCheckCharacter(prefix)).isInstanceOf(IllegalArgumentException.class);
            }
        }
        assertThat(authorities).isBetween(300, 500); // 12 of 31 first characters
    }

    @Test
    void problemsAreChineseAndNameTheirCause() {
        String a = EXAMPLES.get(0);
        String length = CreditCode.problem(a.substring(0, 17));
        String checkChar = CreditCode.problem(replace(a, 17, a.charAt(17) == 'L' ? 'M' : 'L'));
        String illegal = CreditCode.problem(replace(a, 9, 'O'));
        String authority = CreditCode.problem(replace(a.substring(0, 17), 0, '0') + check(replace(a.substring(0, 17), 0, '0')));
        String empty = CreditCode.problem("");
        String division = CreditCode.problem(replace(a.substring(0, 17), 4, 'A') + check(replace(a.substring(0, 17), 4, 'A')));

        assertThat(List.of(length, checkChar, illegal, authority, empty, division))
                .allSatisfy(m -> assertThat(m).startsWith("统一社会信用代码").matches(".*\\p{IsHan}{4,}.*"))
                .doesNotHaveDuplicates();
        assertThat(length).contains("18位").doesNotContain("校验");
        assertThat(checkChar).contains("校验位").doesNotContain("18位");
        assertThat(illegal).contains("第10位").contains("非法字符");
        assertThat(authority).contains("第1位").contains("登记管理部门");
        assertThat(empty).contains("不能为空");
        assertThat(division).contains("第3至8位").contains("行政区划码");
    }

    @Test
    void travelsAsAPlainJsonString() throws Exception {
        // plain Jackson, and with parameter names as Spring Boot's ObjectMapper has them
        for (ObjectMapper json : List.of(new ObjectMapper(), JsonMapper.builder().addModule(new ParameterNamesModule()).build())) {
            assertThat(json.writeValueAsString(new CreditCode(EXAMPLES.get(1)))).isEqualTo("\"" + EXAMPLES.get(1) + "\"");
            assertThat(json.readValue("\" 91110000600037341l \"", CreditCode.class)).isEqualTo(new CreditCode(EXAMPLES.get(0)));
            assertThatThrownBy(() -> json.readValue("\"91110000600037341M\"", CreditCode.class))
                    .hasRootCauseInstanceOf(IllegalArgumentException.class).hasRootCauseMessage("统一社会信用代码校验位错误");
        }
    }
}
