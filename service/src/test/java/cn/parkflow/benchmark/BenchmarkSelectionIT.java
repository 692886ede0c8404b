package cn.parkflow.benchmark;

import static cn.parkflow.testsupport.CertificationDriver.await;
import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.Certify;
import cn.parkflow.registry.City;
import cn.parkflow.registry.CreditCode;
import cn.parkflow.registry.Industry;
import cn.parkflow.registry.Level;
import cn.parkflow.registry.RegistryService;
import cn.parkflow.testsupport.AbstractIT;
import cn.parkflow.testsupport.CertificationDriver;
import cn.parkflow.testsupport.Drafts;
import cn.parkflow.testsupport.Http;
import cn.parkflow.testsupport.PdfText;
import cn.parkflow.testsupport.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A whole benchmark campaign over HTTP on MariaDB and S3Proxy: 30 applicants in five cities with
 * small quotas, city recommendations, five experts per recommended carrier, confirmation,
 * publication with an upheld objection, and the titles in the registry.
 */
class BenchmarkSelectionIT extends AbstractIT {

    static final List<City> CITIES = List.of(City.NANJING, City.WUXI, City.CHANGZHOU, City.SUZHOU, City.YANGZHOU);

    @Autowired
    RegistryService registry;

    CertificationDriver driver() {
        return new CertificationDriver(this::as);
    }

    @Test
    void aCampaignWithThirtyApplicantsInFiveCitiesRunsToTheTitles() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", 2026);
        body.put("title", "标杆孵化器遴选 " + tag);
        body.put("totalQuota", 6);
        Map<String, Integer> quotas = new LinkedHashMap<>();
        CITIES.forEach(c -> quotas.put(c.code(), 2));
        quotas.put(City.XUZHOU.code(), 1); // a quota, but nobody applies
        body.put("cityQuotas", quotas);
        body.put("deadline", OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(25).toString());
        Http.Response opened = as("province").post("/api/benchmark/campaigns", body);
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        long id = opened.json().path("id").asLong();
        String base = "/api/benchmark/campaigns/" + id;

