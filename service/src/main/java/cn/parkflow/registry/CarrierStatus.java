package cn.parkflow.registry;

/** A carrier's standing in the registry. */
public enum CarrierStatus implements Labelled {
    ACTIVE("有效"),
    WARNING("警示"),
    REVOKED("已撤销"),
    EXPIRED("已过期");

    private final String label;

    CarrierStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
