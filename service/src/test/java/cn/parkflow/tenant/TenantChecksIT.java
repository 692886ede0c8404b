package cn.parkflow.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.evaluation.CarrierReports;
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
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the rosters are for: the declared figures checked against them (and used instead of them), the same firm in two
 * places flagged to both cities and marked explained or not, and firms followed along the 苗圃—孵化—育成—加速 chain.
 * Each test uses roster years of its own (2020–2023), so that counts of a year are its own.
 */
class TenantChecksIT extends AbstractIT {

    static final int LAST_YEAR = LocalDate.now().getYear() - 1;

    @Autowired
    RegistryService registry;

    @Autowired
    CarrierReports reports;

    @Autowired
    JdbcTemplate jdbc;

    long carrier(String operatorCode, String name, CarrierKind kind, Level level, City city) {
        return registry.certify(new Certify(CreditCode.of(operatorCode), "名单核对测试运营机构", name, kind, level, city, "测试地址1号",
                Set.of(Industry.CELL_GENE), "JIANGSU-2019", LocalDate.of(2019, 5, 1), null, null), "it").carrierId();
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }

    static Map<String, Object> tenant(String code, String name, String founded, String entered) {
        Map<String, Object> t = new LinkedHashMap<>(TenantRosterIT.tenant(code, name));
        t.put("foundedDate", founded);
        t.put("entryDate", entered);
        return t;
    }

