package cn.parkflow.change;

import cn.parkflow.registry.Labelled;

/** What a change report changes, and the fields it carries. */
public enum ChangeType implements Labelled {
    NAME("载体名称变更"),
    OPERATOR("运营主体变更"),
    AREA("孵化场地面积变更"),
    SITE("孵化场地地址变更");

    private final String label;

    ChangeType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
