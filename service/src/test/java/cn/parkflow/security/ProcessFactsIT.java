package cn.parkflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.benchmark.BenchmarkProcess;
import cn.parkflow.benchmark.Criterion;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Security regression suite, part 2 (items 2 and 3): the carrier of an annual report, the expert of
 * a score sheet and the city of a recommendation come from the process, never from an answer.
 */
class ProcessFactsIT extends AbstractIT {

    @Autowired
    RegistryService registry;

    @Autowired
    JdbcTemplate jdbc;

    CertificationDriver driver() {
        return new CertificationDriver(this::as);
    }

    long carrier(String creditCode, String operator, String name, City city, LocalDate since) {
        return registry.certify(new Certify(CreditCode.of(creditCode), operator, name, CarrierKind.INCUBATOR, Level.PROVINCIAL, city,
                city.label() + "科技路1号", Set.of(Industry.HYDROGEN), "JIANGSU-2019", since, null, null), "it").carrierId();
    }

    @Test
    void item2_anOperatorCannotRateACompetitorsCarrier() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long own = carrier(Drafts.APPLICANT1_CREDIT_CODE, "南京江北新区生命科学园发展有限公司", "自评孵化器" + tag, City.NANJING, LocalDate.of(2001, 3, 1));
        long competitor = carrier(Drafts.APPLICANT2_CREDIT_CODE, "苏州工业园区纳米城", "竞争孵化器" + tag, City.SUZHOU, LocalDate.of(2001, 3, 1));
        Http.Response started = as("province").post("/api/evaluations", Map.of("year", 2001));
        assertThat(started.status()).as(started.text()).isIn(201, 409);
        JsonNode task = CertificationDriver.await("applicant1's 2001 report task", () -> {
            for (JsonNode t : as("applicant1").get("/api/evaluations/report-tasks").json()) {
                if (t.path("carrierId").asLong() == own) {
                    return t;
                }
            }
            return null;
        });
        Map<String, Object> zeros = new HashMap<>();
        for (String k : new String[] {"tenantCount", "graduatedCount", "highTechTenants", "investmentRaised", "mentorCount", "eventsPerYear"}) {
            zeros.put(k, 0);
        }
        zeros.put("professionalStaffShare", 0);
        Map<String, Object> forged = new HashMap<>(zeros);
        forged.put("carrierId", competitor);
        Http.Response refused = driver().complete("applicant1", task.path("taskId").asText(), forged);
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).contains("carrierId");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result WHERE carrier_id = ? AND eval_year = 2001", Integer.class,
                competitor)).isZero();
        // its own report, with its own figures, rates its own carrier
        driver().completeOk("applicant1", task.path("taskId").asText(), zeros);
        CertificationDriver.await("own carrier rated", () -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM evaluation_result WHERE carrier_id = ? AND eval_year = 2001", Integer.class, own) == 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_result WHERE carrier_id = ? AND eval_year = 2001", Integer.class,
                competitor)).isZero();
        // and nobody outside the province and the cities reads the run's progress
        assertThat(as("applicant1").get("/api/evaluations/2001").status()).isEqualTo(403);
        JsonNode nanjing = as("nanjing").get("/api/evaluations/2001").json();
        assertThat(nanjing.path("cities").findValuesAsText("city")).containsOnly("320100");
        assertThat(as("province").get("/api/evaluations/2001").json().path("rated").asInt()).isGreaterThanOrEqualTo(1);
        // out of later years' runs, which other tests start for carriers of their own
        jdbc.update("UPDATE carrier SET status = 'EXPIRED' WHERE id IN (?, ?)", own, competitor);
    }

    @Test
    void item3_anExpertCannotScoreInAnotherExpertsNameNorACityRecommendForAnother() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = new HashMap<>();
        body.put("year", 2026);
        body.put("title", "遴选防冒名测试 " + tag);
        body.put("totalQuota", 1);
        body.put("cityQuotas", Map.of(City.NANJING.code(), 1, City.WUXI.code(), 1));
        body.put("deadline", OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(8).toString());
        Http.Response opened = as("province").post("/api/benchmark/campaigns", body);
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        long id = opened.json().path("id").asLong();
        String base = "/api/benchmark/campaigns/" + id;
        long carrier = carrier(Drafts.APPLICANT1_CREDIT_CODE, "南京江北新区生命科学园发展有限公司", "防冒名候选孵化器" + tag, City.NANJING,
                LocalDate.of(2022, 5, 1));
        Http.Response applied = as("applicant1").post(base + "/applications", Map.of("carrierId", carrier));
        assertThat(applied.status()).as(applied.text()).isEqualTo(201);
        long application = applied.json().path("id").asLong();
        // campaign internals: the province all, a city its own line, an operator the announcement only
        assertThat(as("applicant1").get(base).json().has("applicants")).isFalse();
        assertThat(as("applicant1").get(base).json().path("cities")).isEmpty();
        assertThat(as("wuxi").get(base).json().path("cities").findValuesAsText("city")).containsExactly("320200");
        assertThat(as("applicant1").get(base + "/dashboard").status()).isEqualTo(403);

        JsonNode recommendation = CertificationDriver.await("Nanjing's recommendation task", () -> {
            JsonNode t = tasks("nanjing", id, "CityRecommendationTask");
            return t.size() == 1 ? t.get(0) : null;
        });
        Http.Response otherCity = driver().complete("nanjing", recommendation.path("id").asText(),
                Map.of("recommend1", String.valueOf(application), "city", City.WUXI.code()));
        assertThat(otherCity.status()).as(otherCity.text()).isEqualTo(400);
        driver().completeOk("nanjing", recommendation.path("id").asText(), Map.of("recommend1", String.valueOf(application)));

        JsonNode scoring = CertificationDriver.await("five scoring tasks", () -> {
            JsonNode t = tasks("admin", id, "ExpertScoringTask");
            return t.size() == 5 ? t : null;
        });
        Map<String, String> taskOf = new HashMap<>();
        scoring.forEach(t -> taskOf.put(t.path("assignee").asText(), t.path("id").asText()));
        assertThat(taskOf).doesNotContainKey("expert1"); // 南京 is expert1's home city
        Map<String, Object> sheet = new HashMap<>();
        for (Criterion c : Criterion.values()) {
            sheet.put(BenchmarkProcess.scoreVariable(c), 80);
        }
        java.util.List<String> drawn = new java.util.ArrayList<>(new java.util.TreeSet<>(taskOf.keySet()));
        String impostor = drawn.get(0);
        String victim = drawn.get(1);
        Map<String, Object> forged = new HashMap<>(sheet);
        forged.put("assignment", BenchmarkProcess.assignment(application, victim));
        Http.Response impersonated = driver().complete(impostor, taskOf.get(impostor), forged);
        assertThat(impersonated.status()).as(impersonated.text()).isEqualTo(400);
        assertThat(impersonated.json().path("message").asText()).contains("assignment");
        // the victim still scores in its own name, and the impostor in its own
        driver().completeOk(victim, taskOf.get(victim), sheet);
        driver().completeOk(impostor, taskOf.get(impostor), sheet);
        assertThat(jdbc.queryForList("SELECT expert FROM benchmark_score WHERE application_id = ? ORDER BY expert", String.class, application))
                .containsExactly(impostor, victim);
    }

    JsonNode tasks(String user, long campaign, String key) {
        Http.Response r = as(user).get("/engine-rest/task?processDefinitionKey=benchmark-selection&processInstanceBusinessKey=" + campaign
                + "&taskDefinitionKey=" + key + "&maxResults=500");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }
}
