package cn.parkflow.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The eligibility tables row by row: from a baseline that meets every condition of a rule set,
 * one change just below a threshold fails exactly that criterion, and the threshold itself passes. Shares and
 * ratios are exact (2/3 passes at 2/3, 6 professionals for 60 tenants pass "1 per 10"), and either side of an
 * "or" decides it when the other is not given.
 */
class EligibilityDecisionTablesTest {

    static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    static DmnDecision decision(String file, String key) {
        try (InputStream in = EligibilityDecisionTablesTest.class.getResourceAsStream("/dmn/" + file)) {
            return ENGINE.parseDecision(key, in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final DmnDecision INCUBATOR = decision("eligibility-incubator.dmn", "EligibilityIncubator");
    static final DmnDecision NURSERY = decision("eligibility-nursery.dmn", "EligibilityNursery");
    static final DmnDecision GROWTH = decision("eligibility-growth-center.dmn", "EligibilityGrowthCenter");
    static final DmnDecision ACCELERATOR = decision("eligibility-accelerator.dmn", "EligibilityAccelerator");
    static final DmnDecision PARK = decision("eligibility-future-industry-park.dmn", "EligibilityFutureIndustryPark");

    static Map<String, Object> national() {
        return map("ruleSet", "NATIONAL-2018", "remoteArea", false, "specialised", false, "operatingYears", 4, "statisticsYears", 3,
                "incubationArea", 12000, "tenantAreaShare", 0.8, "seedFund", 6_000_000, "fundedTenantShare", 0.15, "fundUseCases", 4,
                "staffCount", 20, "professionalStaffShare", 0.85, "mentorCount", 12, "tenantCount", 60, "patentTenantShare", 0.55,
                "validIpTenantShare", 0.4, "graduatedCount", 25);
    }

    static Map<String, Object> jiangsu() {
        return map("ruleSet", "JIANGSU-2019", "remoteArea", false, "specialised", false, "operatingYears", 3, "statisticsYears", 1,
                "incubationArea", 6000, "tenantAreaShare", 0.7, "seedFund", 3_500_000, "fundedTenantShare", 0.12, "fundUseCases", 1,
                "staffCount", 10, "professionalStaffShare", 0.7, "mentorCount", 5, "tenantCount", 35, "patentTenantShare", 0.1,
                "validIpTenantShare", 0.45, "graduatedCount", 12);
    }

    static Map<String, Object> nationalNursery() {
        return map("ruleSet", "NATIONAL-NURSERY-2017", "operatingYears", 2, "incubationArea", 800, "workstations", 60,
                "tenantAreaShare", 0.8, "teamsAdmittedPerYear", 25, "newCompaniesPerYear", 12, "fundedTeamsPerYear", 6,
                "incubationCases", 4, "staffCount", 4, "mentorCount", 5, "eventsPerYear", 12);
    }

    static Map<String, Object> jiangsuNursery() {
        return map("ruleSet", "JIANGSU-NURSERY-2019", "operatingYears", 1.5, "incubationArea", 400, "workstations", 40);
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** Every indicator the application lacks is null, as EligibilityService passes it. */
    static List<String> failures(DmnDecision decision, Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>();
        for (cn.parkflow.registry.Indicator indicator : cn.parkflow.registry.Indicator.values()) {
            all.put(indicator.name(), null);
        }
        all.putAll(variables);
        return ENGINE.evaluateDecision(decision, all).getResultList().stream()
                .map(r -> (String) r.get("failedCriterion")).toList();
    }

    @Test
    void baselinesMeetEveryCondition() {
        assertThat(failures(INCUBATOR, national())).isEmpty();
        assertThat(failures(INCUBATOR, jiangsu())).isEmpty();
        assertThat(failures(NURSERY, nationalNursery())).isEmpty();
        assertThat(failures(NURSERY, jiangsuNursery())).isEmpty();
        assertThat(failures(GROWTH, growth())).isEmpty();
        assertThat(failures(ACCELERATOR, accelerator())).isEmpty();
        assertThat(failures(PARK, park())).isEmpty();
    }

    /** A case: the baseline, changes that put one criterion just below (failing) and at (passing) its threshold. */
    static Arguments row(String name, DmnDecision decision, Map<String, Object> baseline, Map<String, Object> below,
            Map<String, Object> at, String failure) {
        Map<String, Object> failing = new HashMap<>(baseline);
        failing.putAll(below);
        Map<String, Object> passing = new HashMap<>(baseline);
        passing.putAll(at);
        return Arguments.of(name, decision, failing, passing, failure);
    }

    static Stream<Arguments> rows() {
        Map<String, Object> remote = map("remoteArea", true);
        Map<String, Object> spec = map("specialised", true);
        Map<String, Object> n = national();
        Map<String, Object> nr = with(national(), remote);
        Map<String, Object> ns = with(national(), spec);
        Map<String, Object> nrs = with(with(national(), remote), spec);
        Map<String, Object> j = jiangsu();
        return Stream.of(
                row("N operating years", INCUBATOR, n, map("operatingYears", 2.9), map("operatingYears", 3), "运营时间不足3年"),
                row("N statistics", INCUBATOR, n, map("statisticsYears", 1), map("statisticsYears", 2), "连续报送统计数据不足2年"),
                row("N area", INCUBATOR, n, map("incubationArea", 9999), map("incubationArea", 10000), "孵化场地面积不足10000平方米"),
                row("N area remote", INCUBATOR, nr, map("incubationArea", 7999), map("incubationArea", 8000), "孵化场地面积不足8000平方米"),
                row("N tenant area share", INCUBATOR, n, map("tenantAreaShare", 0.74), map("tenantAreaShare", 0.75), "在孵企业使用面积占比不足75%"),
                row("N fund", INCUBATOR, n, map("seedFund", 4_999_999), map("seedFund", 5_000_000), "孵化资金不足500万元"),
                row("N fund remote", INCUBATOR, nr, map("seedFund", 3_999_999), map("seedFund", 4_000_000), "孵化资金不足400万元"),
                row("N funded tenants", INCUBATOR, n, map("fundedTenantShare", 0.09), map("fundedTenantShare", 0.1), "获得投融资的在孵企业占比不足10%"),
                row("N fund use cases", INCUBATOR, n, map("fundUseCases", 2), map("fundUseCases", 3), "孵化资金使用案例不足3个"),
                row("N professional share", INCUBATOR, n, map("professionalStaffShare", 0.79), map("professionalStaffShare", 0.8), "专业孵化服务人员占比不足80%"),
                row("N professionals per 10", INCUBATOR, n, map("staffCount", 5, "professionalStaffShare", 1.0),
                        map("staffCount", 6, "professionalStaffShare", 1.0), "每10家在孵企业专业孵化服务人员不足1名"),
                row("N professionals per 10 by head count: 6 for 60", INCUBATOR, n, map("staffCount", 7, "professionalStaffCount", 6, "tenantCount", 61),
                        map("staffCount", 7, "professionalStaffCount", 6, "tenantCount", 60), "每10家在孵企业专业孵化服务人员不足1名"),
                row("N professionals per 10 from 7 staff at 0.857", INCUBATOR, n, map("staffCount", 7, "professionalStaffShare", 0.857, "tenantCount", 61),
                        map("staffCount", 7, "professionalStaffShare", 0.857, "tenantCount", 60), "每10家在孵企业专业孵化服务人员不足1名"),
                row("N professional share by head count", INCUBATOR, n, map("staffCount", 10, "professionalStaffCount", 7, "professionalStaffShare", 0.9),
                        map("staffCount", 10, "professionalStaffCount", 8, "professionalStaffShare", 0.1), "专业孵化服务人员占比不足80%"),
                row("N IP: patent share alone, IP not given", INCUBATOR, n, map("patentTenantShare", 0.49, "validIpTenantShare", null),
                        map("patentTenantShare", 0.5, "validIpTenantShare", null), "申请专利的在孵企业占比不足50%"),
                row("N IP: valid IP share alone, patents not given", INCUBATOR, n, map("patentTenantShare", null, "validIpTenantShare", 0.29),
                        map("patentTenantShare", null, "validIpTenantShare", 0.3), "申请专利的在孵企业占比不足50%"),
                row("N mentors per 10", INCUBATOR, n, map("mentorCount", 5), map("mentorCount", 6), "每10家在孵企业创业导师不足1名"),
                row("N IP: both low fails", INCUBATOR, n, map("patentTenantShare", 0.49, "validIpTenantShare", 0.29),
                        map("patentTenantShare", 0.49, "validIpTenantShare", 0.3), "申请专利的在孵企业占比不足50%"),
                row("N IP: patent share alone passes", INCUBATOR, n, map("patentTenantShare", 0.49, "validIpTenantShare", 0.29),
                        map("patentTenantShare", 0.5, "validIpTenantShare", 0.29), "申请专利的在孵企业占比不足50%"),
                row("N IP remote", INCUBATOR, nr, map("patentTenantShare", 0.39, "validIpTenantShare", 0.23),
                        map("patentTenantShare", 0.4, "validIpTenantShare", 0.23), "申请专利的在孵企业占比不足40%"),
                row("N IP remote: valid IP share alone passes", INCUBATOR, nr, map("patentTenantShare", 0.39, "validIpTenantShare", 0.23),
                        map("patentTenantShare", 0.39, "validIpTenantShare", 0.24), "申请专利的在孵企业占比不足40%"),
                row("N tenants", INCUBATOR, n, map("tenantCount", 49), map("tenantCount", 50), "在孵企业不足50家"),
                row("N tenants remote", INCUBATOR, nr, map("tenantCount", 39), map("tenantCount", 40), "在孵企业不足40家"),
                row("N tenants specialised", INCUBATOR, ns, map("tenantCount", 29), map("tenantCount", 30), "在孵企业不足30家"),
                row("N tenants specialised remote", INCUBATOR, with(nrs, map("incubationArea", 10000)), map("tenantCount", 23),
                        map("tenantCount", 24), "在孵企业不足24家"),
                row("N density", INCUBATOR, n, map("incubationArea", 20001), map("incubationArea", 20000), "每千平方米在孵企业不足3家"),
                row("N density specialised", INCUBATOR, ns, map("tenantCount", 30, "incubationArea", 15001),
                        map("tenantCount", 30, "incubationArea", 15000), "每千平方米在孵企业不足2家"),
                row("N graduated", INCUBATOR, n, map("graduatedCount", 19), map("graduatedCount", 20), "累计毕业企业不足20家"),
                row("N graduated remote", INCUBATOR, nr, map("graduatedCount", 15), map("graduatedCount", 16), "累计毕业企业不足16家"),
                row("N graduated specialised", INCUBATOR, ns, map("graduatedCount", 14), map("graduatedCount", 15), "累计毕业企业不足15家"),
                row("N graduated specialised remote", INCUBATOR, nrs, map("graduatedCount", 11), map("graduatedCount", 12), "累计毕业企业不足12家"),
                row("J operating years", INCUBATOR, j, map("operatingYears", 1.9), map("operatingYears", 2), "在江苏运营时间不足2年"),
                row("J statistics", INCUBATOR, j, map("statisticsYears", 0), map("statisticsYears", 1), "未报送上年度统计数据"),
                row("J area", INCUBATOR, j, map("incubationArea", 4999), map("incubationArea", 5000), "孵化场地面积不足5000平方米"),
                row("J tenant area share", INCUBATOR, j, map("tenantAreaShare", 0.6666), map("tenantAreaShare", 0.6667), "在孵企业使用面积占比不足2/3"),
                row("J tenant area share exactly 2/3 as a double", INCUBATOR, j, map("tenantAreaShare", 0.6666), map("tenantAreaShare", 2.0 / 3),
                        "在孵企业使用面积占比不足2/3"),
                row("J tenant area 4000 of 6000 m²", INCUBATOR, j, map("incubationArea", 6000, "tenantArea", 3999),
                        map("incubationArea", 6000, "tenantArea", 4000), "在孵企业使用面积占比不足2/3"),
                row("J tenant area decides over a declared share", INCUBATOR, j, map("incubationArea", 6000, "tenantArea", 3999, "tenantAreaShare", 0.7),
                        map("incubationArea", 6000, "tenantArea", 4000, "tenantAreaShare", 0.5), "在孵企业使用面积占比不足2/3"),
                row("N tenant area 9000 of 12000 m²", INCUBATOR, n, map("tenantArea", 8999), map("tenantArea", 9000), "在孵企业使用面积占比不足75%"),
                row("J fund", INCUBATOR, j, map("seedFund", 2_999_999), map("seedFund", 3_000_000), "孵化资金不足300万元"),
                row("J funded tenants", INCUBATOR, j, map("fundedTenantShare", 0.09), map("fundedTenantShare", 0.1), "获得投融资的在孵企业占比不足10%"),
                row("J fund use cases", INCUBATOR, j, map("fundUseCases", 0), map("fundUseCases", 1), "无孵化资金使用案例"),
                row("J professional share", INCUBATOR, j, map("professionalStaffShare", 0.59), map("professionalStaffShare", 0.6), "专业孵化服务人员占比不足60%"),
                row("J professionals per 15", INCUBATOR, j, map("tenantCount", 31, "staffCount", 2, "professionalStaffShare", 1.0),
                        map("tenantCount", 30, "staffCount", 2, "professionalStaffShare", 1.0), "每15家在孵企业专业孵化服务人员不足1名"),
                row("J mentors per 15", INCUBATOR, j, map("tenantCount", 31, "mentorCount", 2), map("tenantCount", 30, "mentorCount", 2),
                        "每15家在孵企业创业导师不足1名"),
                row("J tenants (assumed)", INCUBATOR, j, map("tenantCount", 29), map("tenantCount", 30), "在孵企业不足30家"),
                row("J graduated (assumed)", INCUBATOR, j, map("graduatedCount", 9), map("graduatedCount", 10), "累计毕业企业不足10家"),
                row("J IP (assumed)", INCUBATOR, j, map("validIpTenantShare", 0.39), map("validIpTenantShare", 0.4), "拥有有效知识产权的在孵企业占比不足40%"),
                row("NN operating", NURSERY, nationalNursery(), map("operatingYears", 1.4), map("operatingYears", 1.5), "运营时间不足18个月"),
                row("NN area or workstations", NURSERY, nationalNursery(), map("incubationArea", 499, "workstations", 29),
                        map("incubationArea", 499, "workstations", 30), "场地面积不足500平方米且工位不足30个"),
                row("NN area alone passes", NURSERY, nationalNursery(), map("incubationArea", 499, "workstations", 29),
                        map("incubationArea", 500, "workstations", 29), "场地面积不足500平方米且工位不足30个"),
                row("NN area alone, workstations not given", NURSERY, nationalNursery(), map("incubationArea", 499, "workstations", null),
                        map("incubationArea", 500, "workstations", null), "场地面积不足500平方米且工位不足30个"),
                row("NN workstations alone, area not given", NURSERY, nationalNursery(), map("incubationArea", null, "workstations", 29),
                        map("incubationArea", null, "workstations", 30), "场地面积不足500平方米且工位不足30个"),
                row("NN space share", NURSERY, nationalNursery(), map("tenantAreaShare", 0.74), map("tenantAreaShare", 0.75), "工位及公共服务面积占比不足75%"),
                row("NN teams", NURSERY, nationalNursery(), map("teamsAdmittedPerYear", 19), map("teamsAdmittedPerYear", 20), "年服务创业团队和企业不足20个"),
                row("NN companies or funded", NURSERY, nationalNursery(), map("newCompaniesPerYear", 9, "fundedTeamsPerYear", 4),
                        map("newCompaniesPerYear", 10, "fundedTeamsPerYear", 4), "年新注册企业不足10家"),
                row("NN funded alone passes", NURSERY, nationalNursery(), map("newCompaniesPerYear", 9, "fundedTeamsPerYear", 4),
                        map("newCompaniesPerYear", 9, "fundedTeamsPerYear", 5), "年新注册企业不足10家"),
                row("NN new companies alone, funded not given", NURSERY, nationalNursery(), map("newCompaniesPerYear", 9, "fundedTeamsPerYear", null),
                        map("newCompaniesPerYear", 10, "fundedTeamsPerYear", null), "年新注册企业不足10家"),
                row("NN funded alone, new companies not given", NURSERY, nationalNursery(), map("newCompaniesPerYear", null, "fundedTeamsPerYear", 4),
                        map("newCompaniesPerYear", null, "fundedTeamsPerYear", 5), "年新注册企业不足10家"),
                row("NN cases", NURSERY, nationalNursery(), map("incubationCases", 2), map("incubationCases", 3), "典型孵化案例不足3个"),
                row("NN staff", NURSERY, nationalNursery(), map("staffCount", 2), map("staffCount", 3), "专职人员不足3名"),
                row("NN mentors", NURSERY, nationalNursery(), map("mentorCount", 2), map("mentorCount", 3), "创业导师不足3名"),
                row("NN events", NURSERY, nationalNursery(), map("eventsPerYear", 9), map("eventsPerYear", 10), "年举办创新创业活动不足10次"),
                row("JN operating", NURSERY, jiangsuNursery(), map("operatingYears", 0.9), map("operatingYears", 1), "运营时间不足1年"),
                row("JN area", NURSERY, jiangsuNursery(), map("incubationArea", 299), map("incubationArea", 300), "场地面积不足300平方米"),
                row("JN workstations", NURSERY, jiangsuNursery(), map("workstations", 29), map("workstations", 30), "工位不足30个"),
                row("GC area", GROWTH, growth(), map("incubationArea", 2999), map("incubationArea", 3000), "场地面积不足3000平方米"),
                row("GC tenants", GROWTH, growth(), map("tenantCount", 9), map("tenantCount", 10), "在育企业不足10家"),
                row("GC graduated", GROWTH, growth(), map("graduatedCount", 4), map("graduatedCount", 5), "承接毕业企业不足5家"),
                row("GC mentors", GROWTH, growth(), map("mentorCount", 4), map("mentorCount", 5), "创业导师不足5名"),
                row("GC operating", GROWTH, growth(), map("operatingYears", 0.9), map("operatingYears", 1), "运营时间不足1年"),
                row("AC area", ACCELERATOR, accelerator(), map("incubationArea", 9999), map("incubationArea", 10000), "场地面积不足10000平方米"),
                row("AC tenants", ACCELERATOR, accelerator(), map("tenantCount", 14), map("tenantCount", 15), "入驻企业不足15家"),
                row("AC revenue", ACCELERATOR, accelerator(), map("annualRevenue", 99_999_999), map("annualRevenue", 100_000_000), "年总收入不足1亿元"),
                row("AC high-tech", ACCELERATOR, accelerator(), map("highTechTenants", 4), map("highTechTenants", 5), "高新技术企业不足5家"),
                row("AC operating", ACCELERATOR, accelerator(), map("operatingYears", 0.5), map("operatingYears", 1), "运营时间不足1年"),
                row("FP area", PARK, park(), map("incubationArea", 49_999), map("incubationArea", 50_000), "不足50000平方米"),
                row("FP tenants", PARK, park(), map("tenantCount", 29), map("tenantCount", 30), "入驻企业不足30家"),
                row("FP fund", PARK, park(), map("seedFund", 19_999_999), map("seedFund", 20_000_000), "不足2000万元"),
                row("FP high-tech", PARK, park(), map("highTechTenants", 9), map("highTechTenants", 10), "高新技术企业不足10家"));
    }

    static Map<String, Object> growth() {
        return map("ruleSet", "ASSUMED-GROWTH_CENTER-2024", "operatingYears", 2, "incubationArea", 4000, "tenantCount", 12,
                "graduatedCount", 6, "mentorCount", 6);
    }

    static Map<String, Object> accelerator() {
        return map("ruleSet", "ASSUMED-ACCELERATOR-2024", "operatingYears", 2, "incubationArea", 15000, "tenantCount", 20,
                "annualRevenue", 150_000_000, "highTechTenants", 6);
    }

    static Map<String, Object> park() {
        return map("ruleSet", "ASSUMED-FUTURE_INDUSTRY_PARK-2024", "incubationArea", 60000, "tenantCount", 40, "seedFund", 30_000_000,
                "highTechTenants", 12);
    }

    static Map<String, Object> with(Map<String, Object> base, Map<String, Object> changes) {
        Map<String, Object> m = new HashMap<>(base);
        m.putAll(changes);
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void justBelowTheThresholdFailsAndTheThresholdPasses(String name, DmnDecision decision, Map<String, Object> failing,
            Map<String, Object> passing, String failure) {
        List<String> failed = failures(decision, failing);
        assertThat(failed).as("below").hasSize(1);
        assertThat(failed.get(0)).contains(failure);
        assertThat(failures(decision, passing)).as("at the threshold").isEmpty();
    }

    @Test
    void otherRuleSetsRulesDoNotApply() {
        Map<String, Object> tiny = with(jiangsu(), map("incubationArea", 6000, "tenantCount", 35, "graduatedCount", 12));
        // these Jiangsu figures fail several national conditions, but under JIANGSU-2019 they pass
        assertThat(failures(INCUBATOR, tiny)).isEmpty();
        assertThat(failures(INCUBATOR, with(tiny, map("ruleSet", "NATIONAL-2018")))).hasSizeGreaterThan(3);
    }

    /** Until the 2025 national rules publish their thresholds, NATIONAL-2025 decides by the 2018 figures (assumed). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theNational2025RuleSetKeepsThe2018FiguresAsItsAssumedBaseline(String name, DmnDecision decision, Map<String, Object> failing,
            Map<String, Object> passing, String failure) {
        org.junit.jupiter.api.Assumptions.assumeTrue("NATIONAL-2018".equals(failing.get("ruleSet")));
        List<String> failed = failures(decision, with(failing, map("ruleSet", "NATIONAL-2025")));
        assertThat(failed).as("below").hasSize(1);
        assertThat(failed.get(0)).contains(failure);
        assertThat(failures(decision, with(passing, map("ruleSet", "NATIONAL-2025")))).as("at the threshold").isEmpty();
    }

    @Test
    void everyFailureIsCollected() {
        Map<String, Object> weak = with(national(), map("operatingYears", 1, "incubationArea", 100, "seedFund", 1000));
        assertThat(failures(INCUBATOR, weak)).hasSizeGreaterThanOrEqualTo(3);
    }
}
