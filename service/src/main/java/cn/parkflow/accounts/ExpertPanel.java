package cn.parkflow.accounts;

import cn.parkflow.registry.City;
import cn.parkflow.registry.Industry;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may review what, and the random drawing of panels, the same for every process that draws experts
 * (certification, benchmark panels, a city's own expert review). An expert of the pool is eligible for a
 * subject unless it is deactivated, its home city is unknown or is the subject's city (not for a city's own
 * panel), its employer is the subject's operator, or it declared the operator a conflict. Drawing prefers experts whose industries
 * meet the subject's, and falls back to any eligible expert when too few do, saying so.
 */
@Component
public class ExpertPanel {

    /**
     * What is being reviewed: the carrier's city, its operator's credit code and its industries. A city's own
     * panel ({@code sameCityAllowed}) may seat experts of that city; every other rule holds.
     */
    public record Subject(City city, String creditCode, Set<Industry> industries, boolean sameCityAllowed) {
        public Subject {
            industries = industries == null ? Set.of() : Set.copyOf(industries);
        }

        public Subject(City city, String creditCode, Set<Industry> industries) {
            this(city, creditCode, industries, false);
        }

        /** The same subject for the city's own expert review, where the home-city rule does not apply. */
        public Subject forCityPanel() {
            return new Subject(city, creditCode, industries, true);
        }
    }

    /** An expert of the pool with what the eligibility rule looks at. */
    public record Expert(String id, String name, City homeCity, String employerCreditCode, Set<Industry> industries,
            Set<String> conflicts, boolean active) {

        /** As the reviewer's list shows it: name, home city and industries. */
        public String label() {
            return name + "（" + (homeCity == null ? "未登记常住城市" : homeCity.label())
                    + (industries.isEmpty() ? "" : "，" + industries.stream().sorted().map(Industry::label).collect(Collectors.joining("、")))
                    + "）";
        }

        boolean knows(Subject subject) {
            return industries.stream().anyMatch(subject.industries()::contains);
        }
    }

    /** An expert a reviewer may choose, as the form lists it. */
    public record Candidate(String value, String label) {}

    /** A drawn panel; {@code note} says, in Chinese, when too few experts of the subject's industries were found. */
    public record Draw(List<String> experts, int matching, String note) {}

    private final ExpertRepository rows;
    private final Random random;

    @org.springframework.beans.factory.annotation.Autowired
    ExpertPanel(ExpertRepository rows) {
        this(rows, new SecureRandom());
    }

    ExpertPanel(ExpertRepository rows, Random random) {
        this.rows = rows;
        this.random = random;
    }

    /** The whole pool, read once (draw from this list for many subjects). */
    @Transactional(readOnly = true)
    public List<Expert> experts() {
        return rows.findAllByOrderByUsernameAsc().stream().map(ExpertPanel::expert).toList();
    }

    /** The eligible experts, those of the subject's industries first. */
    public List<Candidate> candidates(Subject subject) {
        return experts().stream().filter(e -> conflict(e, subject) == null)
                .sorted(Comparator.comparing((Expert e) -> !e.knows(subject)).thenComparing(Expert::id))
                .map(e -> new Candidate(e.id(), e.label())).toList();
    }

    /** Why this user may not review the subject, in Chinese, or null when it may. */
    @Transactional(readOnly = true)
    public String conflict(String userId, Subject subject) {
        Optional<ExpertRow> row = rows.findByUsername(userId);
        return row.isEmpty() ? userId + " 不在专家库中" : conflict(expert(row.get()), subject);
    }

    /** Why this expert may not review the subject, or null. */
    public static String conflict(Expert expert, Subject subject) {
        if (!expert.active()) {
            return expert.id() + " 已停用";
        }
        if (expert.homeCity() == null && !subject.sameCityAllowed()) {
            return expert.id() + " 未登记常住城市，无法核对回避关系";
        }
        if (!subject.sameCityAllowed() && expert.homeCity().equals(subject.city())) {
            return expert.id() + " 与申报单位同属" + subject.city().label() + "，需回避";
        }
        if (subject.creditCode() != null && subject.creditCode().equals(expert.employerCreditCode())) {
            return expert.id() + " 任职于申报运营机构，需回避";
        }
        if (subject.creditCode() != null && expert.conflicts().contains(subject.creditCode())) {
            return expert.id() + " 已声明与申报运营机构存在利益关系，需回避";
        }
        return null;
    }

    /** Draws {@code count} experts for the subject from the pool. */
    public Draw draw(Subject subject, int count) {
        return draw(experts(), subject, count, Set.of());
    }

    /**
     * Draws {@code count} experts for the subject, none of {@code avoid} (the members of an earlier panel on the same
     * subject) while enough others are eligible; otherwise from all eligible experts, saying so.
     */
    public Draw drawAvoiding(Subject subject, int count, Set<String> avoid) {
        List<Expert> pool = experts();
        long others = pool.stream().filter(e -> !avoid.contains(e.id()) && conflict(e, subject) == null).count();
        if (others >= count || avoid.isEmpty()) {
            return draw(pool, subject, count, avoid);
        }
        Draw draw = draw(pool, subject, count, Set.of());
        String note = "无利益冲突且未参加前一轮评审的专家不足" + count + "名，允许前一轮评审专家参加";
        return new Draw(draw.experts(), draw.matching(), draw.note() == null ? note : draw.note() + "；" + note);
    }

    /**
     * Draws {@code count} eligible experts from {@code pool}, none of {@code excluded} (a panel's members);
     * first among those of the subject's industries, then among the rest. Fails when fewer are eligible.
     */
    public Draw draw(Collection<Expert> pool, Subject subject, int count, Set<String> excluded) {
        List<String> matching = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Expert e : pool) {
            if (!excluded.contains(e.id()) && conflict(e, subject) == null) {
                (e.knows(subject) ? matching : others).add(e.id());
            }
        }
        if (matching.size() + others.size() < count) {
            throw new IllegalStateException("only " + (matching.size() + others.size()) + " experts without conflict of interest for "
                    + subject.city().code() + "/" + subject.creditCode() + "; " + count
                    + " are needed (the province adds or reactivates experts in the pool, then retries the job)");
        }
        Collections.shuffle(matching, random);
        Collections.shuffle(others, random);
        List<String> drawn = new ArrayList<>(matching.subList(0, Math.min(count, matching.size())));
        int matched = drawn.size();
        drawn.addAll(others.subList(0, count - matched));
        String note = matched == count || subject.industries().isEmpty() ? null
                : "专业领域与申报相符的专家" + (matched == 0 ? "无" : "仅" + matched + "名") + "，另从其他无回避关系的专家中抽取" + (count - matched) + "名";
        return new Draw(List.copyOf(drawn), matched, note);
    }

    static Expert expert(ExpertRow row) {
        return new Expert(row.username, row.displayName, row.homeCity == null ? null : City.find(row.homeCity).orElse(null),
                row.employerCreditCode,
                row.industries.stream().map(i -> Industry.valueOf(i.industry())).collect(Collectors.toUnmodifiableSet()),
                row.conflicts.stream().map(ExpertConflict::creditCode).collect(Collectors.toUnmodifiableSet()), row.active);
    }
}
