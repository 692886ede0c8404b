package cn.parkflow.evaluation;

import cn.parkflow.registry.Labelled;

/** The yearly rating of a carrier (DOMAIN.md §4). */
public enum Rating implements Labelled {
    A("优秀"),
    B("良好"),
    C("合格"),
    D("不合格");

    private final String label;

    Rating(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
