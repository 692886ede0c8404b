package cn.parkflow.identity;

import cn.parkflow.registry.City;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The Camunda group ids of DOMAIN.md §3. */
public final class Roles {

    public static final String APPLICANT = "applicant";
    public static final String PROVINCE_REVIEWER = "province-reviewer";
    public static final String PROVINCE_APPROVER = "province-approver";
    public static final String EXPERT = "expert";
    public static final String ADMIN = "camunda-admin";
    public static final String CITY_PREFIX = "city-";

    /** Camunda user-info keys (ACT_ID_INFO) holding what the identity tables have no column for. */
    public static final String INFO_OPERATOR_CREDIT_CODE = "operatorCreditCode";
    /** Set for self-registered operator accounts: PENDING until the city approves, ACTIVE, or REJECTED. */
    public static final String INFO_REGISTRATION = "registrationStatus";
    public static final String INFO_MOBILE = "mobile";
    /** Set ("true") on an account holding a one-time initial password, until its user changes it. */
    public static final String INFO_PASSWORD_CHANGE_REQUIRED = cn.parkflow.workflow.Directory.INFO_PASSWORD_CHANGE_REQUIRED;

    private Roles() {}

    public static List<String> cityGroups() {
        return Arrays.stream(City.values()).map(City::reviewerGroup).toList();
    }

    /** Every group parkflow routes work to, admin excluded. */
    public static List<String> workGroups() {
        return Stream.concat(Stream.of(APPLICANT, PROVINCE_REVIEWER, PROVINCE_APPROVER, EXPERT), cityGroups().stream()).toList();
    }
}
