package cn.parkflow.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.registry.Indicator.Unit;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** DOMAIN.md §7 indicators: code, Chinese label and unit, and the values each unit accepts. */
class IndicatorValuesTest {

    /** The table of DOMAIN.md §7, row by row. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            operatingYears         | 运营年限                   | years
            statisticsYears        | 连续报送统计年数            | years
            incubationArea         | 可自主支配孵化场地面积       | m²
            tenantAreaShare        | 在孵企业使用面积占比         | 0–1
            workstations           | 工位数                     | count
            seedFund               | 孵化资金                   | RMB
            fundedTenantShare      | 获得投融资的在孵企业占比      | 0–1
            fundUseCases           | 孵化资金使用案例            | count
            staffCount             | 运营机构人员数              | count
            professionalStaffShare | 专业孵化服务人员占比         | 0–1
            mentorCount            | 创业导师数                 | count
            tenantCount            | 在孵企业数                 | count
            patentTenantShare      | 申请专利的在孵企业占比       | 0–1
            validIpTenantShare     | 拥有有效知识产权的在孵企业占比 | 0–1
            graduatedCount         | 累计毕业企业数              | count
            teamsAdmittedPerYear   | 年服务创业团队和企业数       | count
            newCompaniesPerYear    | 年新注册企业数              | count
            fundedTeamsPerYear     | 年获得投资的团队和企业数      | count
            incubationCases        | 典型孵化案例数              | count
            eventsPerYear          | 年举办创新创业活动次数       | count
            specialised            | 专业孵化器                 | boolean
            remoteArea             | 位于国家认定的边远地区       | boolean
            annualRevenue          | 在孵企业年总收入            | RMB
            highTechTenants        | 在孵高新技术企业数           | count
            investmentRaised       | 在孵企业当年获得投融资总额    | RMB
            tenantArea             | 在孵企业使用面积             | m²
            professionalStaffCount | 专业孵化服务人员数           | count
            """)
    void everyDomainIndicatorExistsWithItsLabelAndUnit(String code, String label, String unit) {
        Indicator indicator = Indicator.find(code).orElseThrow(() -> new AssertionError("missing indicator " + code));
        assertThat(indicator.name()).isEqualTo(code);
        assertThat(indicator.label()).isEqualTo(label);
        Unit expected = switch (unit) {
            case "years" -> Unit.YEARS;
            case "m²" -> Unit.SQUARE_METRES;
            case "0–1" -> Unit.SHARE;
            case "count" -> Unit.COUNT;
            case "RMB" -> Unit.RMB;
            case "boolean" -> Unit.BOOLEAN;
            default -> throw new AssertionError(unit);
        };
        assertThat(indicator.unit()).isEqualTo(expected);
    }

    @Test
    void noIndicatorBeyondTheDomainTableAndTheTwoAddedForExactRatios() {
        assertThat(Indicator.values()).hasSize(27);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"castles", "TenantAreaShare", "tenantareashare", "TENANT_AREA_SHARE", " tenantAreaShare",
            "tenantAreaShare ", "在孵企业使用面积占比", "Unit"})
    void unknownCodesAreNotFound(String code) {
        assertThat(Indicator.find(code)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Indicator.class, names = {"tenantAreaShare", "fundedTenantShare", "professionalStaffShare",
            "patentTenantShare", "validIpTenantShare"})
    void sharesLieInTheClosedUnitInterval(Indicator share) {
        assertThat(share.unit()).isEqualTo(Unit.SHARE);
        for (Object fine : List.of(0, 1, 0.75, 0.0, 1.0, 2.0 / 3, 0.75f, 1L, new BigDecimal("0.75"), new BigDecimal("1.000"))) {
            assertThat(share.problem(fine)).as("%s %s", fine.getClass().getSimpleName(), fine).isNull();
        }
        for (Object tooLarge : List.of(1.01, 2, 75, 1.0000001, new BigDecimal("1.01"))) {
            assertThat(share.problem(tooLarge)).as("%s", tooLarge).isEqualTo(share.label() + "应在0到1之间");
        }
        for (Object negative : List.of(-0.1, -1, -0.0001, new BigDecimal("-0.1"))) {
            assertThat(share.problem(negative)).as("%s", negative).isEqualTo(share.label() + "不能为负数");
        }
    }

    @Test
    void everyIndicatorOfAUnitBehavesAlike() {
        Map<Unit, Long> perUnit = Map.of(Unit.YEARS, 2L, Unit.SQUARE_METRES, 2L, Unit.SHARE, 5L, Unit.COUNT, 13L,
                Unit.RMB, 3L, Unit.BOOLEAN, 2L);
        for (Map.Entry<Unit, Long> unit : perUnit.entrySet()) {
            assertThat(Arrays.stream(Indicator.values()).filter(i -> i.unit() == unit.getKey()).count())
                    .as("%s", unit.getKey()).isEqualTo(unit.getValue());
        }
        for (Indicator indicator : Indicator.values()) {
            assertThat(indicator.problem(null)).as("null is 'not given'").isNull();
            assertThat(indicator.label()).matches("\\p{IsHan}+");
            switch (indicator.unit()) {
                case BOOLEAN -> {
                    assertThat(indicator.problem(true)).isNull();
                    assertThat(indicator.problem(Boolean.FALSE)).isNull();
                    for (Object notBoolean : List.of(0, 1, 1.0, "true", "是")) {
                        assertThat(indicator.problem(notBoolean)).as("%s", notBoolean).isEqualTo(indicator.label() + "应为是/否");
                    }
                }
                case COUNT -> {
                    for (Object whole : List.of(0, 3, 60L, 3.0, new BigDecimal("12"), BigInteger.valueOf(1_000_000))) {
                        assertThat(indicator.problem(whole)).as("%s", whole).isNull();
                    }
                    for (Object fraction : List.of(2.5, 0.1, 59.999, new BigDecimal("2.5"))) {
                        assertThat(indicator.problem(fraction)).as("%s", fraction).isEqualTo(indicator.label() + "应为整数");
                    }
                    assertThat(indicator.problem(-1)).isEqualTo(indicator.label() + "不能为负数");
                }
                case YEARS, SQUARE_METRES, RMB -> {
                    for (Object amount : List.of(0, 1.5, 10_000, 5_000_000L, 1e9, new BigDecimal("3000000.50"), 2.5)) {
                        assertThat(indicator.problem(amount)).as("%s", amount).isNull();
                    }
                    assertThat(indicator.problem(-0.5)).isEqualTo(indicator.label() + "不能为负数");
                    assertThat(indicator.problem(-1)).isEqualTo(indicator.label() + "不能为负数");
                }
                case SHARE -> assertThat(indicator.problem(1.01)).isEqualTo(indicator.label() + "应在0到1之间");
            }
            if (indicator.unit() != Unit.BOOLEAN) {
                for (Object notNumber : List.of("3", "很多", true, List.of(1))) {
                    assertThat(indicator.problem(notNumber)).as("%s", notNumber).isEqualTo(indicator.label() + "应为数字");
                }
                for (double notFinite : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                    assertThat(indicator.problem(notFinite)).as("%s", notFinite).isNotNull();
                }
            }
        }
    }

    @Test
    void theBriefsExamples() {
        assertThat(Indicator.tenantAreaShare.problem(0)).isNull();
        assertThat(Indicator.tenantAreaShare.problem(1)).isNull();
        assertThat(Indicator.tenantAreaShare.problem(0.75)).isNull();
        assertThat(Indicator.tenantAreaShare.problem(1.01)).isNotNull();
        assertThat(Indicator.tenantAreaShare.problem(-0.1)).isNotNull();
        assertThat(Indicator.tenantCount.problem(2.5)).isNotNull();
        assertThat(Indicator.specialised.problem(1)).isNotNull();
        assertThat(Indicator.remoteArea.problem(0)).isNotNull();
        assertThat(Indicator.find("castles")).isEmpty();
    }
}