    JsonNode put(String user, long carrier, int year, List<Map<String, Object>> tenants) {
        Http.Response r = as(user).put("/api/registry/carriers/" + carrier + "/tenants/" + year, tenants);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().path("rejected")).as(r.text()).isEmpty();
        return r.json();
    }

    static List<JsonNode> movesOf(JsonNode chain, String code) {
        List<JsonNode> moves = new ArrayList<>();
        chain.path("moves").forEach(m -> {
            if (m.path("creditCode").asText().equals(code)) {
                moves.add(m);
            }
        });
        return moves;
    }

    @Test
    void aFirmFromAMakerSpaceToAnIncubatorToAnAcceleratorIsTwoMovesAndNoneOfItIsPublic() {
        long nursery = carrier(Drafts.APPLICANT1_CREDIT_CODE, unique("链条众创空间"), CarrierKind.NURSERY, Level.PROVINCIAL, City.NANJING);
        long incubator = carrier(Drafts.APPLICANT2_CREDIT_CODE, unique("链条孵化器"), CarrierKind.INCUBATOR, Level.PROVINCIAL, City.SUZHOU);
        long accelerator = carrier(Drafts.APPLICANT1_CREDIT_CODE, unique("链条加速器"), CarrierKind.ACCELERATOR, Level.PROVINCIAL, City.NANJING);
        String firm = TenantRosterIT.code();
        Map<String, Object> atNursery = new LinkedHashMap<>(tenant(firm, "南京链条科技有限公司", "2020-01-10", "2020-03-01"));
        atNursery.put("exitDate", "2021-05-31");
        atNursery.put("exitReason", "迁入孵化器");
        atNursery.put("movedToCreditCode", Drafts.APPLICANT2_CREDIT_CODE);
        put("applicant1", nursery, 2021, List.of(atNursery));
        Map<String, Object> atIncubator = new LinkedHashMap<>(tenant(firm, "南京链条科技有限公司", "2020-01-10", "2021-06-01"));
        atIncubator.put("graduatedDate", "2022-12-20");
        atIncubator.put("graduationCriterion", "HIGH_TECH");
        atIncubator.put("exitDate", "2022-12-31");
        put("applicant2", incubator, 2022, List.of(atIncubator));
        put("applicant1", accelerator, 2023, List.of(tenant(firm, "南京链条科技有限公司", "2020-01-10", "2023-01-10")));

        // every year: two moves, one per step along the chain
        List<JsonNode> moves = movesOf(as("province").get("/api/tenants/chain").json(), firm);
        assertThat(moves).hasSize(2);
        assertThat(moves.get(0).path("from").path("kind").asText()).isEqualTo("NURSERY");
        assertThat(moves.get(0).path("to").path("kind").asText()).isEqualTo("INCUBATOR");
        assertThat(moves.get(0).path("movedOn").asText()).isEqualTo("2021-06-01");
        assertThat(moves.get(1).path("from").path("carrierId").asLong()).isEqualTo(incubator);
        assertThat(moves.get(1).path("to").path("kind").asText()).isEqualTo("ACCELERATOR");

        // a year's figures: the move of that year, counted between kinds
        JsonNode year2021 = as("province").get("/api/tenants/chain?year=2021").json();
        assertThat(movesOf(year2021, firm)).hasSize(1);
        assertThat(year2021.path("flows").toString()).contains("\"fromKind\":\"NURSERY\",\"fromKindName\":\"创业苗圃/众创空间\",\"toKind\":\"INCUBATOR\"");
        JsonNode year2023 = as("province").get("/api/tenants/chain?year=2023&city=320100").json();
        assertThat(movesOf(year2023, firm)).hasSize(1);
        assertThat(year2023.path("flows").get(0).path("moves").asInt()).isEqualTo(1);
        assertThat(year2023.path("flows").get(0).path("toKind").asText()).isEqualTo("ACCELERATOR");

        // the cities see the moves touching them; a third city sees none of it; operators and the public none at all
        assertThat(movesOf(as("suzhou").get("/api/tenants/chain?year=2023").json(), firm)).hasSize(1);
        assertThat(movesOf(as("wuxi").get("/api/tenants/chain?year=2023").json(), firm)).isEmpty();
        assertThat(as("wuxi").get("/api/tenants/chain?year=2023&city=320100").status()).isEqualTo(403);
        assertThat(as("applicant1").get("/api/tenants/chain").status()).isEqualTo(403);
        assertThat(anonymous().get("/api/tenants/chain").status()).isEqualTo(401);

        // where the maker space's firms went, for its operator, its city and the province
        JsonNode went = as("applicant1").get("/api/registry/carriers/" + nursery + "/graduates").json();
        assertThat(went.path("departed").asInt()).isEqualTo(1);
        assertThat(went.path("departures").get(0).path("movedTo").path("carrierId").asLong()).isEqualTo(incubator);
        assertThat(went.path("byDestinationKind").path("科技企业孵化器").asInt()).isEqualTo(1);
        JsonNode graduated = as("suzhou").get("/api/registry/carriers/" + incubator + "/graduates").json();
        assertThat(graduated.path("graduated").asInt()).isEqualTo(1);
        assertThat(graduated.path("departures").get(0).path("graduationCriterion").asText()).isEqualTo("认定为高新技术企业");
        assertThat(graduated.path("departures").get(0).path("movedTo").path("kind").asText()).isEqualTo("ACCELERATOR");
        assertThat(as("applicant2").get("/api/registry/carriers/" + nursery + "/graduates").status()).isEqualTo(403);
        assertThat(as("wuxi").get("/api/registry/carriers/" + nursery + "/graduates").status()).isEqualTo(403);
        assertThat(anonymous().get("/api/registry/carriers/" + nursery + "/graduates").status()).isEqualTo(401);
        assertThat(as("applicant2").get("/api/registry/carriers/" + nursery + "/tenants/2021").status()).isEqualTo(403);
        // each operator lists its own carriers with the rosters filed, and nobody else's
        JsonNode mine = as("applicant2").get("/api/tenants/mine").json();
        assertThat(mine.findValuesAsText("carrierId")).contains(String.valueOf(incubator)).doesNotContain(String.valueOf(nursery));
        for (JsonNode own : mine) {
            if (own.path("carrierId").asLong() == incubator) {
                assertThat(own.path("rosters").get(0).path("year").asInt()).isEqualTo(2022);
                assertThat(own.path("rosters").get(0).path("tenantCount").asInt()).isEqualTo(1);
            }
        }
        assertThat(as("nanjing").get("/api/tenants/mine").status()).isEqualTo(403);
        Http.Response page = anonymous().get("/api/registry/carriers/" + nursery);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).doesNotContain(firm).doesNotContain("南京链条科技");
    }

    @Test
    void theCityReviewerSeesTheDeclaredFiguresAgainstTheRosterAndEligibilityUsesTheRoster() {
        String name = unique("名单核对孵化器");
        long carrier = carrier(Drafts.APPLICANT1_CREDIT_CODE, name, CarrierKind.INCUBATOR, Level.CITY, City.NANJING);
        int y = LAST_YEAR;
        Map<String, Object> highTech = new LinkedHashMap<>(tenant(TenantRosterIT.code(), "南京高新甲有限公司", y - 1 + "-01-01", y - 1 + "-06-01"));
        highTech.put("highTech", true);
        Map<String, Object> unfunded = new LinkedHashMap<>(tenant(TenantRosterIT.code(), "南京未融资乙有限公司", y - 1 + "-01-01", y - 1 + "-06-01"));
        unfunded.put("investment", 0);
        Map<String, Object> graduateWithoutCriterion = new LinkedHashMap<>(tenant(TenantRosterIT.code(), "南京毕业丁有限公司", y - 2 + "-01-01", y - 2 + "-03-01"));
        graduateWithoutCriterion.put("graduatedDate", y + "-04-30");
        String tooOld = TenantRosterIT.code();
        put("applicant1", carrier, y, List.of(highTech, unfunded,
                tenant(TenantRosterIT.code(), "南京普通丙有限公司", y - 1 + "-02-01", y - 1 + "-07-01"),
                tenant(tooOld, "南京老企业戊有限公司", "2015-01-01", y - 1 + "-01-01"), graduateWithoutCriterion));

        CertificationDriver d = new CertificationDriver(this::as);
        long id = d.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", name));
        JsonNode check = as("applicant1").get("/api/applications/" + id + "/roster-check").json();
        assertThat(check.path("year").asInt()).isEqualTo(y);
        Map<String, JsonNode> differences = new LinkedHashMap<>();
        check.path("differences").forEach(x -> differences.put(x.path("indicator").asText(), x));
        assertThat(differences.get("tenantCount").path("declared").asInt()).isEqualTo(60);
        assertThat(differences.get("tenantCount").path("roster").asInt()).isEqualTo(3); // not the too-old one, not the graduate
        assertThat(differences.get("tenantCount").path("difference").asInt()).isEqualTo(-57);
        assertThat(differences.get("tenantCount").path("differs").asBoolean()).isTrue();
        assertThat(differences.get("highTechTenants").path("roster").asInt()).isEqualTo(1);
        assertThat(differences.get("graduatedCount").path("roster").asInt()).isEqualTo(0);
        assertThat(differences.get("fundedTenantShare").path("roster").decimalValue()).isEqualByComparingTo("0.6667");
        List<String> findings = new ArrayList<>();
        check.path("figures").path("findings").forEach(f -> findings.add(f.path("creditCode").asText() + ":" + f.path("problem").asText()));
        assertThat(findings).contains(tooOld + ":TOO_OLD_AT_ENTRY").hasSize(2)
                .anyMatch(f -> f.endsWith(":GRADUATE_WITHOUT_CRITERION"));
        assertThat(as("suzhou").get("/api/applications/" + id + "/roster-check").status()).isEqualTo(404);

        Http.Response submit = as("applicant1").post("/api/applications/" + id + "/submit", Map.of());
        assertThat(submit.status()).as(submit.text()).isEqualTo(202);
        JsonNode review = d.awaitCityReview(id);
        JsonNode form = as("nanjing").get("/engine-rest/task/" + review.path("id").asText() + "/form-variables").json();
        String roster = form.path("rosterMarkdown").path("value").asText();
        assertThat(roster).contains(y + "年度在孵企业名单").contains("| 在孵企业数 | 60 | 3 | **\\-57** |").contains("南京老企业戊有限公司");
        assertThat(as("nanjing").get("/api/applications/" + id + "/roster-check").json().path("differences").get(0).path("difference").asInt())
                .isEqualTo(-57);
        // the 60 declared tenants would pass; the 3 of the roster do not, and the finding says the roster decided
        assertThat(form.path("eligibilityText").path("value").asText()).contains("在孵企业").contains("以名单为准");
        JsonNode app = d.application(id, "nanjing");
        assertThat(app.path("eligibility").path("eligible").asBoolean()).isFalse();
        // the roster went to the city's own tasks, never to the city experts' (tenant data stays with city and province)
        String instance = as("admin").get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + id).json().get(0).path("id").asText();
        Map<String, String> taskKeys = new LinkedHashMap<>();
        as("admin").get("/engine-rest/history/task?processInstanceId=" + instance).json()
                .forEach(t -> taskKeys.put(t.path("id").asText(), t.path("taskDefinitionKey").asText()));
        assertThat(taskKeys.values()).contains("CityExpertReviewTask", "CitySiteCheckTask");
        List<String> shownIn = new ArrayList<>();
        as("admin").get("/engine-rest/history/variable-instance?processInstanceId=" + instance + "&variableName=rosterMarkdown").json()
                .forEach(v -> shownIn.add(taskKeys.get(v.path("taskId").asText())));
        assertThat(shownIn).contains("CitySiteCheckTask", "CityReviewTask").doesNotContain("CityExpertReviewTask").doesNotContainNull();
    }

    @Test
    void theSameFirmOnTwoRostersIsToldToBothCitiesAndMarkedExplainedOrNot() {
        long nanjing = carrier(Drafts.APPLICANT1_CREDIT_CODE, unique("重复核实孵化器甲"), CarrierKind.INCUBATOR, Level.PROVINCIAL, City.NANJING);
        String suzhouName = unique("重复核实孵化器乙");
        long suzhou = carrier(Drafts.APPLICANT2_CREDIT_CODE, suzhouName, CarrierKind.INCUBATOR, Level.PROVINCIAL, City.SUZHOU);
        String firm = TenantRosterIT.code();
        put("applicant1", nanjing, 2020, List.of(tenant(firm, "两地在孵科技有限公司", "2019-01-01", "2019-06-01")));
        put("applicant2", suzhou, 2020, List.of(tenant(firm, "两地在孵科技有限公司", "2019-01-01", "2020-03-01")));

        // the second import made the pair: its city, the other carrier's city and the province are told, a third city is not
        for (String user : List.of("suzhou", "nanjing", "province")) {
            assertThat(inboxMentions(user, suzhouName)).as(user).isTrue();
        }
        assertThat(inboxMentions("wuxi", suzhouName)).isFalse();

        String path = "/api/tenants/duplicates/2020/" + firm + "/review";
        Map<String, Object> verdict = new LinkedHashMap<>(Map.of("firstCarrierId", suzhou, "secondCarrierId", nanjing, "explained", true,
                "note", "经核实企业2020年3月已迁往苏州，南京名单漏填离孵时间"));
        assertThat(as("wuxi").put(path, verdict).status()).isEqualTo(403);
        assertThat(as("applicant1").put(path, verdict).status()).isEqualTo(403);
        Http.Response noNote = as("suzhou").put(path, Drafts.with(verdict, "note", " "));
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.text()).contains("\"field\":\"note\"");
        assertThat(as("suzhou").put("/api/tenants/duplicates/2019/" + firm + "/review", verdict).status()).isEqualTo(404);
        // an operator learns nothing by probing: refused before the pair is looked up
        assertThat(as("applicant1").put("/api/tenants/duplicates/2019/" + firm + "/review", verdict).status()).isEqualTo(403);
        Http.Response marked = as("suzhou").put(path, verdict);
        assertThat(marked.status()).as(marked.text()).isEqualTo(200);
        JsonNode seen = pair(as("nanjing").get("/api/tenants/duplicates?year=2020").json(), firm);
        assertThat(seen.path("review").path("explained").asBoolean()).isTrue();
        assertThat(seen.path("review").path("reviewedBy").asText()).isEqualTo("suzhou");
        assertThat(seen.path("overlapDays").asLong()).isEqualTo(306);

        // the province sees it otherwise: its verdict replaces the city's
        assertThat(as("province").put(path, Drafts.with(Drafts.with(verdict, "explained", false), "note", "南京名单未附离孵证明")).status())
                .isEqualTo(200);
        JsonNode again = pair(as("suzhou").get("/api/tenants/duplicates?year=2020").json(), firm);
        assertThat(again.path("review").path("explained").asBoolean()).isFalse();
        assertThat(again.path("review").path("note").asText()).isEqualTo("南京名单未附离孵证明");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tenant_duplicate_review WHERE credit_code = ?", Integer.class, firm)).isEqualTo(1);
    }

    @Test
    void theAnnualRatingUsesTheRostersFiguresAndKeepsTheReportedOnesThatDiffer() {
        long withRoster = carrier(Drafts.APPLICANT1_CREDIT_CODE, unique("考核名单孵化器"), CarrierKind.INCUBATOR, Level.PROVINCIAL, City.NANJING);
        long withoutRoster = carrier(Drafts.APPLICANT1_CREDIT_CODE, unique("考核无名单孵化器"), CarrierKind.INCUBATOR, Level.PROVINCIAL, City.NANJING);
        String report = "{\"tenantCount\":60,\"graduatedCount\":25,\"highTechTenants\":12,\"investmentRaised\":30000000,\"mentorCount\":12,"
                + "\"eventsPerYear\":24,\"professionalStaffShare\":0.85}";
        for (long carrier : List.of(withRoster, withoutRoster)) {
            jdbc.update("INSERT INTO annual_report (carrier_id, report_year, indicators, source, filed_by, filed_at) VALUES (?, 2022, ?, 'IMPORT', 'it', NOW())",
                    carrier, report);
        }
        put("applicant1", withRoster, 2022, List.of(tenant(TenantRosterIT.code(), "考核甲科技有限公司", "2021-01-01", "2021-05-01"),
                tenant(TenantRosterIT.code(), "考核乙科技有限公司", "2021-01-01", "2021-05-01")));
        reports.rate(withRoster, 2022);
        reports.rate(withoutRoster, 2022);
        Map<String, Object> rated = jdbc.queryForMap("SELECT score, roster_year, roster_differences FROM evaluation_result WHERE carrier_id = ? AND eval_year = 2022",
                withRoster);
        Map<String, Object> plain = jdbc.queryForMap("SELECT score, roster_year, roster_differences FROM evaluation_result WHERE carrier_id = ? AND eval_year = 2022",
                withoutRoster);
        assertThat(rated.get("roster_year")).isEqualTo(2022);
        assertThat((String) rated.get("roster_differences")).contains("在孵企业数 报告60/名单2");
        assertThat(plain.get("roster_year")).isNull();
        assertThat((java.math.BigDecimal) rated.get("score")).isLessThan((java.math.BigDecimal) plain.get("score"));
    }

    boolean inboxMentions(String user, String text) {
        Http.Response r = as(user).get("/api/inbox");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        for (JsonNode item : r.json().path("items")) {
            if (item.path("subject").asText().contains(text)) {
                return true;
            }
        }
        return false;
    }

    static JsonNode pair(JsonNode duplicates, String code) {
        for (JsonNode d : duplicates) {
            if (d.path("creditCode").asText().equals(code)) {
                return d;
            }
        }
        throw new AssertionError("no duplicate of " + code + " in " + duplicates);
    }
}
