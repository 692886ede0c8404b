package cn.parkflow.change;

/** Names of the change-report process (变更备案): its key, task ids and variables (the README's process contract). */
public final class ChangeProcess {

    public static final String KEY = "carrier-change";

    public static final String CITY_CHANGE_CHECK_TASK = "CityChangeCheckTask";
    public static final String PROVINCE_CHANGE_CONFIRM_TASK = "ProvinceChangeConfirmTask";
    public static final String CHANGE_REVOCATION_TASK = "ChangeRevocationTask";

    // set at the start
    public static final String CHANGE_ID = "changeId";
    public static final String CARRIER_ID = "carrierId";
    public static final String CITY_GROUP = "cityGroup";

    // task answers
    public static final String CHANGE_CHECK = "changeCheck";
    public static final String CHANGE_COMMENT = "changeComment";
    /** With {@code changeCheck=REJECT}: the city found fraud; the operator is barred and the approver decides on revocation. */
    public static final String FRAUD_FOUND = "fraudFound";
    public static final String CHANGE_CONFIRM = "changeConfirm";
    public static final String CHANGE_CONFIRM_COMMENT = "changeConfirmComment";
    public static final String REVOKE = "revoke";
    public static final String REVOCATION_REASON = "revocationReason";

    private ChangeProcess() {}

    public static String businessKey(long changeId) {
        return "CHANGE-" + changeId;
    }
}
