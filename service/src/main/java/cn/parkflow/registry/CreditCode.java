package cn.parkflow.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet, the last one a
 * check character over the first 17 (weights 3^i mod 31). Position 1 is the registering authority
 * (1–9, A, N, Y), positions 3–8 the authority's GB/T 2260 division code, digits only.
 */
public record CreditCode(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final String REGISTERING_AUTHORITIES = "123456789ANY";

    public CreditCode {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    @JsonCreator
    public static CreditCode of(String value) {
        return new CreditCode(value == null ? null : value.strip().toUpperCase());
    }

    /** Completes 17 characters with their check character (for demo data and tests). */
    public static CreditCode withCheckCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("need 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("illegal character at position " + (i + 1));
            }
            sum += v * WEIGHTS[i];
        }
        return new CreditCode(first17 + ALPHABET.charAt((31 - sum % 31) % 31));
    }

    public static boolean isValid(String value) {
        return problem(value) == null;
    }

    /** Why {@code value} is not a valid credit code, in Chinese for the person who typed it, or null. */
    public static String problem(String value) {
        if (value == null || value.isEmpty()) {
            return "统一社会信用代码不能为空";
        }
        if (value.length() != 18) {
            return "统一社会信用代码应为18位";
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(value.charAt(i));
            if (v < 0) {
                return "统一社会信用代码第" + (i + 1) + "位含非法字符";
            }
            sum += v * WEIGHTS[i];
        }
        if (REGISTERING_AUTHORITIES.indexOf(value.charAt(0)) < 0) {
            return "统一社会信用代码第1位（登记管理部门代码）无效";
        }
        for (int i = 2; i < 8; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return "统一社会信用代码第3至8位（登记管理机关行政区划码）应为数字";
            }
        }
        int check = (31 - sum % 31) % 31;
        if (value.charAt(17) != ALPHABET.charAt(check)) {
            return "统一社会信用代码校验位错误";
        }
        return null;
    }

    /** Positions 3–8: the administrative division code of the registering authority. */
    public String divisionCode() {
        return value.substring(2, 8);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
