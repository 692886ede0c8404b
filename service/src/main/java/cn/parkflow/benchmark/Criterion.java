package cn.parkflow.benchmark;

import cn.parkflow.registry.Labelled;

/** The rubric of the benchmark-incubator selection (assumed; the criteria are not published). */
public enum Criterion implements Labelled {
    FUTURE_FIT("未来产业契合度与硬科技属性"),
    INCUBATION_PERFORMANCE("孵化绩效"),
    PROFESSIONAL_SERVICES("专业服务能力"),
    INVESTMENT("投融资服务"),
    CHAIN_COMPLETENESS("苗圃—孵化—育成—加速链条完整度");

    private final String label;

    Criterion(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
