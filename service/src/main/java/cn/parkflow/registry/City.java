package cn.parkflow.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The 13 设区市 of Jiangsu, by GB/T 2260 division code; each has a reviewer group {@code city-<code>}. */
public enum City {
    NANJING("320100", "南京市", "nanjing"),
    WUXI("320200", "无锡市", "wuxi"),
    XUZHOU("320300", "徐州市", "xuzhou"),
    CHANGZHOU("320400", "常州市", "changzhou"),
    SUZHOU("320500", "苏州市", "suzhou"),
    NANTONG("320600", "南通市", "nantong"),
    LIANYUNGANG("320700", "连云港市", "lianyungang"),
    HUAIAN("320800", "淮安市", "huaian"),
    YANCHENG("320900", "盐城市", "yancheng"),
    YANGZHOU("321000", "扬州市", "yangzhou"),
    ZHENJIANG("321100", "镇江市", "zhenjiang"),
    TAIZHOU("321200", "泰州市", "taizhou"),
    SUQIAN("321300", "宿迁市", "suqian");

    private final String code;
    private final String label;
    private final String pinyin;

    City(String code, String label, String pinyin) {
        this.code = code;
        this.label = label;
        this.pinyin = pinyin;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String pinyin() {
        return pinyin;
    }

    /** The Camunda group of this city's reviewers. */
    public String reviewerGroup() {
        return "city-" + code;
    }

    public static Optional<City> find(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    @JsonCreator
    public static City ofCode(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("不是江苏省设区市代码: " + code));
    }
}