        // 30 applicants, six per city; one ineligible carrier refused with its reasons
        Http applicant = as("applicant1");
        Map<City, List<Long>> applications = new LinkedHashMap<>();
        Map<Long, Long> carrierOf = new HashMap<>();
        int n = 0;
        for (City city : CITIES) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                long carrier = carrier(city, "标杆候选孵化器" + tag + "-" + city.name() + i, CarrierKind.INCUBATOR, Set.of(Industry.HYDROGEN));
                Http.Response r = applicant.post(base + "/applications", Map.of("carrierId", carrier,
                        "indicators", Map.of("tenantCount", 40 + n, "highTechTenants", n % 9, "graduatedCount", 12)));
                assertThat(r.status()).as(r.text()).isEqualTo(201);
                ids.add(r.json().path("id").asLong());
                carrierOf.put(r.json().path("id").asLong(), carrier);
                n++;
            }
            applications.put(city, ids);
        }
        long nursery = carrier(City.NANJING, "众创空间" + tag, CarrierKind.NURSERY, Set.of(Industry.HYDROGEN));
        Http.Response refused = applicant.post(base + "/applications", Map.of("carrierId", nursery));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("reasons").toString()).contains("须为科技企业孵化器");
        Http.Response badIndicator = applicant.post(base + "/applications", Map.of("carrierId", nursery, "indicators", Map.of("tenantCount", -3)));
        assertThat(badIndicator.status()).as(badIndicator.text()).isEqualTo(400);

        // the dossier: a PDF uploaded to S3, readable by the applicant and its city, not by another city
        long first = applications.get(City.NANJING).get(0);
        Http.Response doc = applicant.upload(base + "/applications/" + first + "/documents", Map.of("type", "APPLICATION_FORM"),
                "file", "申报书.pdf", "application/pdf", TestFiles.pdf("benchmark dossier " + tag));
        assertThat(doc.status()).as(doc.text()).isEqualTo(201);
        assertThat(as("nanjing").get(base + "/applications/" + first + "/documents").json().size()).isEqualTo(1);
        assertThat(as("wuxi").get(base + "/applications/" + first + "/documents").status()).isEqualTo(403);

        // the deadline passes: late applications are refused, one task per city with applicants
        long lateCarrier = carrier(City.WUXI, "迟到孵化器" + tag, CarrierKind.INCUBATOR, Set.of(Industry.QUANTUM));
        Map<City, JsonNode> cityTasks = new LinkedHashMap<>();
        for (City city : CITIES) {
            String user = city.name().toLowerCase();
            cityTasks.put(city, await("recommendation task of " + user, () -> {
                JsonNode tasks = tasks(user, id, "CityRecommendationTask");
                return tasks.size() == 1 ? tasks.get(0) : null;
            }));
        }
        Http.Response late = applicant.post(base + "/applications", Map.of("carrierId", lateCarrier));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("detail").asText()).contains("截止");
        assertThat(tasks("admin", id, "CityRecommendationTask").size()).isEqualTo(5); // Xuzhou has none

        // over quota refused by the server, then each city recommends its best two in order
        List<Long> nanjing = applications.get(City.NANJING);
        Http.Response over = driver().complete("nanjing", cityTasks.get(City.NANJING).path("id").asText(),
                Map.of("recommend1", String.valueOf(nanjing.get(0)), "recommend2", String.valueOf(nanjing.get(1)),
                        "recommend3", String.valueOf(nanjing.get(2))));
        assertThat(over.status()).as(over.text()).isEqualTo(400);
        assertThat(over.json().path("message").asText()).contains("超出名额");
        for (City city : CITIES) {
            List<Long> ids = applications.get(city);
            driver().completeOk(city.name().toLowerCase(), cityTasks.get(city).path("id").asText(),
                    Map.of("recommend1", String.valueOf(ids.get(5)), "recommend2", String.valueOf(ids.get(4))));
        }

        // five experts score each of the ten recommended carriers
        JsonNode scoring = await("50 scoring tasks", () -> {
            JsonNode all = tasks("admin", id, "ExpertScoringTask");
            return all.size() == 50 ? all : null;
        });
        Map<Long, Integer> level = new HashMap<>();
        int rank = 0;
        for (City city : CITIES) {
            level.put(applications.get(city).get(5), 90 - rank);
            level.put(applications.get(city).get(4), 60 - rank);
            rank++;
        }
        for (JsonNode task : scoring) {
            String assignee = task.path("assignee").asText();
            String assignment = as(assignee).get("/engine-rest/task/" + task.path("id").asText() + "/variables/assignment").json()
                    .path("value").asText();
            int s = level.get(BenchmarkProcess.assignedApplication(assignment));
            Map<String, Object> scores = new HashMap<>();
            for (Criterion c : Criterion.values()) {
                scores.put(BenchmarkProcess.scoreVariable(c), s);
            }
            driver().completeOk(assignee, task.path("id").asText(), scores);
        }

        // the approver confirms the proposed six (the best of each city plus Nanjing's second)
        JsonNode confirm = await("confirmation task", () -> {
            JsonNode t = tasks("approver", id, "ProvinceConfirmTask");
            return t.size() == 1 ? t.get(0) : null;
        });
        driver().completeOk("approver", confirm.path("id").asText(), Map.of("confirmDecision", "CONFIRM"));
        List<Long> proposed = new ArrayList<>();
        CITIES.forEach(c -> proposed.add(applications.get(c).get(5)));
        proposed.add(nanjing.get(4));

        // publication: public list, an upheld objection removes one carrier
        JsonNode list = await("publication list", () -> {
            JsonNode l = anonymous().get(base + "/publication").json();
            return l.size() == 6 ? l : null;
        });
        assertThat(list.get(0).path("applicationId").asLong()).isEqualTo(nanjing.get(5));
        long objected = applications.get(City.YANGZHOU).get(5);
        Http.Response objection = anonymous().post(base + "/objections", Map.of("applicationId", objected, "objectorName", "张三",
                "contact", "13800000000", "text", "该孵化器在孵企业数据不实"));
        assertThat(objection.status()).as(objection.text()).isEqualTo(201);
        assertThat(anonymous().post(base + "/objections", Map.of("applicationId", applications.get(City.YANGZHOU).get(0),
                "objectorName", "张三", "contact", "138", "text", "x")).status()).isEqualTo(400);
        JsonNode objectionTask = await("objection task", () -> {
            JsonNode t = as("province").get("/engine-rest/task?taskDefinitionKey=ObjectionTask&processVariables=publicationSubject_eq_CAMPAIGN-" + id).json();
            return t.size() == 1 ? t.get(0) : null;
        });
        driver().completeOk("province", objectionTask.path("id").asText(), Map.of("objectionUpheld", true, "objectionReply", "经核实，数据不实"));

        await("campaign closed", () -> "CLOSED".equals(as("province").get(base).json().path("stage").asText()));

        // the registry shows exactly the confirmed carriers, less the one objected to, with a three-year title
        Set<Long> expected = new TreeSet<>();
        proposed.stream().filter(a -> a != objected).forEach(a -> expected.add(carrierOf.get(a)));
        JsonNode titled = anonymous().get("/api/registry/carriers?title=BENCHMARK&q=" + tag + "&size=100").json();
        Set<Long> actual = new TreeSet<>();
        titled.path("content").forEach(c -> actual.add(c.path("id").asLong()));
        assertThat(actual).isEqualTo(expected);
        JsonNode detail = anonymous().get("/api/registry/carriers/" + carrierOf.get(nanjing.get(5))).json();
        JsonNode title = null;
        for (JsonNode t : detail.path("titles")) {
            if ("BENCHMARK".equals(t.path("title").asText())) {
                title = t;
            }
        }
        assertThat(title).isNotNull();
        LocalDate from = LocalDate.parse(title.path("validFrom").asText());
        assertThat(LocalDate.parse(title.path("validUntil").asText())).isEqualTo(from.plusYears(3).minusDays(1));

        // dashboard and results
        Map<String, JsonNode> lines = new HashMap<>();
        as("province").get(base + "/dashboard").json().forEach(l -> lines.put(l.path("city").asText(), l));
        assertThat(lines.get("320100").path("applicants").asInt()).isEqualTo(6);
        assertThat(lines.get("320100").path("recommended").asInt()).isEqualTo(2);
        assertThat(lines.get("320100").path("selected").asInt()).isEqualTo(2);
        assertThat(lines.get("321000").path("selected").asInt()).isZero();
        assertThat(lines.get("320300").path("quota").asInt()).isEqualTo(1);
        assertThat(as("nanjing").get(base + "/results").status()).isEqualTo(403);
        Http.Response xlsx = as("province").get(base + "/results.xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("名次");
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("载体名称");
            assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("南京市");
            assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo("入选");
            assertThat(sheet.getLastRowNum()).isEqualTo(30);
            // the same list as a PDF to keep: every carrier of the spreadsheet, searchable, the same bytes on a re-run
            Http.Response pdf = as("province").get(base + "/results.pdf");
            assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
            assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
            PdfText text = PdfText.of(pdf.body());
            assertThat(text.joined()).contains("遴选结果", "名次", "载体名称", "入选", "江苏省科学技术厅");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                assertThat(text.joined()).contains(sheet.getRow(r).getCell(4).getStringCellValue().replaceAll("\\s+", ""));
            }
            assertThat(as("province").get(base + "/results.pdf").body()).isEqualTo(pdf.body());
            assertThat(as("nanjing").get(base + "/results.pdf").status()).isEqualTo(403);
        }
    }

    long carrier(City city, String name, CarrierKind kind, Set<Industry> industries) {
        return registry.certify(new Certify(CreditCode.of(Drafts.APPLICANT1_CREDIT_CODE), "南京江北新区生命科学园发展有限公司",
                name, kind, Level.PROVINCIAL, city, city.label() + "科技路1号", industries, "JIANGSU-2019",
                LocalDate.of(2022, 5, 1), null, null), "it").carrierId();
    }

    JsonNode tasks(String user, long campaign, String key) {
        Http.Response r = as(user).get("/engine-rest/task?processDefinitionKey=benchmark-selection&processInstanceBusinessKey=" + campaign
                + "&taskDefinitionKey=" + key + "&maxResults=500");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }
}
