package cn.parkflow.tenant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a roster line: the API's names (JSON) and the Chinese headers of a CSV or xlsx, worded as the torch
 * statistics' tenant table (在孵企业) words them where it has the column.
 */
final class TenantColumns {

    /** API field → Chinese header, in the order of a roster's columns. */
    static final Map<String, String> HEADERS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("creditCode", "统一社会信用代码");
        m.put("name", "企业名称");
        m.put("foundedDate", "成立日期");
        m.put("entryDate", "入孵时间");
        m.put("industry", "所属产业领域");
        m.put("highTech", "是否高新技术企业");
        m.put("investment", "当年获得投融资额（元）");
        m.put("revenue", "当年营业收入（元）");
        m.put("graduatedDate", "毕业时间");
        m.put("graduationCriterion", "毕业条件");
        m.put("exitDate", "离孵时间");
        m.put("exitReason", "离孵原因");
        m.put("movedToCreditCode", "迁入载体运营机构统一社会信用代码");
        HEADERS = java.util.Collections.unmodifiableMap(m);
    }

    /** The fields every line must have. */
    static final List<String> REQUIRED = List.of("creditCode", "name", "foundedDate", "entryDate", "industry", "highTech",
            "investment", "revenue");

    /** Chinese header → API field. */
    static final Map<String, String> FIELDS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        HEADERS.forEach((field, header) -> m.put(header, field));
        FIELDS = java.util.Collections.unmodifiableMap(m);
    }

    private TenantColumns() {}

    static List<String> requiredHeaders() {
        return REQUIRED.stream().map(HEADERS::get).toList();
    }
}
