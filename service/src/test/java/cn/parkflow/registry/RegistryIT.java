package cn.parkflow.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.testsupport.AbstractIT;
import cn.parkflow.testsupport.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The public registry over HTTP against the demo registry. Expected results are computed from the
 * demo data itself ({@link DemoCarriers#carriers()}), not from the SQL under test. Other ITs share
 * the database and certify carriers of their own, so a filter must return every matching demo
 * carrier and nothing that does not match it.
 */
class RegistryIT extends AbstractIT {

    /** The demo carriers as the registry should hold them after seeding (upgrades raise the level). */
    record Expected(String name, City city, CarrierKind kind, Level level, Set<Industry> industries, CarrierStatus status,
            String operatorName, String creditCode, String address) {}

    static List<Expected> demo() {
        return DemoCarriers.carriers().stream().map(d -> new Expected(d.certify().carrierName(), d.certify().city(),
                d.certify().kind(), d.upgradeTo() != null ? d.upgradeTo() : d.certify().level(), d.certify().industries(),
                d.status(), d.certify().operatorName(), d.certify().creditCode().value(), d.certify().address())).toList();
    }

    static Set<String> names(Predicate<Expected> filter) {
        return demo().stream().filter(filter).map(Expected::name).collect(Collectors.toSet());
    }

    static final Set<String> DEMO_NAMES = names(e -> true);

    /** The demo carriers among the results; every result (demo or not) must satisfy {@code each}. */
    /** Every page of the filtered list (other ITs add carriers, so there may be more than one page). */
    Set<String> namesFrom(String query, Predicate<JsonNode> each) {
        Set<String> names = new HashSet<>();
        int seen = 0;
        int total;
        int page = 0;
        do {
            Http.Response response = anonymous().get("/api/registry/carriers?size=200&page=" + page++ + "&" + query);
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            total = response.json().path("totalElements").asInt();
            JsonNode content = response.json().path("content");
            assertThat(content.size() > 0 || total == 0).as("page %d of %s", page, query).isTrue();
            content.forEach(c -> {
                assertThat(each.test(c)).as("%s matches %s", c.path("name").asText(), query).isTrue();
                if (DEMO_NAMES.contains(c.path("name").asText())) {
                    names.add(c.path("name").asText());
                }
            });
            seen += content.size();
        } while (seen < total);
        assertThat(seen).isEqualTo(total);
        return names;
    }

    Set<String> namesFrom(String query) {
        return namesFrom(query, c -> true);
    }

    static Predicate<JsonNode> field(String name, String value) {
        return c -> value.equals(c.path(name).asText());
    }

    @Test
    void demoRegistryCoversEveryCityKindAndLevel() {
        JsonNode all = anonymous().get("/api/registry/carriers?size=200").json();
        assertThat(all.path("totalElements").asInt()).isGreaterThanOrEqualTo(demo().size()).isGreaterThanOrEqualTo(40);
        Set<String> cities = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        Set<String> levels = new HashSet<>();
        all.path("content").forEach(c -> {
            cities.add(c.path("city").asText());
            kinds.add(c.path("kind").asText());
            levels.add(c.path("level").asText());
        });
        assertThat(cities).hasSize(13);
        assertThat(kinds).hasSize(CarrierKind.values().length);
        assertThat(levels).containsExactlyInAnyOrder("CITY", "PROVINCIAL", "NATIONAL");
    }

    @Test
    void cityFilterReturnsOnlySuzhouCarriers() {
        Http.Response response = anonymous().get("/api/registry/carriers?city=320500&size=200");
        assertThat(response.status()).isEqualTo(200);
        JsonNode content = response.json().path("content");
        assertThat(content).isNotEmpty();
        content.forEach(c -> {
            assertThat(c.path("city").asText()).isEqualTo("320500");
            assertThat(c.path("cityName").asText()).isEqualTo("苏州市");
        });
        assertThat(namesFrom("city=320500", field("city", "320500"))).isEqualTo(names(e -> e.city() == City.SUZHOU));
    }

    @Test
    void everyFilterSelectsExactlyTheMatchingCarriers() {
        assertThat(namesFrom("kind=INCUBATOR", field("kind", "INCUBATOR"))).isEqualTo(names(e -> e.kind() == CarrierKind.INCUBATOR));
        assertThat(namesFrom("level=NATIONAL", field("level", "NATIONAL"))).isEqualTo(names(e -> e.level() == Level.NATIONAL)).isNotEmpty();
        assertThat(namesFrom("status=WARNING", field("status", "WARNING"))).isEqualTo(names(e -> e.status() == CarrierStatus.WARNING)).isNotEmpty();
        assertThat(namesFrom("industry=GENERAL_AI", c -> c.path("industries").toString().contains("GENERAL_AI")))
                .isEqualTo(names(e -> e.industries().contains(Industry.GENERAL_AI))).isNotEmpty();
        assertThat(namesFrom("city=320100&kind=NURSERY", field("city", "320100").and(field("kind", "NURSERY")))).isEqualTo(
                names(e -> e.city() == City.NANJING && e.kind() == CarrierKind.NURSERY));
        assertThat(namesFrom("title=BENCHMARK", c -> c.path("titles").toString().contains("BENCHMARK"))).isEqualTo(
                DemoCarriers.carriers().stream().filter(DemoCarriers.DemoCarrier::benchmark).map(d -> d.certify().carrierName())
                        .collect(Collectors.toSet())).isNotEmpty();
    }

    @Test
    void keywordMatchesNameOperatorAddressOrExactCreditCode() {
        assertThat(namesFrom("q=" + enc("量子"), c -> (c.path("name").asText() + c.path("operatorName").asText() + c.path("address").asText()).contains("量子"))).isEqualTo(names(e -> e.name().contains("量子") || e.operatorName().contains("量子")
                || e.address().contains("量子"))).isNotEmpty();
        Expected one = demo().get(7);
        assertThat(namesFrom("q=" + one.creditCode())).containsExactly(one.name());
        assertThat(namesFrom("q=" + one.creditCode().toLowerCase())).containsExactly(one.name());
        assertThat(namesFrom("q=" + enc("%"))).isEmpty(); // wildcards are literal
        assertThat(namesFrom("q=" + enc("_"))).isEmpty();
    }

    @Test
    void pagesAreStableAndCoverTheListOnce() {
        List<String> seen = new ArrayList<>();
        int totalPages = -1;
        for (int page = 0; totalPages < 0 || page < totalPages; page++) {
            JsonNode body = anonymous().get("/api/registry/carriers?size=7&sort=name,asc&page=" + page).json();
            totalPages = body.path("totalPages").asInt();
            assertThat(body.path("page").asInt()).isEqualTo(page);
            assertThat(body.path("size").asInt()).isEqualTo(7);
            assertThat(body.path("content").size()).isLessThanOrEqualTo(7);
            body.path("content").forEach(c -> seen.add(c.path("name").asText()));
        }
        int total = anonymous().get("/api/registry/carriers?size=1").json().path("totalElements").asInt();
        assertThat(totalPages).isEqualTo((total + 6) / 7);
        assertThat(seen).hasSize(total).doesNotHaveDuplicates().containsAll(DEMO_NAMES);
        assertThat(seen).isSortedAccordingTo(Comparator.naturalOrder());
        JsonNode beyond = anonymous().get("/api/registry/carriers?size=7&page=" + totalPages).json();
        assertThat(beyond.path("content")).isEmpty();
    }

    @Test
    void sortsDescendingByCity() {
        JsonNode body = anonymous().get("/api/registry/carriers?size=200&sort=city,desc").json();
        List<String> cities = new ArrayList<>();
        body.path("content").forEach(c -> cities.add(c.path("city").asText()));
        assertThat(cities).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void badParametersAreFieldErrors() {
        Http.Response city = anonymous().get("/api/registry/carriers?city=110100");
        assertThat(city.status()).isEqualTo(400);
        assertThat(city.header("content-type")).contains("application/problem+json");
        assertThat(city.json().path("errors").get(0).path("field").asText()).isEqualTo("city");
        Http.Response kind = anonymous().get("/api/registry/carriers?kind=CASTLE");
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.json().path("errors").get(0).path("field").asText()).isEqualTo("kind");
        assertThat(anonymous().get("/api/registry/carriers?size=0").status()).isEqualTo(400);
        assertThat(anonymous().get("/api/registry/carriers?size=201").status()).isEqualTo(400);
        assertThat(anonymous().get("/api/registry/carriers?sort=password").status()).isEqualTo(400);
    }

    @Test
    void carrierDetailsCarryCertificationsTitlesEvaluationsAndHistory() {
        DemoCarriers.DemoCarrier upgraded = DemoCarriers.carriers().stream().filter(d -> d.upgradeTo() != null).findFirst().orElseThrow();
        JsonNode list = anonymous().get("/api/registry/carriers?q=" + upgraded.certify().creditCode().value()).json();
        long id = list.path("content").get(0).path("id").asLong();
        Http.Response response = anonymous().get("/api/registry/carriers/" + id);
        assertThat(response.status()).isEqualTo(200);
        JsonNode details = response.json();
        assertThat(details.path("carrier").path("level").asText()).isEqualTo("NATIONAL");
        assertThat(details.path("certifications")).hasSize(2);
        assertThat(details.path("certifications").get(0).path("level").asText()).isEqualTo("PROVINCIAL");
        assertThat(details.path("certifications").get(1).path("level").asText()).isEqualTo("NATIONAL");
        assertThat(details.path("certifications").get(1).path("number").asText()).startsWith("JSN-INC-");
        assertThat(details.path("history")).extracting(h -> h.path("action").asText())
                .contains("CARRIER_REGISTERED", "CERTIFIED");
        assertThat(anonymous().get("/api/registry/carriers/999999").status()).isEqualTo(404);
    }

    @Test
    void xlsxExportHasChineseHeadersAndExactlyTheFilteredRows() throws Exception {
        Http.Response response = anonymous().get("/api/registry/carriers/export?format=xlsx&city=320500");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("content-type")).contains("spreadsheetml");
        assertThat(response.header("content-disposition")).contains("attachment").contains(".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("载体名称");
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("统一社会信用代码");
            Set<String> names = new HashSet<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                names.add(sheet.getRow(i).getCell(1).getStringCellValue());
                assertThat(sheet.getRow(i).getCell(6).getStringCellValue()).isEqualTo("苏州市");
            }
            assertThat(names).containsAll(names(e -> e.city() == City.SUZHOU));
            assertThat(names.size()).isEqualTo(anonymous().get("/api/registry/carriers?city=320500&size=1").json().path("totalElements").asInt());
        }
    }

    @Test
    void csvExportIsUtf8WithTheFilteredRows() throws Exception {
        Http.Response response = anonymous().get("/api/registry/carriers/export?format=csv&kind=ACCELERATOR");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("content-type")).contains("text/csv");
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF序号,载体名称");
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        assertThat(records.stream().map(r -> r.get("载体名称")).collect(Collectors.toSet()))
                .containsAll(names(e -> e.kind() == CarrierKind.ACCELERATOR));
        assertThat(records).hasSize(anonymous().get("/api/registry/carriers?kind=ACCELERATOR&size=1").json().path("totalElements").asInt());
        assertThat(records).allSatisfy(r -> assertThat(r.get("载体类型")).isEqualTo("科技企业加速器"));
        assertThat(anonymous().get("/api/registry/carriers/export?format=pdf").status()).isEqualTo(400);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
