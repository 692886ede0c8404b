package cn.parkflow.registry;

/** Certification level. */
public enum Level implements Labelled {
    CITY("市级"),
    PROVINCIAL("省级"),
    NATIONAL("国家级");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
