package cn.parkflow.registry;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * A carrier's figures (DOMAIN.md §7): the same codes in applications, annual reports and DMN inputs.
 */
public enum Indicator implements Labelled {
    operatingYears("运营年限", Unit.YEARS),
    statisticsYears("连续报送统计年数", Unit.YEARS),
    incubationArea("可自主支配孵化场地面积", Unit.SQUARE_METRES),
    /** Added to DOMAIN.md's table: the area itself, so that the tenants' share is computed exactly (2/3 passes at 2/3). */
    tenantArea("在孵企业使用面积", Unit.SQUARE_METRES),
    tenantAreaShare("在孵企业使用面积占比", Unit.SHARE),
    workstations("工位数", Unit.COUNT),
    seedFund("孵化资金", Unit.RMB),
    fundedTenantShare("获得投融资的在孵企业占比", Unit.SHARE),
    fundUseCases("孵化资金使用案例", Unit.COUNT),
    staffCount("运营机构人员数", Unit.COUNT),
    professionalStaffShare("专业孵化服务人员占比", Unit.SHARE),
    /** Added to DOMAIN.md's table: the head count, so that "per 10 tenants one professional" is tested on counts. */
    professionalStaffCount("专业孵化服务人员数", Unit.COUNT),
    mentorCount("创业导师数", Unit.COUNT),
    tenantCount("在孵企业数", Unit.COUNT),
    patentTenantShare("申请专利的在孵企业占比", Unit.SHARE),
    validIpTenantShare("拥有有效知识产权的在孵企业占比", Unit.SHARE),
    graduatedCount("累计毕业企业数", Unit.COUNT),
    teamsAdmittedPerYear("年服务创业团队和企业数", Unit.COUNT),
    newCompaniesPerYear("年新注册企业数", Unit.COUNT),
    fundedTeamsPerYear("年获得投资的团队和企业数", Unit.COUNT),
    incubationCases("典型孵化案例数", Unit.COUNT),
    eventsPerYear("年举办创新创业活动次数", Unit.COUNT),
    specialised("专业孵化器", Unit.BOOLEAN),
    remoteArea("位于国家认定的边远地区", Unit.BOOLEAN),
    annualRevenue("在孵企业年总收入", Unit.RMB),
    highTechTenants("在孵高新技术企业数", Unit.COUNT),
    investmentRaised("在孵企业当年获得投融资总额", Unit.RMB);

    /** How a value is measured, and so which values are allowed. */
    public enum Unit {
        YEARS, SQUARE_METRES, SHARE, COUNT, RMB, BOOLEAN
    }

    private final String label;
    private final Unit unit;

    Indicator(String label, Unit unit) {
        this.label = label;
        this.unit = unit;
    }

    @Override
    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }

    public static Optional<Indicator> find(String code) {
        return Arrays.stream(values()).filter(i -> i.name().equals(code)).findFirst();
    }

    /** A part that cannot exceed its whole: the tenants' area within the incubation area, professionals within the staff. */
    private static final Map<Indicator, Indicator> PART_OF = Map.of(tenantArea, incubationArea, professionalStaffCount, staffCount);

    /**
     * Problems between figures of one set (in Chinese, by the indicator that is wrong): a part larger than its whole.
     * Figures that are absent or not numbers are left to {@link #problem(Object)}.
     */
    public static Map<Indicator, String> consistencyProblems(Map<String, Object> values) {
        Map<Indicator, String> problems = new java.util.LinkedHashMap<>();
        PART_OF.forEach((part, whole) -> {
            if (values.get(part.name()) instanceof Number p && values.get(whole.name()) instanceof Number w
                    && p.doubleValue() > w.doubleValue()) {
                problems.put(part, part.label + "不能大于" + whole.label);
            }
        });
        return problems;
    }

    /**
     * Why {@code value} is not acceptable for this indicator (in Chinese), or null. Counts are whole
     * numbers ≥ 0, shares lie in [0, 1], amounts and areas are ≥ 0, flags are booleans.
     */
    public String problem(Object value) {
        if (value == null) {
            return null;
        }
        if (unit == Unit.BOOLEAN) {
            return value instanceof Boolean ? null : label + "应为是/否";
        }
        if (!(value instanceof Number number)) {
            return label + "应为数字";
        }
        double d = number.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d) || d < 0) {
            return label + "不能为负数";
        }
        if (unit == Unit.SHARE && d > 1) {
            return label + "应在0到1之间";
        }
        if (unit == Unit.COUNT && d != Math.rint(d)) {
            return label + "应为整数";
        }
        return null;
    }
}
