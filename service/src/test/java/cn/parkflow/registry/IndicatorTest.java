package cn.parkflow.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The indicator codes of DOMAIN.md §7 and the values each accepts. */
class IndicatorTest {

    @Test
    void everyDomainIndicatorExists() {
        List<String> domain = List.of("operatingYears", "statisticsYears", "incubationArea", "tenantAreaShare", "workstations",
                "seedFund", "fundedTenantShare", "fundUseCases", "staffCount", "professionalStaffShare", "mentorCount",
                "tenantCount", "patentTenantShare", "validIpTenantShare", "graduatedCount", "teamsAdmittedPerYear",
                "newCompaniesPerYear", "fundedTeamsPerYear", "incubationCases", "eventsPerYear", "specialised", "remoteArea",
                "annualRevenue", "highTechTenants", "investmentRaised");
        // and the two the procedure issue added, so that shares and ratios are computed from areas and counts
        List<String> added = List.of("tenantArea", "professionalStaffCount");
        assertThat(Arrays.stream(Indicator.values()).map(Enum::name))
                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(domain.stream(), added.stream()).toList());
        assertThat(Indicator.find("castles")).isEmpty();
    }

    @Test
    void sharesLieBetweenZeroAndOne() {
        assertThat(Indicator.tenantAreaShare.problem(0)).isNull();
        assertThat(Indicator.tenantAreaShare.problem(1)).isNull();
        assertThat(Indicator.tenantAreaShare.problem(0.75)).isNull();
        assertThat(Indicator.tenantAreaShare.problem(1.01)).contains("0到1");
        assertThat(Indicator.tenantAreaShare.problem(-0.1)).contains("负数");
    }

    @Test
    void aPartCannotExceedItsWhole() {
        assertThat(Indicator.consistencyProblems(java.util.Map.of("tenantArea", 4000, "incubationArea", 6000))).isEmpty();
        assertThat(Indicator.consistencyProblems(java.util.Map.of("tenantArea", 6000, "incubationArea", 6000))).isEmpty();
        assertThat(Indicator.consistencyProblems(java.util.Map.of("tenantArea", 6001, "incubationArea", 6000)))
                .containsEntry(Indicator.tenantArea, "在孵企业使用面积不能大于可自主支配孵化场地面积").hasSize(1);
        assertThat(Indicator.consistencyProblems(java.util.Map.of("professionalStaffCount", 8, "staffCount", 7)))
                .containsEntry(Indicator.professionalStaffCount, "专业孵化服务人员数不能大于运营机构人员数").hasSize(1);
        assertThat(Indicator.consistencyProblems(java.util.Map.of("professionalStaffCount", 8))).isEmpty(); // no whole to compare
    }

    @Test
    void countsAreWholeAndFlagsAreBooleans() {
        assertThat(Indicator.tenantCount.problem(60)).isNull();
        assertThat(Indicator.tenantCount.problem(2.5)).contains("整数");
        assertThat(Indicator.specialised.problem(true)).isNull();
        assertThat(Indicator.specialised.problem(1)).contains("是/否");
        assertThat(Indicator.seedFund.problem("很多")).contains("数字");
        assertThat(Indicator.seedFund.problem(Double.NaN)).isNotNull();
        assertThat(Indicator.seedFund.problem(null)).isNull();
    }
}
