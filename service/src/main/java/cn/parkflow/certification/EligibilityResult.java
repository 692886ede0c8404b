package cn.parkflow.certification;

import java.util.List;

/**
 * Which rule set decided, with which deployed version of its decision table ({@code table}, e.g.
 * {@code EligibilityIncubator v3}; null when no rule set applied), and what failed (Chinese). Ineligibility flags
 * an application; it does not hide it.
 */
public record EligibilityResult(String ruleSet, String ruleSetName, String table, boolean eligible, List<String> failedCriteria) {

    public EligibilityResult {
        failedCriteria = List.copyOf(failedCriteria);
    }

    public String summary() {
        String basis = ruleSetName + (table == null ? "" : "，" + table);
        return eligible ? "符合认定条件（" + basis + "）" : "不符合认定条件（" + basis + "）：" + String.join("；", failedCriteria);
    }
}
