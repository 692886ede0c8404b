package cn.parkflow.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.Certify;
import cn.parkflow.registry.City;
import cn.parkflow.registry.CreditCode;
import cn.parkflow.registry.Industry;
import cn.parkflow.registry.Level;
import cn.parkflow.registry.RegistryService;
import cn.parkflow.testsupport.AbstractIT;
import cn.parkflow.testsupport.Drafts;
import cn.parkflow.testsupport.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 在孵企业名单 as the operator files it and its reviewers read it: JSON, CSV with Chinese headers and xlsx; each bad line
 * refused with its field and nothing stored for it; a later import of the year replaces the roster; nobody but the
 * operator, its city and the province reads it, and the public registry shows none of it.
 */
class TenantRosterIT extends AbstractIT {

    static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 900_000));
    static final int YEAR = LocalDate.now().getYear() - 1;

    @Autowired
    RegistryService registry;

    @Autowired
    JdbcTemplate jdbc;

    /** A Nanjing incubator of applicant1's operator. */
    long carrier() {
        return registry.certify(new Certify(CreditCode.of(Drafts.APPLICANT1_CREDIT_CODE), "南京江北新区生命科学园发展有限公司",
                "名单测试孵化器" + UUID.randomUUID().toString().substring(0, 6), CarrierKind.INCUBATOR, Level.PROVINCIAL, City.NANJING,
                "南京市江北新区药谷大道11号", Set.of(Industry.CELL_GENE), "JIANGSU-2019", LocalDate.of(2022, 5, 1), null, null), "it").carrierId();
    }

    static String code() {
        return CreditCode.withCheckCharacter("91320100MA" + String.format("%07d", SERIAL.incrementAndGet() % 10_000_000)).value();
    }

    static Map<String, Object> tenant(String code, String name) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("creditCode", code);
        t.put("name", name);
        t.put("foundedDate", YEAR - 1 + "-03-01");
        t.put("entryDate", YEAR - 1 + "-09-01");
        t.put("industry", "CELL_GENE");
        t.put("highTech", false);
        t.put("investment", 1200000);
        t.put("revenue", 3500000.50);
        return t;
    }

    static Map<String, Object> with(Map<String, Object> t, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(t);
        copy.put(field, value);
        return copy;
    }

    String path(long carrier) {
        return "/api/registry/carriers/" + carrier + "/tenants/" + YEAR;
    }

    @Test
    void theOperatorFilesTheRosterAndOnlyItsCityAndTheProvinceReadIt() {
        long carrier = carrier();
        String first = code();
        Map<String, Object> graduate = with(with(tenant(code(), "南京细胞科技有限公司"), "graduatedDate", YEAR + "-06-30"),
                "graduationCriterion", "认定为高新技术企业");
        Http.Response put = as("applicant1").put(path(carrier), List.of(tenant(first, "南京基因科技有限公司"), graduate,
                tenant(code(), "南京合成生物有限公司")));
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(put.json().path("accepted")).hasSize(3);
        assertThat(put.json().path("rejected")).isEmpty();
        assertThat(put.json().path("replaced").asBoolean()).isFalse();

        JsonNode roster = as("applicant1").get(path(carrier)).json();
        assertThat(roster.path("tenantCount").asInt()).isEqualTo(3);
        assertThat(roster.path("tenants").get(0).path("creditCode").asText()).isEqualTo(first);
        assertThat(roster.path("tenants").get(0).path("industryLabel").asText()).isEqualTo("细胞和基因技术");
        assertThat(roster.path("tenants").get(1).path("graduationCriterion").asText()).isEqualTo("HIGH_TECH");
        assertThat(roster.path("tenants").get(0).path("revenue").decimalValue()).isEqualByComparingTo("3500000.50");
        assertThat(as("nanjing").get(path(carrier)).status()).isEqualTo(200);
        assertThat(as("province").get(path(carrier)).status()).isEqualTo(200);
        assertThat(as("suzhou").get(path(carrier)).status()).isEqualTo(403);
        assertThat(as("applicant2").get(path(carrier)).status()).isEqualTo(403);
        assertThat(anonymous().get(path(carrier)).status()).isEqualTo(401);
        // the public registry shows the carrier, none of its tenants
        String publicPage = anonymous().get("/api/registry/carriers/" + carrier).text();
        assertThat(publicPage).contains("名单测试孵化器").doesNotContain(first).doesNotContain("南京基因科技有限公司");
        // only the operator files; another year of nothing is 404
        assertThat(as("applicant2").put(path(carrier), List.of(tenant(code(), "无权报送"))).status()).isEqualTo(403);
        assertThat(as("nanjing").put(path(carrier), List.of(tenant(code(), "无权报送"))).status()).isEqualTo(403);
        assertThat(as("applicant1").get("/api/registry/carriers/" + carrier + "/tenants/2001").status()).isEqualTo(404);
        assertThat(as("applicant1").put("/api/registry/carriers/987654321/tenants/" + YEAR, List.of()).status()).isEqualTo(404);
        Http.Response early = as("applicant1").put("/api/registry/carriers/" + carrier + "/tenants/1999", List.of(tenant(code(), "x")));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().path("errors").get(0).path("field").asText()).isEqualTo("year");
    }

    @Test
    void everyBadLineIsRefusedWithItsFieldAndNothingIsStoredForIt() {
        long carrier = carrier();
        String good = code();
        String duplicate = code();
        List<Map<String, Object>> lines = List.of(
                tenant(good, "南京良好企业有限公司"),
                tenant("91320100MA1X2Y3W4Z", "校验码错误"),                                       // 2 bad credit code
                with(tenant(code(), "x"), "name", ""),                                            // 3 missing name
                with(tenant(code(), "未来入孵"), "entryDate", LocalDate.now().plusDays(3).toString()), // 4 future date
                with(tenant(code(), "先入孵后成立"), "entryDate", YEAR - 2 + "-01-01"),             // 5 entry before founding
                with(tenant(code(), "未知领域"), "industry", "ALCHEMY"),                           // 6 unknown industry
                tenant(duplicate, "重复企业"),                                                     // 7
                tenant(duplicate, "重复企业"),                                                     // 8 the same firm twice
                with(tenant(code(), "毕业无条件"), "graduatedDate", YEAR + "-05-01"),               // 9 a graduate without its criterion: kept, a finding of the check
                with(tenant(code(), "金额有误"), "investment", "-5"));                             // 10 negative amount
        Http.Response put = as("applicant1").put(path(carrier), lines);
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(put.json().path("accepted")).hasSize(3); // the good one, the first of the duplicates, the graduate without criterion
        Map<Integer, String> refused = new LinkedHashMap<>();
        put.json().path("rejected").forEach(r -> refused.put(r.path("row").asInt(), r.path("errors").get(0).path("field").asText()));
        assertThat(refused).containsExactlyInAnyOrderEntriesOf(Map.of(2, "creditCode", 3, "name", 4, "entryDate", 5, "entryDate",
                6, "industry", 8, "creditCode", 10, "investment"));
        assertThat(put.json().path("rejected").get(0).path("errors").get(0).path("detail").asText()).isNotBlank();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tenant_entry WHERE carrier_id = ? AND roster_year = ?", Integer.class, carrier, YEAR))
                .isEqualTo(3);
    }

    @Test
    void aLaterImportOfTheYearReplacesTheRosterAndOneWithNothingGoodChangesNothing() throws Exception {
        long carrier = carrier();
        String a = code();
        String b = code();
        String csv = "\uFEFF统一社会信用代码,企业名称,成立日期,入孵时间,所属产业领域,是否高新技术企业,当年获得投融资额（元）,当年营业收入（元）,毕业时间,毕业条件\n"
                + a + ",南京甲科技有限公司," + (YEAR - 1) + "-01-10," + (YEAR - 1) + "-02-01,细胞和基因技术,是,0,100000,,\n"
                + b + ",南京乙科技有限公司," + (YEAR - 1) + "-01-10," + (YEAR - 1) + "-02-01,CELL_GENE,否,5000000,0," + YEAR + "-08-01,INVESTMENT\n";
        Http.Response put = as("applicant1").putBody(path(carrier), "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(put.json().path("accepted")).hasSize(2);

        // the xlsx of the same year, with real date cells, replaces it
        String c = code();
        Http.Response xlsx = as("applicant1").uploadPut(path(carrier), "file", "在孵企业名单.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook(c));
        assertThat(xlsx.status()).as(xlsx.text()).isEqualTo(200);
        assertThat(xlsx.json().path("replaced").asBoolean()).isTrue();
        JsonNode roster = as("applicant1").get(path(carrier)).json();
        assertThat(roster.path("tenants")).hasSize(1);
        assertThat(roster.path("tenants").get(0).path("creditCode").asText()).isEqualTo(c);
        assertThat(roster.path("tenants").get(0).path("entryDate").asText()).isEqualTo(YEAR - 1 + "-04-15");
        assertThat(roster.path("source").asText()).isEqualTo("XLSX");

        // nothing good in it: the roster stays as it was
        Http.Response bad = as("applicant1").put(path(carrier), List.of(with(tenant(code(), "坏行"), "industry", "ALCHEMY")));
        assertThat(bad.json().path("accepted")).isEmpty();
        assertThat(as("applicant1").get(path(carrier)).json().path("tenants").get(0).path("creditCode").asText()).isEqualTo(c);

        // a CSV without a required column is one problem of the file
        Http.Response noColumn = as("applicant1").putBody(path(carrier), "text/csv", "统一社会信用代码,企业名称\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noColumn.status()).isEqualTo(400);
        assertThat(noColumn.json().path("errors").get(0).path("field").asText()).isEqualTo("file");
        assertThat(noColumn.json().path("errors").get(0).path("detail").asText()).contains("成立日期");
    }

    @Test
    void aFirmOnTwoRostersOfAYearIsListedForBothCitiesAndTheProvinceAndNoOtherCity() {
        long nanjing = carrier();
        long suzhou = registry.certify(new Certify(CreditCode.of(Drafts.APPLICANT2_CREDIT_CODE), "苏州工业园区纳米城发展有限公司",
                "名单测试苏州孵化器" + UUID.randomUUID().toString().substring(0, 6), CarrierKind.INCUBATOR, Level.PROVINCIAL, City.SUZHOU,
                "苏州工业园区金鸡湖大道99号", Set.of(Industry.CELL_GENE), "JIANGSU-2019", LocalDate.of(2022, 5, 1), null, null), "it").carrierId();
        String twice = code();
        String moved = code();
        int year = YEAR - 1;
        Map<String, Object> inNanjing = with(with(tenant(twice, "两地在孵科技有限公司"), "entryDate", year - 1 + "-09-01"), "foundedDate", year - 1 + "-03-01");
        Map<String, Object> left = with(with(with(tenant(moved, "先后迁移科技有限公司"), "entryDate", year - 1 + "-09-01"), "foundedDate",
                year - 1 + "-03-01"), "exitDate", year + "-03-31");
        assertThat(as("applicant1").put("/api/registry/carriers/" + nanjing + "/tenants/" + year, List.of(inNanjing, left)).json()
                .path("accepted")).hasSize(2);
        Map<String, Object> inSuzhou = with(tenant(twice, "两地在孵科技有限公司"), "entryDate", year + "-06-01");
        Map<String, Object> arrived = with(tenant(moved, "先后迁移科技有限公司"), "entryDate", year + "-04-01");
        for (Map<String, Object> t : List.of(inSuzhou, arrived)) {
            t.put("foundedDate", year - 1 + "-03-01");
        }
        Http.Response filed = as("applicant2").put("/api/registry/carriers/" + suzhou + "/tenants/" + year, List.of(inSuzhou, arrived));
        assertThat(filed.json().path("accepted")).as(filed.text()).hasSize(2);

        for (String reviewer : List.of("province", "nanjing", "suzhou")) {
            Http.Response list = as(reviewer).get("/api/tenants/duplicates?year=" + year);
            assertThat(list.status()).as(reviewer).isEqualTo(200);
            JsonNode pair = find(list.json(), twice);
            assertThat(pair).as("%s sees the firm counted twice", reviewer).isNotNull();
            assertThat(pair.path("first").path("carrierId").asLong()).isEqualTo(Math.min(nanjing, suzhou));
            assertThat(pair.path("overlapFrom").asText()).isEqualTo(year + "-06-01");
            assertThat(pair.path("overlapUntil").asText()).isEqualTo(year + "-12-31");
            assertThat(pair.path("overlapDays").asLong()).isEqualTo(214);
            // a firm that left one and then entered the other is listed, with no day claimed by both
            assertThat(find(list.json(), moved).path("overlapDays").asLong()).isZero();
        }
        assertThat(find(as("wuxi").get("/api/tenants/duplicates?year=" + year).json(), twice)).isNull();
        assertThat(as("applicant1").get("/api/tenants/duplicates?year=" + year).status()).isEqualTo(403);
    }

    static JsonNode find(JsonNode list, String code) {
        for (JsonNode pair : list) {
            if (code.equals(pair.path("creditCode").asText())) {
                return pair;
            }
        }
        return null;
    }

    static byte[] workbook(String code) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("在孵企业");
            List<String> headers = new ArrayList<>(TenantColumns.HEADERS.values());
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
            }
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(code);
            row.createCell(1).setCellValue("南京丙科技有限公司");
            row.createCell(2).setCellValue(LocalDate.of(YEAR - 1, 3, 1));
            row.getCell(2).setCellStyle(date);
            row.createCell(3).setCellValue(LocalDate.of(YEAR - 1, 4, 15));
            row.getCell(3).setCellStyle(date);
            row.createCell(4).setCellValue("细胞和基因技术");
            row.createCell(5).setCellValue("否");
            row.createCell(6).setCellValue(250000);
            row.createCell(7).setCellValue(800000);
            book.write(out);
            return out.toByteArray();
        }
    }
}
