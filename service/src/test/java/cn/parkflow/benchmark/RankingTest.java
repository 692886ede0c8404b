package cn.parkflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Scores, the drop of highest and lowest, and every tie-break of the benchmark ranking. */
class RankingTest {

    static final Rubric RUBRIC = Rubric.ASSUMED_DEFAULT;
    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    static ScoreSheet sheet(String expert, int fit, int performance, int services, int investment, int chain) {
        Map<Criterion, Integer> s = new EnumMap<>(Criterion.class);
        s.put(Criterion.FUTURE_FIT, fit);
        s.put(Criterion.INCUBATION_PERFORMANCE, performance);
        s.put(Criterion.PROFESSIONAL_SERVICES, services);
        s.put(Criterion.INVESTMENT, investment);
        s.put(Criterion.CHAIN_COMPLETENESS, chain);
        return new ScoreSheet(expert, s);
    }

    static ScoreSheet flat(String expert, int score) {
        return sheet(expert, score, score, score, score, score);
    }

    @Test
    void weightedTotalFollowsTheRubric() {
        // 0.30*90 + 0.25*80 + 0.15*70 + 0.15*60 + 0.15*50 = 27 + 20 + 10.5 + 9 + 7.5 = 74
        assertThat(RUBRIC.total(sheet("e", 90, 80, 70, 60, 50))).isEqualByComparingTo("74.00");
    }

    @Test
    void withFiveOrMoreSheetsTheHighestAndLowestAreDropped() {
        List<ScoreSheet> five = List.of(flat("a", 10), flat("b", 70), flat("c", 80), flat("d", 90), flat("e", 100));
        assertThat(Ranking.score(RUBRIC, five)).isEqualByComparingTo("80.00"); // (70+80+90)/3
        List<ScoreSheet> six = List.of(flat("a", 10), flat("b", 70), flat("c", 80), flat("d", 90), flat("e", 100), flat("f", 100));
        assertThat(Ranking.score(RUBRIC, six)).isEqualByComparingTo("85.00"); // one 100 and the 10 dropped
    }

    @Test
    void withFewerThanFiveSheetsAllCount() {
        List<ScoreSheet> four = List.of(flat("a", 10), flat("b", 70), flat("c", 80), flat("d", 100));
        assertThat(Ranking.score(RUBRIC, four)).isEqualByComparingTo("65.00");
        assertThatThrownBy(() -> Ranking.score(RUBRIC, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    static Ranking.Candidate candidate(long id, List<ScoreSheet> sheets, int highTech, Instant appliedAt) {
        return new Ranking.Candidate(id, sheets, highTech, appliedAt);
    }

    @Test
    void ranksByScoreAndProposesTheQuota() {
        List<Ranking.Candidate> candidates = List.of(
                candidate(1, List.of(flat("a", 60)), 0, T0),
                candidate(2, List.of(flat("a", 90)), 0, T0),
                candidate(3, List.of(flat("a", 75)), 0, T0));
        List<Ranking.Ranked> ranked = Ranking.rank(RUBRIC, candidates, 2);
        assertThat(ranked).extracting(r -> r.candidate().applicationId()).containsExactly(2L, 3L, 1L);
        assertThat(ranked).extracting(Ranking.Ranked::rank).containsExactly(1, 2, 3);
        assertThat(ranked).extracting(Ranking.Ranked::proposed).containsExactly(true, true, false);
    }

    @Test
    void tieBreaksInTheDocumentedOrder() {
        // all score 70 overall; they differ only in what the tie-breaks look at
        // build sheets with equal totals but different FUTURE_FIT / INCUBATION_PERFORMANCE
        ScoreSheet base = sheet("a", 70, 70, 70, 70, 70);                 // 70
        ScoreSheet moreFit = sheet("a", 80, 70, 70, 50, 70);              // 24+17.5+10.5+7.5+10.5 = 70
        ScoreSheet morePerformance = sheet("a", 70, 82, 70, 50, 70);      // 21+20.5+10.5+7.5+10.5 = 70
        assertThat(RUBRIC.total(moreFit)).isEqualByComparingTo("70.00");
        assertThat(RUBRIC.total(morePerformance)).isEqualByComparingTo("70.00");

        List<Ranking.Candidate> candidates = new ArrayList<>(List.of(
                candidate(10, List.of(base), 3, T0.plusSeconds(60)),        // later
                candidate(11, List.of(base), 3, T0),                        // earlier
                candidate(12, List.of(base), 9, T0.plusSeconds(120)),       // more high-tech tenants
                candidate(13, List.of(morePerformance), 0, T0),             // higher performance
                candidate(14, List.of(moreFit), 0, T0),                     // higher future fit
                candidate(9, List.of(base), 3, T0.plusSeconds(60))));       // same as 10 but lower id
        Collections.shuffle(candidates, new Random(7));
        assertThat(Ranking.rank(RUBRIC, candidates, 3)).extracting(r -> r.candidate().applicationId())
                .containsExactly(14L, 13L, 12L, 11L, 9L, 10L);
    }

    @Test
    void rankingIsTheSameWhateverTheInputOrder() {
        List<Ranking.Candidate> candidates = new ArrayList<>();
        Random random = new Random(42);
        for (long id = 1; id <= 40; id++) {
            List<ScoreSheet> sheets = new ArrayList<>();
            for (int e = 0; e < 5; e++) {
                sheets.add(flat("e" + e, 60 + random.nextInt(5)));
            }
            candidates.add(candidate(id, sheets, random.nextInt(3), T0.plusSeconds(random.nextInt(3))));
        }
        List<Long> first = Ranking.rank(RUBRIC, candidates, 10).stream().map(r -> r.candidate().applicationId()).toList();
        Collections.shuffle(candidates, new Random(1));
        List<Long> second = Ranking.rank(RUBRIC, candidates, 10).stream().map(r -> r.candidate().applicationId()).toList();
        assertThat(second).isEqualTo(first).doesNotHaveDuplicates().hasSize(40);
        List<Ranking.Ranked> ranked = Ranking.rank(RUBRIC, candidates, 10);
        for (int i = 1; i < ranked.size(); i++) {
            assertThat(ranked.get(i - 1).score()).isGreaterThanOrEqualTo(ranked.get(i).score());
        }
    }

    @Test
    void rubricAndSheetsRefuseBadInput() {
        assertThatThrownBy(() -> new Rubric(Map.of(Criterion.FUTURE_FIT, BigDecimal.ONE))).hasMessageContaining("every criterion");
        Map<Criterion, BigDecimal> over = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            over.put(c, new BigDecimal("0.30"));
        }
        assertThatThrownBy(() -> new Rubric(over)).hasMessageContaining("sum to 1");
        assertThatThrownBy(() -> sheet("e", 101, 0, 0, 0, 0)).hasMessageContaining("0到100");
        assertThatThrownBy(() -> sheet("e", -1, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ranking.rank(RUBRIC, List.of(), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
