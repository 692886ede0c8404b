package cn.parkflow.evaluation;

/** Names of the annual-evaluation and carrier-evaluation processes. */
public final class EvaluationProcess {

    public static final String KEY = "annual-evaluation";
    public static final String CARRIER_KEY = "carrier-evaluation";
    /** One batch of a run's carriers ({@code parkflow.evaluation.batch-size}), called per batch by the run. */
    public static final String BATCH_KEY = "carrier-evaluation-batch";
    /** The message start event of a run started through the API (the other start is the yearly timer). */
    public static final String START_MESSAGE = "EvaluationRequested";

    public static final String ANNUAL_REPORT_TASK = "AnnualReportTask";
    public static final String CITY_CONFIRM_TASK = "CityConfirmTask";
    public static final String REVOCATION_TASK = "RevocationTask";

    public static final String YEAR = "year";
    public static final String CARRIER_ID = "carrierId";
    /** The carriers of one batch (in carrier-evaluation-batch). */
    public static final String CARRIERS = "carriers";
    public static final String CARRIER_BATCHES = "carrierBatches";
    public static final String CARRIER_COUNT = "carrierCount";
    public static final String CITIES = "cities";
    public static final String CITY = "city";
    public static final String REVOCATIONS = "revocations";
    public static final String REVOCATION_CARRIER = "revocationCarrier";
    public static final String REPORT_PERIOD = "reportPeriod";
    public static final String HAS_REPORT = "hasReport";
    public static final String OPERATOR_USERS = "operatorUsers";
    public static final String REPORT_IMPORTED = "reportImported";
    public static final String NARRATIVE = "narrative";

    // city confirmation: up to MAX_CHANGES changes, each a carrier, its new rating and the reason
    public static final int MAX_CHANGES = 10;
    public static final String CONFIRM_DECISION = "confirmDecision";
    public static final String CHANGE_PREFIX = "change";
    public static final String RATING_SUFFIX = "Rating";
    public static final String REASON_SUFFIX = "Reason";

    // revocation
    public static final String REVOKE = "revoke";
    public static final String REVOCATION_REASON = "revocationReason";

    private EvaluationProcess() {}

    public static String businessKey(int year) {
        return "EVAL-" + year;
    }

    public static String carrierBusinessKey(int year, long carrierId) {
        return "EVAL-" + year + "-" + carrierId;
    }
}
