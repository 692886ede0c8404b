package cn.parkflow.evaluation;

import cn.parkflow.registry.Indicator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of an annual-report import, headed in Chinese as the torch statistics (火炬统计) name
 * them. A carrier is identified by its operator's credit code, and by its name when the operator
 * runs more than one carrier.
 */
final class ReportColumns {

    static final String CREDIT_CODE = "统一社会信用代码";
    static final String CARRIER_NAME = "载体名称";

    /** The indicators the rating reads; every one is required in a report. */
    static final List<String> RATED = List.of("tenantCount", "graduatedCount", "highTechTenants", "investmentRaised",
            "mentorCount", "eventsPerYear", "professionalStaffShare");

    /** Indicators a report may carry besides, for the registry and later years. */
    static final List<String> OPTIONAL = List.of("annualRevenue", "incubationArea", "staffCount", "validIpTenantShare");

    /** Header (Chinese) to indicator key, for the rated and the optional indicators. */
    static final Map<String, String> BY_HEADER;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        for (String key : RATED) {
            m.put(Indicator.valueOf(key).label(), key);
        }
        for (String key : OPTIONAL) {
            m.put(Indicator.valueOf(key).label(), key);
        }
        BY_HEADER = Map.copyOf(m);
    }

    private ReportColumns() {}
}
