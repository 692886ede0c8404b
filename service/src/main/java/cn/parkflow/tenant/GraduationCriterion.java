package cn.parkflow.tenant;

import java.util.Arrays;
import java.util.Optional;

/** The four ways a tenant graduates (DOMAIN §2): one of them is named for every graduate. */
public enum GraduationCriterion {
    HIGH_TECH("认定为高新技术企业"),
    INVESTMENT("累计获得投资超过500万元"),
    REVENUE("连续两年营业收入累计超过1000万元"),
    MERGED_OR_LISTED("被兼并、收购或上市");

    private final String label;

    GraduationCriterion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By its code or its Chinese name, as a roster may give either. */
    static Optional<GraduationCriterion> find(String text) {
        return Arrays.stream(values()).filter(c -> c.name().equals(text) || c.label.equals(text)).findFirst();
    }
}
