package cn.parkflow.accounts;

import cn.parkflow.registry.Labelled;

/** Where an operator's registration stands. */
public enum RegistrationStatus implements Labelled {
    PENDING("待审核"),
    ACTIVE("已通过"),
    REJECTED("未通过");

    private final String label;

    RegistrationStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
