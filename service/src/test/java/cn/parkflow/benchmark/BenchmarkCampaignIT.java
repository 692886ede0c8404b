package cn.parkflow.benchmark;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Opening a benchmark campaign and applying to it, over HTTP on MariaDB. */
class BenchmarkCampaignIT extends AbstractIT {

    @Autowired
    RegistryService registry;

    long carrier(String name, CarrierKind kind, Level level, Set<Industry> industries) {
        return registry.certify(new Certify(CreditCode.of(Drafts.APPLICANT1_CREDIT_CODE), "南京江北新区生命科学园发展有限公司",
                name, kind, level, City.NANJING, "南京市江北新区药谷大道11号", industries, "JIANGSU-2019",
                LocalDate.of(2022, 5, 1), null, null), "it").carrierId();
    }

    Map<String, Object> campaign(OffsetDateTime deadline) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", 2026);
        body.put("title", "2026年度标杆孵化器遴选 " + UUID.randomUUID().toString().substring(0, 6));
        body.put("totalQuota", 10);
        body.put("cityQuotas", Map.of("320100", 3, "320500", 3, "320200", 2));
        body.put("deadline", deadline.toString());
        return body;
    }

    @Test
    void provinceOpensACampaignAndOperatorsApplyUntilTheDeadline() {
        Http.Response opened = as("province").post("/api/benchmark/campaigns", campaign(OffsetDateTime.now(ZoneOffset.UTC).plusDays(30)));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        long id = opened.json().path("id").asLong();
        assertThat(opened.json().path("stage").asText()).isEqualTo("APPLYING");
        assertThat(opened.json().path("termYears").asInt()).isEqualTo(3);

        long eligible = carrier("南京生命科学标杆候选孵化器", CarrierKind.INCUBATOR, Level.PROVINCIAL, Set.of(Industry.CELL_GENE));
        long nursery = carrier("南京生命科学众创空间", CarrierKind.NURSERY, Level.PROVINCIAL, Set.of(Industry.CELL_GENE));
        long cityLevel = carrier("南京生命科学市级孵化器", CarrierKind.INCUBATOR, Level.CITY, Set.of(Industry.CELL_GENE));
        long notFuture = carrier("南京传统产业孵化器", CarrierKind.INCUBATOR, Level.NATIONAL, Set.of(Industry.OTHER));
        long titled = carrier("南京已获称号孵化器", CarrierKind.INCUBATOR, Level.NATIONAL, Set.of(Industry.GENERAL_AI));
        registry.grantTitle(titled, "BENCHMARK", "2025年度遴选", LocalDate.now().minusMonths(6), LocalDate.now().plusYears(2), "it");

        Http applicant = as("applicant1");
        Http.Response applied = applicant.post("/api/benchmark/campaigns/" + id + "/applications",
                Map.of("carrierId", eligible, "indicators", Map.of("tenantCount", 60)));
        assertThat(applied.status()).as(applied.text()).isEqualTo(201);
        assertThat(applicant.post("/api/benchmark/campaigns/" + id + "/applications", Map.of("carrierId", eligible)).status()).isEqualTo(409);

        assertThat(reasons(applicant, id, nursery)).anySatisfy(r -> assertThat(r).contains("须为科技企业孵化器"));
        assertThat(reasons(applicant, id, cityLevel)).anySatisfy(r -> assertThat(r).contains("省级或国家级"));
        assertThat(reasons(applicant, id, notFuture)).anySatisfy(r -> assertThat(r).contains("未来产业"));
        assertThat(reasons(applicant, id, titled)).anySatisfy(r -> assertThat(r).contains("未到期的标杆孵化器称号"));
        assertThat(as("applicant2").post("/api/benchmark/campaigns/" + id + "/applications", Map.of("carrierId", eligible)).status())
                .isEqualTo(403);

        JsonNode view = as("province").get("/api/benchmark/campaigns/" + id).json();
        assertThat(view.path("applicants").asInt()).isEqualTo(1);
        JsonNode nanjing = null;
        for (JsonNode line : as("province").get("/api/benchmark/campaigns/" + id + "/dashboard").json()) {
            if ("320100".equals(line.path("city").asText())) {
                nanjing = line;
            }
        }
        assertThat(nanjing).isNotNull();
        assertThat(nanjing.path("quota").asInt()).isEqualTo(3);
        assertThat(nanjing.path("applicants").asInt()).isEqualTo(1);
    }

    @Test
    void lateApplicationsAreRefused() throws Exception {
        long id = as("province").post("/api/benchmark/campaigns", campaign(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2)))
                .json().path("id").asLong();
        long eligible = carrier("南京迟到申报孵化器", CarrierKind.INCUBATOR, Level.PROVINCIAL, Set.of(Industry.QUANTUM));
        Thread.sleep(2500);
        Http.Response late = as("applicant1").post("/api/benchmark/campaigns/" + id + "/applications", Map.of("carrierId", eligible));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("detail").asText()).contains("截止");
    }

    @Test
    void onlyTheProvinceOpensCampaignsAndBadInputIsNamed() {
        Map<String, Object> body = campaign(OffsetDateTime.now(ZoneOffset.UTC).plusDays(30));
        assertThat(anonymous().post("/api/benchmark/campaigns", body).status()).isEqualTo(401);
        assertThat(as("nanjing").post("/api/benchmark/campaigns", body).status()).isEqualTo(403);
        assertThat(as("applicant1").post("/api/benchmark/campaigns", body).status()).isEqualTo(403);

        Map<String, Object> past = campaign(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1));
        assertThat(field(as("province").post("/api/benchmark/campaigns", past))).isEqualTo("deadline");
        Map<String, Object> badCity = new LinkedHashMap<>(body);
        badCity.put("cityQuotas", Map.of("110100", 3));
        assertThat(field(as("province").post("/api/benchmark/campaigns", badCity))).isEqualTo("cityQuotas.110100");
        Map<String, Object> noTitle = new LinkedHashMap<>(body);
        noTitle.put("title", " ");
        assertThat(field(as("province").post("/api/benchmark/campaigns", noTitle))).isEqualTo("title");
        assertThat(anonymous().get("/api/benchmark/campaigns/999999").status()).isEqualTo(401);
        assertThat(as("province").get("/api/benchmark/campaigns/999999").status()).isEqualTo(404);
    }

    static String field(Http.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        return response.json().path("errors").get(0).path("field").asText();
    }

    static java.util.List<String> reasons(Http applicant, long campaign, long carrier) {
        Http.Response r = applicant.post("/api/benchmark/campaigns/" + campaign + "/applications", Map.of("carrierId", carrier));
        assertThat(r.status()).as(r.text()).isEqualTo(422);
        java.util.List<String> reasons = new java.util.ArrayList<>();
        r.json().path("reasons").forEach(n -> reasons.add(n.asText()));
        return reasons;
    }
}
