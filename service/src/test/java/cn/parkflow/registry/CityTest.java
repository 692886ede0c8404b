package cn.parkflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 13 设区市 of Jiangsu by GB/T 2260 code, and the reviewer group each one routes to. */
class CityTest {

    @ParameterizedTest
    @CsvSource({"320100,南京市,nanjing", "320200,无锡市,wuxi", "320300,徐州市,xuzhou", "320400,常州市,changzhou",
            "320500,苏州市,suzhou", "320600,南通市,nantong", "320700,连云港市,lianyungang", "320800,淮安市,huaian",
            "320900,盐城市,yancheng", "321000,扬州市,yangzhou", "321100,镇江市,zhenjiang", "321200,泰州市,taizhou",
            "321300,宿迁市,suqian"})
    void everyCityHasItsCodeNameAndGroup(String code, String name, String pinyin) {
        City city = City.ofCode(code);
        assertThat(city.label()).isEqualTo(name);
        assertThat(city.pinyin()).isEqualTo(pinyin);
        assertThat(city.reviewerGroup()).isEqualTo("city-" + code);
    }

    @Test
    void thereAreThirteen() {
        assertThat(City.values()).hasSize(13);
        assertThat(Arrays.stream(City.values()).map(City::code).distinct()).hasSize(13);
    }

    @Test
    void codesOutsideJiangsuAreRefused() {
        assertThatThrownBy(() -> City.ofCode("320000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> City.ofCode("110100")).isInstanceOf(IllegalArgumentException.class);
        assertThat(City.find(null)).isEmpty();
        assertThat(City.find("3201")).isEmpty();
    }
}
