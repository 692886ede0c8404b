package cn.parkflow.application;

import cn.parkflow.registry.Labelled;

/** Where an application stands (the README's API section lists the statuses). */
public enum ApplicationStatus implements Labelled {
    DRAFT("草稿"),
    SUBMITTED("已提交"),
    SITE_CHECK("现场核查"),
    CITY_EXPERT_REVIEW("市级专家评审"),
    CITY_REVIEW("市级审核"),
    CORRECTION_REQUESTED("退回补正"),
    PROVINCE_REVIEW("省级审核"),
    EXPERT_REVIEW("专家评审"),
    DECISION("审批决定"),
    PUBLICATION("公示中"),
    /** A national application the province recommended (after its publication): the ministry decides. */
    RECOMMENDED("已推荐上报"),
    CERTIFIED("已认定"),
    REJECTED("未通过"),
    WITHDRAWN("已撤回");

    private final String label;

    ApplicationStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Whether the operator may still change the application and its documents. */
    public boolean editable() {
        return this == DRAFT || this == CORRECTION_REQUESTED;
    }
}
