package cn.parkflow.change;

import cn.parkflow.registry.Labelled;

/** Where a change report stands. */
public enum ChangeStatus implements Labelled {
    CITY_CHECK("设区市核查"),
    PROVINCE_CONFIRM("省级确认"),
    REVOCATION("撤销认定审批"),
    CONFIRMED("已备案"),
    REJECTED("未予备案"),
    REVOKED("已撤销认定");

    private final String label;

    ChangeStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    boolean open() {
        return this == CITY_CHECK || this == PROVINCE_CONFIRM || this == REVOCATION;
    }
}
