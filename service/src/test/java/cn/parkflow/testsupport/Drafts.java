package cn.parkflow.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Application drafts as an operator's client would send them. */
public final class Drafts {

    /** applicant1's operator (the demo data's first operator) and applicant2's. */
    public static final String APPLICANT1_CREDIT_CODE = cn.parkflow.registry.CreditCode.withCheckCharacter("91320100MA1X2Y3W4").value();
    public static final String APPLICANT2_CREDIT_CODE = cn.parkflow.registry.CreditCode.withCheckCharacter("91320500MA1P2Q3R4").value();

    private Drafts() {}

    /** A Nanjing provincial incubator that meets JIANGSU-2019. */
    public static Map<String, Object> nanjingIncubator() {
        Map<String, Object> indicators = new LinkedHashMap<>();
        indicators.put("operatingYears", 4);
        indicators.put("statisticsYears", 3);
        indicators.put("incubationArea", 12000);
        indicators.put("tenantAreaShare", 0.8);
        indicators.put("seedFund", 6000000);
        indicators.put("fundedTenantShare", 0.15);
        indicators.put("fundUseCases", 4);
        indicators.put("staffCount", 20);
        indicators.put("professionalStaffShare", 0.85);
        indicators.put("mentorCount", 12);
        indicators.put("tenantCount", 60);
        indicators.put("patentTenantShare", 0.55);
        indicators.put("validIpTenantShare", 0.4);
        indicators.put("graduatedCount", 25);
        indicators.put("specialised", false);
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("kind", "INCUBATOR");
        draft.put("level", "PROVINCIAL");
        draft.put("carrierName", "南京江北新区生命科学园孵化器");
        draft.put("operatorName", "南京江北新区生命科学园发展有限公司");
        draft.put("creditCode", APPLICANT1_CREDIT_CODE);
        draft.put("city", "320100");
        draft.put("industries", List.of("CELL_GENE", "SYNTHETIC_BIOLOGY"));
        draft.put("address", "南京市江北新区药谷大道11号");
        draft.put("indicators", indicators);
        return draft;
    }

    public static Map<String, Object> with(Map<String, Object> draft, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(draft);
        copy.put(field, value);
        return copy;
    }
}
