package cn.parkflow.benchmark;

import cn.parkflow.registry.Labelled;

/** Where a benchmark campaign stands. */
public enum CampaignStage implements Labelled {
    APPLYING("申报中"),
    CITY_RECOMMENDATION("设区市推荐"),
    EXPERT_SCORING("专家评分"),
    CONFIRMATION("省级确认"),
    PUBLICATION("公示中"),
    CLOSED("已结束");

    private final String label;

    CampaignStage(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
