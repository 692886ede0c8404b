package cn.parkflow.benchmark;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** One expert's scores of one application, 0–100 per criterion. */
public record ScoreSheet(String expert, Map<Criterion, Integer> scores) {

    public ScoreSheet {
        Objects.requireNonNull(expert, "expert");
        EnumMap<Criterion, Integer> copy = new EnumMap<>(Criterion.class);
        copy.putAll(scores);
        for (Criterion c : Criterion.values()) {
            Integer s = copy.get(c);
            if (s == null || s < 0 || s > 100) {
                throw new IllegalArgumentException(c.label() + "的评分应为0到100之间的整数");
            }
        }
        scores = Map.copyOf(copy);
    }
}
