package cn.parkflow.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.parkflow.registry.City;
import cn.parkflow.registry.CreditCode;
import cn.parkflow.registry.Industry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** The drawing rule over many draws: specialty first, never a conflict, a fallback that says so. */
class ExpertPanelTest {

    static final String OPERATOR = CreditCode.withCheckCharacter("91320100MA1X2Y3W4").value();
    static final String EMPLOYER = CreditCode.withCheckCharacter("12320000466000001").value();

    static ExpertPanel.Expert expert(String id, City home, Set<Industry> industries, String employer, Set<String> conflicts, boolean active) {
        return new ExpertPanel.Expert(id, id, home, employer, industries, conflicts, active);
    }

    final ExpertPanel panel = new ExpertPanel(Mockito.mock(ExpertRepository.class), new Random(20261202));
    final ExpertPanel.Subject subject = new ExpertPanel.Subject(City.NANJING, OPERATOR, Set.of(Industry.QUANTUM, Industry.HYDROGEN));

    final List<ExpertPanel.Expert> pool = List.of(
            expert("quantum-wuxi", City.WUXI, Set.of(Industry.QUANTUM), EMPLOYER, Set.of(), true),
            expert("hydrogen-suzhou", City.SUZHOU, Set.of(Industry.HYDROGEN, Industry.OTHER), EMPLOYER, Set.of(), true),
            expert("quantum-xuzhou", City.XUZHOU, Set.of(Industry.QUANTUM), EMPLOYER, Set.of(), true),
            expert("ai-nantong", City.NANTONG, Set.of(Industry.GENERAL_AI), EMPLOYER, Set.of(), true),
            expert("ai-yangzhou", City.YANGZHOU, Set.of(Industry.GENERAL_AI), EMPLOYER, Set.of(), true),
            expert("ai-taizhou", City.TAIZHOU, Set.of(Industry.GENERAL_AI), EMPLOYER, Set.of(), true),
            // each of these must never be drawn for the subject
            expert("quantum-nanjing", City.NANJING, Set.of(Industry.QUANTUM), EMPLOYER, Set.of(), true),
            expert("quantum-employee", City.CHANGZHOU, Set.of(Industry.QUANTUM), OPERATOR, Set.of(), true),
            expert("quantum-declared", City.ZHENJIANG, Set.of(Industry.QUANTUM), EMPLOYER, Set.of(OPERATOR), true),
            expert("quantum-inactive", City.HUAIAN, Set.of(Industry.QUANTUM), EMPLOYER, Set.of(), false),
            expert("quantum-nowhere", null, Set.of(Industry.QUANTUM), EMPLOYER, Set.of(), true));

