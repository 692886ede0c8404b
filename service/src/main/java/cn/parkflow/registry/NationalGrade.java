package cn.parkflow.registry;

/**
 * The grade of a national incubator under the 2025 national rules (工信部科〔2025〕131号): 标准级 meets the
 * conditions and is evaluated every year; 卓越级 is selective (at most 10 % of a province's national
 * recommendations in a year, rounded up) and is re-checked every three years.
 */
public enum NationalGrade implements Labelled {
    STANDARD("标准级"),
    EXCELLENT("卓越级");

    /** How often an EXCELLENT carrier is re-checked. */
    public static final java.time.Period EXCELLENT_RECHECK = java.time.Period.ofYears(3);

    private final String label;

    NationalGrade(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
