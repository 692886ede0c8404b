package cn.parkflow.registry;

/** The authorities that certify carriers and sign what the platform publishes, as their names are printed. */
public final class Authorities {

    /** 江苏省科学技术厅: certifies at provincial level, publishes the notices, runs the selection and the evaluation. */
    public static final String PROVINCE = "江苏省科学技术厅";
    /** 中华人民共和国科学技术部: certifies at national level. */
    public static final String MINISTRY = "中华人民共和国科学技术部";

    private Authorities() {}

    /** Who certifies at each level: the city's science bureau, the province's department, or the ministry. */
    public static String certifying(Level level, City city) {
        return switch (level) {
            case CITY -> city.label() + "科学技术局";
            case PROVINCIAL -> PROVINCE;
            case NATIONAL -> MINISTRY;
        };
    }
}