    @Test
    void overManyDrawsTheSpecialistsAreAlwaysDrawnFirstAndNoConflictedExpertEver() {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 2000; i++) {
            ExpertPanel.Draw draw = panel.draw(pool, subject, 3, Set.of());
            assertThat(draw.experts()).hasSize(3).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrder("quantum-wuxi", "hydrogen-suzhou", "quantum-xuzhou");
            assertThat(draw.matching()).isEqualTo(3);
            assertThat(draw.note()).isNull();
            draw.experts().forEach(e -> counts.merge(e, 1, Integer::sum));
        }
        assertThat(counts).doesNotContainKeys("quantum-nanjing", "quantum-employee", "quantum-declared", "quantum-inactive", "quantum-nowhere");
    }

    @Test
    void tooFewSpecialistsFallBackToAnyEligibleExpertAtRandomAndSaySo() {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 2000; i++) {
            ExpertPanel.Draw draw = panel.draw(pool, subject, 5, Set.of());
            assertThat(draw.experts()).hasSize(5).doesNotHaveDuplicates().contains("quantum-wuxi", "hydrogen-suzhou", "quantum-xuzhou");
            assertThat(draw.matching()).isEqualTo(3);
            assertThat(draw.note()).contains("仅3名").contains("另从其他无回避关系的专家中抽取2名");
            draw.experts().forEach(e -> counts.merge(e, 1, Integer::sum));
        }
        // the two fallback seats are spread over the three non-specialists, about 2000 × 2/3 each
        for (String fallback : List.of("ai-nantong", "ai-yangzhou", "ai-taizhou")) {
            assertThat(counts.get(fallback)).isBetween(1150, 1520);
        }
        assertThat(counts).doesNotContainKeys("quantum-nanjing", "quantum-employee", "quantum-declared", "quantum-inactive", "quantum-nowhere");
    }

    @Test
    void aPanelsMembersAreNotDrawnAgainAndTooFewEligibleExpertsFail() {
        ExpertPanel.Draw one = panel.draw(pool, subject, 1, Set.of("quantum-wuxi", "hydrogen-suzhou"));
        assertThat(one.experts()).containsExactly("quantum-xuzhou");
        assertThatThrownBy(() -> panel.draw(pool, subject, 7, Set.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only 6 experts");
    }

    @Test
    void theReasonOfEachConflictIsNamed() {
        Map<String, String> reasons = new HashMap<>();
        pool.forEach(e -> reasons.put(e.id(), ExpertPanel.conflict(e, subject)));
        assertThat(reasons.get("quantum-wuxi")).isNull();
        assertThat(reasons.get("quantum-nanjing")).contains("同属南京市");
        assertThat(reasons.get("quantum-employee")).contains("任职于申报运营机构");
        assertThat(reasons.get("quantum-declared")).contains("已声明");
        assertThat(reasons.get("quantum-inactive")).contains("已停用");
        assertThat(reasons.get("quantum-nowhere")).contains("未登记常住城市");
    }

    @Test
    void aCitysOwnPanelMaySeatItsCitysExpertsButNoOtherConflict() {
        ExpertPanel.Subject city = subject.forCityPanel();
        Map<String, String> reasons = new HashMap<>();
        pool.forEach(e -> reasons.put(e.id(), ExpertPanel.conflict(e, city)));
        assertThat(reasons.get("quantum-nanjing")).isNull();
        assertThat(reasons.get("quantum-nowhere")).isNull();
        assertThat(reasons.get("quantum-employee")).contains("任职于申报运营机构");
        assertThat(reasons.get("quantum-declared")).contains("已声明");
        assertThat(reasons.get("quantum-inactive")).contains("已停用");
        assertThat(panel.draw(pool, city, 5, Set.of()).experts())
                .containsExactlyInAnyOrder("quantum-wuxi", "hydrogen-suzhou", "quantum-xuzhou", "quantum-nanjing", "quantum-nowhere");
    }

    @Test
    void aLaterPanelAvoidsTheEarlierPanelsMembersWhileEnoughOthersAreEligible() {
        ExpertRepository rows = Mockito.mock(ExpertRepository.class);
        List<ExpertRow> stored = pool.stream().filter(e -> e.homeCity() != null).map(e -> {
            ExpertRow row = new ExpertRow();
            row.username = e.id();
            row.displayName = e.name();
            row.homeCity = e.homeCity().code();
            row.employerCreditCode = e.employerCreditCode();
            row.active = e.active();
            row.industries = new java.util.HashSet<>(e.industries().stream().map(i -> new ExpertIndustry(i.name())).toList());
            row.conflicts = new java.util.HashSet<>(e.conflicts().stream().map(ExpertConflict::new).toList());
            return row;
        }).toList();
        Mockito.when(rows.findAllByOrderByUsernameAsc()).thenReturn(stored);
        ExpertPanel fromRows = new ExpertPanel(rows, new Random(7));
        Set<String> earlier = Set.of("quantum-wuxi", "hydrogen-suzhou", "ai-nantong");
        ExpertPanel.Draw avoiding = fromRows.drawAvoiding(subject, 3, earlier);
        assertThat(avoiding.experts()).containsExactlyInAnyOrder("quantum-xuzhou", "ai-yangzhou", "ai-taizhou");
        // six eligible, four of them on the earlier panel: the later panel may seat them, and says so
        ExpertPanel.Draw overlapping = fromRows.drawAvoiding(subject, 3, Set.of("quantum-wuxi", "hydrogen-suzhou", "ai-nantong", "ai-yangzhou"));
        assertThat(overlapping.experts()).hasSize(3);
        assertThat(overlapping.note()).contains("允许前一轮评审专家参加");
    }

    @Test
    void aStoredExpertWithoutConflictMayReviewAndAnUnknownUserMayNot() {
        ExpertRepository rows = Mockito.mock(ExpertRepository.class);
        ExpertRow row = new ExpertRow();
        row.username = "eligible";
        row.displayName = "钱专家";
        row.homeCity = City.WUXI.code();
        row.employerCreditCode = EMPLOYER;
        row.active = true;
        row.industries = new java.util.HashSet<>(Set.of(new ExpertIndustry("QUANTUM")));
        Mockito.when(rows.findByUsername("eligible")).thenReturn(java.util.Optional.of(row));
        Mockito.when(rows.findByUsername("stranger")).thenReturn(java.util.Optional.empty());
        ExpertPanel stored = new ExpertPanel(rows, new Random(1));
        assertThat(stored.conflict("eligible", subject)).isNull();
        assertThat(stored.conflict("stranger", subject)).contains("不在专家库中");
        row.active = false;
        assertThat(stored.conflict("eligible", subject)).contains("已停用");
    }
}
