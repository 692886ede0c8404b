package cn.parkflow.benchmark;

/** Names of the benchmark-selection process (its keys, task ids and variables; the README's API section). */
public final class BenchmarkProcess {

    public static final String KEY = "benchmark-selection";

    public static final String CITY_RECOMMENDATION_TASK = "CityRecommendationTask";
    public static final String EXPERT_SCORING_TASK = "ExpertScoringTask";
    public static final String PROVINCE_CONFIRM_TASK = "ProvinceConfirmTask";

    // variables
    public static final String CAMPAIGN_ID = "campaignId";
    public static final String DEADLINE = "deadline";
    public static final String RECOMMENDING_CITIES = "recommendingCities";
    public static final String CITY = "city";
    public static final String SCORING_ASSIGNMENTS = "scoringAssignments";
    public static final String ASSIGNMENT = "assignment";

    // city recommendation: the ordered list, one position per field (at most the city's quota are shown)
    public static final int MAX_POSITIONS = 30;
    public static final String RECOMMEND_PREFIX = "recommend";
    public static final String RECOMMENDATION_COMMENT = "recommendationComment";

    // expert scoring
    public static final String SCORE_PREFIX = "score_";
    public static final String SCORING_COMMENT = "scoringComment";

    // province confirmation: up to MAX_CHANGES changes, each an application and its reason
    public static final int MAX_CHANGES = 10;
    public static final String CONFIRM_DECISION = "confirmDecision";
    public static final String CHANGE_PREFIX = "change";
    public static final String REASON_SUFFIX = "Reason";

    public static final int DEFAULT_PANEL_SIZE = 5;

    private BenchmarkProcess() {}

    public static String subject(long campaignId) {
        return "CAMPAIGN-" + campaignId;
    }

    /** The process-variable name of a criterion's score, e.g. {@code score_FUTURE_FIT}. */
    public static String scoreVariable(Criterion criterion) {
        return SCORE_PREFIX + criterion.name();
    }

    /** A scoring assignment, one per (application, expert): {@code <applicationId>:<expert>}. */
    public static String assignment(long applicationId, String expert) {
        return applicationId + ":" + expert;
    }

    public static long assignedApplication(String assignment) {
        return Long.parseLong(assignment.substring(0, assignment.indexOf(':')));
    }

    public static String assignedExpert(String assignment) {
        return assignment.substring(assignment.indexOf(':') + 1);
    }
}
