package cn.parkflow.benchmark;

import cn.parkflow.registry.Labelled;

/** Where one application to a benchmark campaign stands. */
public enum BenchmarkStatus implements Labelled {
    APPLIED("已申报"),
    RECOMMENDED("设区市已推荐"),
    NOT_RECOMMENDED("未获推荐"),
    RANKED("已评分排名"),
    CONFIRMED("拟入选（公示中）"),
    NOT_SELECTED("未入选"),
    OBJECTION_UPHELD("异议成立，移出名单"),
    SELECTED("入选");

    private final String label;

    BenchmarkStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** On the list the province confirmed (during or after publication). */
    public boolean onConfirmedList() {
        return this == CONFIRMED || this == SELECTED;
    }

    /** Recommended by its city, whatever came after. */
    public boolean recommended() {
        return this != APPLIED && this != NOT_RECOMMENDED;
    }
}
