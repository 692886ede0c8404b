package cn.parkflow.registry;

/** The "10+X" future industries of 苏政发〔2023〕104号, 元宇宙 from the 2024 action plan, and OTHER. */
public enum Industry implements Labelled {
    THIRD_GEN_SEMICONDUCTOR("第三代半导体", true),
    FUTURE_NETWORK("未来网络", true),
    HYDROGEN("氢能", true),
    NEW_ENERGY_STORAGE("新型储能", true),
    CELL_GENE("细胞和基因技术", true),
    SYNTHETIC_BIOLOGY("合成生物", true),
    GENERAL_AI("通用智能", true),
    VIRTUAL_REALITY("虚拟现实", true),
    FRONTIER_MATERIALS("前沿新材料", true),
    ZERO_NEGATIVE_CARBON("零碳负碳", true),
    QUANTUM("量子科技", true),
    DEEP_SEA_SPACE("深海深地空天", true),
    HUMANOID_ROBOT("类人机器人", true),
    ADVANCED_NUCLEAR("先进核能", true),
    METAVERSE("元宇宙", true),
    OTHER("其他", false);

    private final String label;
    private final boolean future;

    Industry(String label, boolean future) {
        this.label = label;
        this.future = future;
    }

    @Override
    public String label() {
        return label;
    }

    /** Whether this is one of the future industries (10+X), as the benchmark selection requires. */
    public boolean isFutureIndustry() {
        return future;
    }
}
