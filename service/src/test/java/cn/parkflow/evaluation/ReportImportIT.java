package cn.parkflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.Certify;
import cn.parkflow.registry.City;
import cn.parkflow.registry.CreditCode;
import cn.parkflow.registry.Industry;
import cn.parkflow.registry.Level;
import cn.parkflow.registry.RegistryService;
import cn.parkflow.testsupport.AbstractIT;
import cn.parkflow.testsupport.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Importing annual statistics over HTTP on MariaDB: good rows stored, each bad row refused with its exact reasons, nothing of it stored. */
class ReportImportIT extends AbstractIT {

    static final String HEADER = "统一社会信用代码,载体名称,在孵企业数,累计毕业企业数,在孵高新技术企业数,在孵企业当年获得投融资总额,创业导师数,年举办创新创业活动次数,专业孵化服务人员占比";

    @Autowired RegistryService registry;
    @Autowired JdbcTemplate jdbc;

    String code() {
        return CreditCode.withCheckCharacter("91320100MA" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000))).value();
    }

    long carrier(String code, String name) {
        return registry.certify(new Certify(CreditCode.of(code), "运营机构" + name, name, CarrierKind.INCUBATOR, Level.PROVINCIAL,
                City.NANJING, "南京市鼓楼区1号", Set.of(Industry.QUANTUM), "JIANGSU-2019", LocalDate.of(2021, 1, 1), null, null), "it").carrierId();
    }

    Http.Response csv(String user, int year, String body) {
        return anonymous().as(user, DEMO_PASSWORD).postBody("/api/evaluations/" + year + "/reports", "text/csv",
                ("\uFEFF" + body).getBytes(StandardCharsets.UTF_8));
    }

    int reports(long carrier, int year) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM annual_report WHERE carrier_id = ? AND report_year = ?", Integer.class, carrier, year);
    }

    @Test
    void goodRowsAreStoredAndEachBadRowIsRefusedWithItsReasons() {
        String a = code(), b = code(), twin = code(), unknown = code();
        long carrierA = carrier(a, "导入甲孵化器");
        long carrierB = carrier(b, "导入乙孵化器");
        long twin1 = carrier(twin, "双载体一号");
        carrier(twin, "双载体二号");
        String body = String.join("\n",
                HEADER,
                a + ",导入甲孵化器,60,31,12,52000000,21,30,0.6",                       // line 2: accepted
                unknown + ",,40,10,3,1000000,6,12,0.4",                                // line 3: unknown credit code
                b + ",导入乙孵化器,40,,3,1000000,6,12,0.4",                             // line 4: missing field
                b + ",导入乙孵化器,40,10,3,1000000,6,12,1.4",                           // line 5: share out of range
                a + ",导入甲孵化器,61,31,12,52000000,21,30,0.6",                       // line 6: duplicate of line 2
                twin + ",,40,10,3,1000000,6,12,0.4",                                    // line 7: ambiguous operator
                twin + ",双载体一号,40,10,-3,1000000,6,12,abc",                          // line 8: two problems
                twin + ",双载体一号,40,10,3,1000000,6,12,0.4");                          // line 9: accepted
        Http.Response r = csv("province", 2025, body);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode result = r.json();
        assertThat(result.path("total").asInt()).isEqualTo(8);
        List<Integer> acceptedRows = new ArrayList<>();
        result.path("accepted").forEach(n -> acceptedRows.add(n.path("row").asInt()));
        assertThat(acceptedRows).containsExactly(2, 9);
        Map<Integer, List<String>> rejected = new LinkedHashMap<>();
        result.path("rejected").forEach(n -> {
            List<String> errors = new ArrayList<>();
            n.path("errors").forEach(e -> errors.add(e.path("field").asText() + ": " + e.path("detail").asText()));
            rejected.put(n.path("row").asInt(), errors);
        });
        assertThat(rejected.keySet()).containsExactly(3, 4, 5, 6, 7, 8);
        assertThat(rejected.get(3)).containsExactly("统一社会信用代码: 载体名录中没有该统一社会信用代码的载体：" + unknown);
        assertThat(rejected.get(4)).containsExactly("累计毕业企业数: 缺少累计毕业企业数");
        assertThat(rejected.get(5)).containsExactly("专业孵化服务人员占比: 专业孵化服务人员占比应在0到1之间：1.4");
        assertThat(rejected.get(6)).containsExactly("统一社会信用代码: 与第2行为同一载体，重复");
        assertThat(rejected.get(7)).containsExactly("载体名称: 该信用代码下有多个载体，请填写载体名称");
        assertThat(rejected.get(8)).containsExactly("在孵高新技术企业数: 在孵高新技术企业数不能为负数：-3",
                "专业孵化服务人员占比: 专业孵化服务人员占比应为数字：abc");

        assertThat(reports(carrierA, 2025)).isEqualTo(1);
        assertThat(reports(twin1, 2025)).isEqualTo(1);
        assertThat(reports(carrierB, 2025)).isZero(); // its two rows were refused: nothing stored
        assertThat(jdbc.queryForObject("SELECT indicators FROM annual_report WHERE carrier_id = ? AND report_year = 2025", String.class, carrierA))
                .contains("\"tenantCount\":60").doesNotContain("61");

        // a second import of the same carrier replaces its report; JSON works the same way
        Http.Response again = as("province").post("/api/evaluations/2025/reports", List.of(
                Map.of("creditCode", a, "tenantCount", 70, "graduatedCount", 31, "highTechTenants", 12, "investmentRaised", 52000000,
                        "mentorCount", 21, "eventsPerYear", 30, "professionalStaffShare", 0.6),
                Map.of("creditCode", b, "tenantCount", 70)));
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().path("accepted").get(0).path("replaced").asBoolean()).isTrue();
        assertThat(again.json().path("rejected").get(0).path("errors").size()).isEqualTo(6);
        assertThat(reports(carrierA, 2025)).isEqualTo(1);
        assertThat(reports(carrierB, 2025)).isZero();
    }

    @Test
    void onlyTheProvinceImportsAndAFileWithoutTheRequiredColumnsIsRefusedWhole() {
        assertThat(csv("nanjing", 2025, HEADER).status()).isEqualTo(403);
        Http.Response noColumns = csv("province", 2025, "统一社会信用代码,在孵企业数\n" + code() + ",3");
        assertThat(noColumns.status()).isEqualTo(400);
        assertThat(noColumns.json().path("errors").get(0).path("field").asText()).isEqualTo("file");
        assertThat(noColumns.json().path("errors").get(0).path("detail").asText()).contains("累计毕业企业数");
        Http.Response future = csv("province", LocalDate.now().getYear() + 1, HEADER);
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().path("errors").get(0).path("field").asText()).isEqualTo("year");
    }
}
