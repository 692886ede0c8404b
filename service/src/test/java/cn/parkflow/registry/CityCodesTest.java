package cn.parkflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DOMAIN.md §3: the 13 设区市 of Jiangsu by GB/T 2260 code, beyond {@link CityTest}. */
class CityCodesTest {

    /** Copied from DOMAIN.md §3 ("南京 320100, 无锡 320200, ..."), in that order. */
    static final Map<String, String> DOMAIN = new LinkedHashMap<>();

    static {
        String text = "南京 320100, 无锡 320200, 徐州 320300, 常州 320400, 苏州 320500, 南通 320600, 连云港 320700, "
                + "淮安 320800, 盐城 320900, 扬州 321000, 镇江 321100, 泰州 321200, 宿迁 321300";
        for (String pair : text.split(", ")) {
            String[] parts = pair.split(" ");
            DOMAIN.put(parts[1], parts[0]);
        }
    }

    @Test
    void exactlyTheThirteenCitiesOfTheDomainReference() {
        assertThat(DOMAIN).hasSize(13);
        assertThat(City.values()).hasSize(13);
        assertThat(Arrays.stream(City.values()).map(City::code)).containsExactlyElementsOf(DOMAIN.keySet());
        for (Map.Entry<String, String> city : DOMAIN.entrySet()) {
            City found = City.find(city.getKey()).orElseThrow();
            assertThat(City.ofCode(city.getKey())).isSameAs(found);
            assertThat(found.code()).isEqualTo(city.getKey());
            assertThat(found.label()).isEqualTo(city.getValue() + "市");
            assertThat(found.reviewerGroup()).isEqualTo("city-" + city.getKey());
        }
    }

    @Test
    void codesAreCityLevelDivisionsOfJiangsu() {
        for (City city : City.values()) {
            assertThat(city.code()).matches("32[0-9]{2}00").isNotEqualTo("320000");
            assertThat(city.reviewerGroup()).matches("city-32[0-9]{4}");
            assertThat(city.label()).endsWith("市").matches("\\p{IsHan}+");
            assertThat(city.pinyin()).matches("[a-z]+");
        }
        assertThat(Arrays.stream(City.values()).map(City::reviewerGroup).distinct()).hasSize(13);
        assertThat(Arrays.stream(City.values()).map(City::label).distinct()).hasSize(13);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"320000", "110100", "310100", "320101", "321400", "", " 320100", "320100 ", "3201", "NANJING",
            "nanjing", "南京市"})
    void otherCodesAreNotFoundAndRefusedByOfCode(String code) {
        assertThat(City.find(code)).isEmpty();
        assertThatThrownBy(() -> City.ofCode(code)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("不是江苏省设区市代码");
    }

    @Test
    void travelsAsItsCodeInJson() throws Exception {
        // plain Jackson, and with parameter names as Spring Boot's ObjectMapper has them
        for (ObjectMapper json : List.of(new ObjectMapper(), JsonMapper.builder().addModule(new ParameterNamesModule()).build())) {
            for (Map.Entry<String, String> city : DOMAIN.entrySet()) {
                City parsed = json.readValue("\"" + city.getKey() + "\"", City.class);
                assertThat(parsed.label()).isEqualTo(city.getValue() + "市");
                assertThat(json.writeValueAsString(parsed)).isEqualTo("\"" + city.getKey() + "\"");
            }
            assertThatThrownBy(() -> json.readValue("\"320000\"", City.class))
                    .hasRootCauseInstanceOf(IllegalArgumentException.class);
        }
    }
}
