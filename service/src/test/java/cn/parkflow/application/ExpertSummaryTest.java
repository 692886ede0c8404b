package cn.parkflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpertSummaryTest {

    static ExpertSummary.Review review(String panel, String expert, String score, String opinion) {
        return new ExpertSummary.Review(panel, expert, new BigDecimal(score), opinion);
    }

    @Test
    void eachPanelIsSummarisedAndAnExpertCountsOnceWithItsLatestReview() {
        List<ExpertSummary> summaries = ExpertSummary.of(List.of(
                review("CITY", "e1", "80", "SUPPORT"), review("CITY", "e2", "70", "OPPOSE"), review("CITY", "e3", "91", "SUPPORT"),
                review("PROVINCE", "e4", "85", "SUPPORT"), review("PROVINCE", "e5", "60", "OPPOSE"),
                review("PROVINCE", "e6", "77.5", "SUPPORT"), review("PROVINCE", "e5", "66", "SUPPORT")));
        assertThat(summaries).extracting(ExpertSummary::panel).containsExactly("CITY", "PROVINCE");
        ExpertSummary city = summaries.get(0);
        assertThat(city.count()).isEqualTo(3);
        assertThat(city.mean()).isEqualByComparingTo("80.33");
        assertThat(city.min()).isEqualByComparingTo("70");
        assertThat(city.max()).isEqualByComparingTo("91");
        assertThat(city.support()).isEqualTo(2);
        assertThat(city.oppose()).isEqualTo(1);
        ExpertSummary province = summaries.get(1);
        assertThat(province.count()).isEqualTo(3); // e5 reviewed again: its later review counts
        assertThat(province.mean()).isEqualByComparingTo("76.17"); // (85 + 77.5 + 66) / 3 = 76.1666…
        assertThat(province.min()).isEqualByComparingTo("66");
        assertThat(province.support()).isEqualTo(3);
        assertThat(province.oppose()).isZero();
        assertThat(province.text()).isEqualTo("省级专家评审：3位专家，平均分 76.17，最低 66，最高 85；支持 3，不支持 0");
        assertThat(ExpertSummary.of(List.of())).isEmpty();
    }
}
