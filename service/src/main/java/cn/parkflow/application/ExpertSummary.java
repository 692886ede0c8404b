package cn.parkflow.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per panel of experts: how many reviewed, the mean, lowest and highest score, and how many supported and opposed.
 * An expert who reviewed twice (a later round) counts once, with the latest review.
 */
public record ExpertSummary(String panel, String panelLabel, int count, BigDecimal mean, BigDecimal min, BigDecimal max,
        int support, int oppose) {

    /** One completed review. */
    public record Review(String panel, String expert, BigDecimal score, String opinion) {}

    static String label(String panel) {
        return switch (panel) {
            case "CITY" -> "市级专家评审";
            case "PROVINCE" -> "省级专家评审";
            default -> panel;
        };
    }

    /** The summaries of {@code reviews} (in the order they were made), panels in order of their first review. */
    public static List<ExpertSummary> of(List<Review> reviews) {
        Map<String, Map<String, Review>> latest = new LinkedHashMap<>();
        for (Review review : reviews) {
            latest.computeIfAbsent(review.panel(), p -> new LinkedHashMap<>()).put(review.expert(), review);
        }
        List<ExpertSummary> summaries = new ArrayList<>();
        latest.forEach((panel, byExpert) -> {
            List<Review> panelReviews = List.copyOf(byExpert.values());
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal min = null;
            BigDecimal max = null;
            int support = 0;
            for (Review r : panelReviews) {
                sum = sum.add(r.score());
                min = min == null || r.score().compareTo(min) < 0 ? r.score() : min;
                max = max == null || r.score().compareTo(max) > 0 ? r.score() : max;
                support += "SUPPORT".equals(r.opinion()) ? 1 : 0;
            }
            summaries.add(new ExpertSummary(panel, label(panel), panelReviews.size(),
                    sum.divide(BigDecimal.valueOf(panelReviews.size()), 2, RoundingMode.HALF_UP), min, max, support,
                    panelReviews.size() - support));
        });
        return List.copyOf(summaries);
    }

    /** In Chinese, for the reviewers' forms. */
    public String text() {
        return panelLabel + "：" + count + "位专家，平均分 " + mean.toPlainString() + "，最低 " + min.stripTrailingZeros().toPlainString()
                + "，最高 " + max.stripTrailingZeros().toPlainString() + "；支持 " + support + "，不支持 " + oppose;
    }
}
