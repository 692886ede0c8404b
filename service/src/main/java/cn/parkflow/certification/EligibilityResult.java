package cn.parkflow.certification;

import java.util.List;

/** Which rule set decided, and what failed (Chinese). Ineligibility flags an application; it does not hide it. */
public record EligibilityResult(String ruleSet, String ruleSetName, boolean eligible, List<String> failedCriteria) {

    public EligibilityResult {
        failedCriteria = List.copyOf(failedCriteria);
    }

    public String summary() {
        return eligible ? "符合认定条件（" + ruleSetName + "）"
                : "不符合认定条件（" + ruleSetName + "）：" + String.join("；", failedCriteria);
    }
}
