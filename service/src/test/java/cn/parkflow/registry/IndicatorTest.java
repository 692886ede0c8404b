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
        assertThat(Arrays.stream(Indicator.values()).map(Enum::name)).containsExactlyInAnyOrderElementsOf(domain);
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
