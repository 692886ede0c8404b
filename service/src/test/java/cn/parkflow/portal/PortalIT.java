package cn.parkflow.portal;

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
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portal's server side over HTTP: the browser login (shared with Camunda's webapps) and its CSRF
 * token, the code catalogue, the province dashboard's role check and figures, and an operator filing
 * its annual report from the portal.
 */
class PortalIT extends AbstractIT {

    @Autowired RegistryService registry;
    @Autowired JdbcTemplate jdbc;

    Http browser() {
        return anonymous().with("X-Requested-With", "XMLHttpRequest");
    }

    Http loggedIn(String user) {
        Http session = browser();
        Http.Response login = session.post("/api/session", Map.of("username", user, "password", DEMO_PASSWORD));
        assertThat(login.status()).as(login.text()).isEqualTo(200);
        return session.with("X-Parkflow-Csrf", login.json().path("csrfToken").asText());
    }

    @Test
    void theFrontDoorIsThePortalsHomeWhichLeadsEachRoleToItsPlace() {
        Http.Response door = anonymous().get("/");
        assertThat(door.status()).isEqualTo(302);
        assertThat(door.header("location")).endsWith("/portal/home.html");
        Http.Response home = anonymous().get("/portal/home.html");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.text()).contains("江苏省科技企业孵化载体管理平台", "运营机构", "审核人员与评审专家", "省科技厅", "系统管理员")
                .contains("href=\"index.html\"", "href=\"/camunda/app/tasklist/\"", "href=\"dashboard.html\"",
                        "href=\"/camunda/app/cockpit/\"", "href=\"registry.html\"");
        assertThat(home.header("content-security-policy")).isNotBlank();
        // Camunda's own welcome page stays where it was
        assertThat(anonymous().get("/camunda/app/welcome/default/").status()).isEqualTo(200);
    }

    @Test
    void aBrowserLogsInChangesThingsOnlyWithItsTokenAndLogsOut() {
        Http session = browser();
        Http.Response wrong = session.post("/api/session", Map.of("username", "suqian", "password", "wrong"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("www-authenticate")).as("no browser password dialog for the portal").isNull();
        assertThat(wrong.json().path("detail").asText()).isEqualTo("用户名或密码错误");
        Http.Response blank = session.post("/api/session", Map.of("username", "", "password", ""));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().path("errors").findValuesAsText("field")).contains("username", "password");
        assertThat(session.get("/api/session").status()).isEqualTo(401);

        Http.Response login = session.post("/api/session", Map.of("username", "applicant1", "password", DEMO_PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        JsonNode me = login.json();
        assertThat(me.path("userId").asText()).isEqualTo("applicant1");
        assertThat(me.path("groups").toString()).contains("applicant");
        String token = me.path("csrfToken").asText();
        assertThat(token).hasSizeGreaterThan(20);
        assertThat(session.get("/api/session").json().path("csrfToken").asText()).isEqualTo(token);
        assertThat(session.get("/api/applications").status()).isEqualTo(200);

        Map<String, Object> draft = Drafts.with(Drafts.nanjingIncubator(), "carrierName", "会话申报" + UUID.randomUUID().toString().substring(0, 6));
        Http.Response withoutToken = session.post("/api/applications", draft);
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.text()).contains("X-Parkflow-Csrf");
        assertThat(session.with("X-Parkflow-Csrf", "forged").post("/api/applications", draft).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application WHERE carrier_name = ?", Integer.class, draft.get("carrierName"))).isZero();
        Http.Response created = session.with("X-Parkflow-Csrf", token).post("/api/applications", draft);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().path("status").asText()).isEqualTo("DRAFT");

        // the portal's login is a Camunda webapp login too: Tasklist's own API answers for the same session
        assertThat(session.get("/camunda/api/admin/auth/user/default").json().path("userId").asText()).isEqualTo("applicant1");

        assertThat(session.delete("/api/session").status()).isEqualTo(204);
        assertThat(session.get("/api/session").status()).isEqualTo(401);
        assertThat(session.get("/api/applications").status()).isEqualTo(401);
    }

    @Test
    void anotherSitesFormIsRefusedWhateverTheCredentials() {
        Map<String, Object> draft = Drafts.with(Drafts.nanjingIncubator(), "carrierName", "跨站申报" + UUID.randomUUID().toString().substring(0, 6));
        // a browser that saved Basic credentials sends them with another site's form too
        Http.Response fetchMetadata = as("applicant1").with("Sec-Fetch-Site", "cross-site").post("/api/applications", draft);
        assertThat(fetchMetadata.status()).isEqualTo(403);
        assertThat(fetchMetadata.json().path("detail").asText()).isEqualTo("跨站请求被拒绝");
        assertThat(as("applicant1").with("Origin", "http://evil.example").post("/api/applications", draft).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application WHERE carrier_name = ?", Integer.class, draft.get("carrierName"))).isZero();
        // reads stay open, and the own site's and plain clients' changes go through
        assertThat(as("applicant1").with("Sec-Fetch-Site", "cross-site").get("/api/applications").status()).isEqualTo(200);
        assertThat(as("applicant1").with("Origin", "http://localhost:" + port).with("Sec-Fetch-Site", "same-origin")
                .post("/api/applications", draft).status()).isEqualTo(201);
    }

    @Test
    void theCatalogueNamesEveryCodeAndTheEvidenceEachKindNeeds() {
        JsonNode c = anonymous().get("/api/catalogue").json();
        assertThat(c.path("cities")).hasSize(13);
        assertThat(c.path("cities").get(0).path("label").asText()).isEqualTo("南京市");
        assertThat(c.path("kinds").findValuesAsText("code")).containsExactly("NURSERY", "INCUBATOR", "GROWTH_CENTER", "ACCELERATOR",
                "FUTURE_INDUSTRY_PARK");
        assertThat(c.path("indicators").findValuesAsText("code")).contains("tenantAreaShare", "specialised");
        assertThat(c.path("requiredDocuments").path("INCUBATOR")).hasSize(11);
        assertThat(c.path("maxDocumentBytes").asLong()).isEqualTo(50L * 1024 * 1024);
    }

    @Test
    void theDashboardIsForTheProvinceAndCountsTheRegistry() {
        assertThat(as("nanjing").get("/api/dashboard").status()).isEqualTo(403);
        assertThat(as("applicant1").get("/api/dashboard").status()).isEqualTo(403);
        assertThat(anonymous().get("/api/dashboard").status()).isEqualTo(401);
        Http.Response r = loggedIn("province").get("/api/dashboard");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode d = r.json();
        assertThat(d.path("carriersByCity")).hasSize(13);
        long active = jdbc.queryForObject("SELECT COUNT(*) FROM carrier WHERE status IN ('ACTIVE', 'WARNING')", Long.class);
        assertThat(d.path("carriers").asLong()).isEqualTo(active);
        long nanjing = jdbc.queryForObject("SELECT COUNT(*) FROM carrier WHERE status IN ('ACTIVE', 'WARNING') AND city = '320100'", Long.class);
        assertThat(d.path("carriersByCity").get(0).path("total").asLong()).isEqualTo(nanjing);
        long levels = 0;
        for (JsonNode l : d.path("carriersByLevel")) {
            levels += l.path("count").asLong();
        }
        assertThat(levels).isEqualTo(active);
        assertThat(d.path("applicationsByStage").findValuesAsText("code")).contains("DRAFT", "CITY_REVIEW", "CERTIFIED");
        assertThat(d.path("tasksByCity")).hasSize(13);
        assertThat(d.path("lastEvaluation").path("byRating")).hasSize(4);
        assertThat(as("approver").get("/api/dashboard").status()).isEqualTo(200);

        // a task claimed in Tasklist is still the city's open task
        CertificationDriver driver = new CertificationDriver(this::as);
        long id = driver.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", "看板认领" + UUID.randomUUID().toString().substring(0, 6)));
        assertThat(as("applicant1").post("/api/applications/" + id + "/submit", Map.of()).status()).isEqualTo(202);
        String task = driver.awaitCityReview(id).path("id").asText();
        long open = as("province").get("/api/dashboard").json().path("tasksByCity").get(0).path("open").asLong();
        assertThat(open).isPositive();
        assertThat(as("nanjing").post("/engine-rest/task/" + task + "/claim", Map.of("userId", "nanjing")).status()).isEqualTo(204);
        assertThat(as("province").get("/api/dashboard").json().path("tasksByCity").get(0).path("open").asLong()).isEqualTo(open);
    }

    @Test
    void anOperatorFilesItsAnnualReportFromThePortal() {
        int year = 2003;
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String name = "年报门户孵化器" + tag;
        jdbc.update("UPDATE carrier SET status = 'EXPIRED' WHERE name LIKE '年报门户孵化器%'");
        long carrier = registry.certify(new Certify(CreditCode.of(Drafts.APPLICANT1_CREDIT_CODE), "年报门户运营机构", name, CarrierKind.INCUBATOR,
                Level.PROVINCIAL, City.NANJING, "南京市玄武区1号", Set.of(Industry.GENERAL_AI), "JIANGSU-2019", LocalDate.of(year, 1, 1), null, null),
                "it").carrierId();
        Http.Response started = as("province").post("/api/evaluations", Map.of("year", year));
        assertThat(started.status()).as(started.text()).isEqualTo(201);

        Http applicant = loggedIn("applicant1");
        JsonNode task = await("annual report task", () -> {
            for (JsonNode t : applicant.get("/api/evaluations/report-tasks").json()) {
                if (t.path("carrierId").asLong() == carrier) {
                    return t;
                }
            }
            return null;
        });
        assertThat(task.path("carrierName").asText()).isEqualTo(name);
        assertThat(task.path("year").asInt()).isEqualTo(year);
        assertThat(loggedIn("applicant2").get("/api/evaluations/report-tasks").json().findValuesAsText("taskId"))
                .doesNotContain(task.path("taskId").asText());
        String path = "/api/evaluations/report-tasks/" + task.path("taskId").asText();

        Map<String, Object> indicators = new LinkedHashMap<>(Map.of("tenantCount", 50, "graduatedCount", 16, "highTechTenants", 6,
                "investmentRaised", 12_000_000, "mentorCount", 12, "eventsPerYear", 13));
        indicators.put("professionalStaffShare", 1.5);
        Http.Response bad = applicant.post(path, Map.of("indicators", indicators));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsText("field")).containsExactly("indicators.professionalStaffShare");
        indicators.remove("professionalStaffShare");
        indicators.put("mentorCount", 2.5);
        Http.Response two = applicant.post(path, Map.of("indicators", indicators));
        assertThat(two.json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("indicators.mentorCount", "indicators.professionalStaffShare");
        assertThat(loggedIn("applicant2").post(path, Map.of("indicators", indicators)).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM annual_report WHERE carrier_id = ?", Integer.class, carrier)).isZero();

        indicators.put("mentorCount", 12);
        indicators.put("professionalStaffShare", 0.35);
        Http.Response filed = applicant.post(path, Map.of("indicators", indicators, "narrative", "本年度新增专业孵化服务团队"));
        assertThat(filed.status()).as(filed.text()).isEqualTo(204);
        String rating = await("rated", () -> jdbc.queryForList("SELECT rating FROM evaluation_result WHERE carrier_id = ? AND eval_year = ?",
                String.class, carrier, year).stream().findFirst().orElse(null));
        assertThat(rating).isEqualTo("B");
        assertThat(jdbc.queryForObject("SELECT filed_by FROM annual_report WHERE carrier_id = ?", String.class, carrier)).isEqualTo("applicant1");
    }
}
