package cn.parkflow.registry;

/** The carriers of the 苗圃—孵化—育成—加速 chain (DOMAIN.md §1). */
public enum CarrierKind implements Labelled {
    NURSERY("创业苗圃/众创空间"),
    INCUBATOR("科技企业孵化器"),
    GROWTH_CENTER("育成中心"),
    ACCELERATOR("科技企业加速器"),
    FUTURE_INDUSTRY_PARK("未来产业科技园");

    private final String label;

    CarrierKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
