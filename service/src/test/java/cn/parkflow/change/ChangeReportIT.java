package cn.parkflow.change;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.testsupport.AbstractIT;
import cn.parkflow.testsupport.CertificationDriver;
import cn.parkflow.testsupport.Drafts;
import cn.parkflow.testsupport.Http;
import cn.parkflow.testsupport.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 变更备案 as its users do it: the operator reports over /api with evidence, the city checks and the province confirms
 * in Tasklist (engine REST), the registry shows the new values with their history; an area below the rule set warns
 * the carrier; fraud found in the check bars the operator and the approver revokes the carrier.
 */
class ChangeReportIT extends AbstractIT {

    @Autowired
    JdbcTemplate jdbc;

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    /** A carrier of applicant1, certified through the whole procedure (JIANGSU-2019, 12,000 m²). */
    long certifiedCarrier(String name) {
        CertificationDriver d = new CertificationDriver(this::as);
        long id = d.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", name));
        assertThat(as("applicant1").post("/api/applications/" + id + "/submit", Map.of()).status()).isEqualTo(202);
        d.throughDecision(id);
        return d.awaitStatus(id, "CERTIFIED").path("carrierId").asLong();
    }

    Http.Response report(String user, long carrier, Map<String, String> fields) {
        return as(user).upload("/api/registry/carriers/" + carrier + "/changes", fields, "evidence", "变更证明.pdf", "application/pdf",
                TestFiles.pdf("change evidence " + fields));
    }

    JsonNode awaitTask(long change, String key, String user) {
        return CertificationDriver.await(key + " of change " + change, () -> {
            JsonNode tasks = as(user).get("/engine-rest/task?processInstanceBusinessKey=CHANGE-" + change + "&taskDefinitionKey=" + key).json();
            return tasks.size() > 0 ? tasks.get(0) : null;
        });
    }

    void complete(String user, String taskId, Map<String, Object> answers) {
        Map<String, Object> typed = new HashMap<>();
        answers.forEach((k, v) -> typed.put(k, Map.of("value", v)));
        Http.Response r = as(user).post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed));
        assertThat(r.status()).as("complete by %s: %s", user, r.text()).isEqualTo(204);
    }

    JsonNode awaitChange(long carrier, long change, String status) {
        return CertificationDriver.await("change " + change + " " + status, () -> {
            for (JsonNode c : as("province").get("/api/registry/carriers/" + carrier + "/changes").json()) {
                if (c.path("id").asLong() == change && status.equals(c.path("status").asText())) {
                    return c;
                }
            }
            return null;
        });
    }

    @Test
    void aLateNameChangeIsFlaggedCheckedConfirmedAndShownWithItsHistoryAndAnAreaBelowTheRuleSetWarnsTheCarrier() {
        String tag = Long.toString(System.nanoTime() % 100_000);
        long carrier = certifiedCarrier("变更备案测试孵化器" + tag);
        String path = "/api/registry/carriers/" + carrier + "/changes";

        // bad input: every missing field named, nothing stored
        Http.Response empty = as("applicant1").upload(path, Map.of(), "other", "x.pdf", "application/pdf", TestFiles.pdf("x"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("errors").findValuesAsText("field")).contains("type", "effectiveDate", "reason", "evidence");
        Http.Response badValues = report("applicant1", carrier, Map.of("type", "AREA", "effectiveDate", TODAY.plusDays(1).toString(),
                "incubationArea", "-5", "reason", "面积调整"));
        assertThat(badValues.status()).isEqualTo(400);
        assertThat(badValues.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("effectiveDate", "incubationArea");
        Http.Response badCode = report("applicant1", carrier, Map.of("type", "OPERATOR", "effectiveDate", TODAY.toString(),
                "operatorName", "新运营公司", "operatorCreditCode", "91320100MA1X2Y3W4X", "reason", "股权转让"));
        assertThat(badCode.json().path("errors").findValuesAsText("field")).containsExactly("operatorCreditCode");
        Http.Response notPdf = as("applicant1").upload(path, Map.of("type", "NAME", "effectiveDate", TODAY.toString(), "carrierName",
                "改名孵化器" + tag, "reason", "更名"), "evidence", "证明.pdf", "application/pdf", "not a pdf at all".getBytes());
        assertThat(notPdf.status()).isEqualTo(415);
        assertThat(as("applicant2").upload(path, Map.of("type", "NAME"), "evidence", "a.pdf", "application/pdf", TestFiles.pdf("a"))
                .status()).isEqualTo(403);
        assertThat(anonymous().get(path).status()).isEqualTo(401);
        assertThat(as("province").get("/api/registry/carriers/999999999/changes").status()).isEqualTo(404);
        assertThat(as("expert1").get(path).status()).isEqualTo(403);
        assertThat(as("applicant1").get(path).json()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM carrier_change WHERE carrier_id = ?", Integer.class, carrier)).isZero();

        // a change four months ago: accepted, flagged late; a second report waits for the first
        String newName = "江北新区生命科学园孵化器（更名）" + tag;
        Http.Response filed = report("applicant1", carrier, Map.of("type", "NAME", "effectiveDate", TODAY.minusMonths(4).toString(),
                "carrierName", newName, "reason", "运营机构更名后同步变更载体名称"));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        long change = filed.json().path("id").asLong();
        assertThat(filed.json().path("late").asBoolean()).isTrue();
        assertThat(filed.json().path("reportDeadline").asText()).isEqualTo(TODAY.minusMonths(4).plusMonths(3).toString());
        assertThat(filed.json().path("oldValues").path("carrierName").asText()).isEqualTo("变更备案测试孵化器" + tag);
        assertThat(filed.json().path("documents")).hasSize(1);
        assertThat(report("applicant1", carrier, Map.of("type", "SITE", "effectiveDate", TODAY.toString(), "address", "新地址",
                "reason", "搬迁")).status()).isEqualTo(409);
        assertThat(as("suzhou").get(path).status()).isEqualTo(403);

        JsonNode check = awaitTask(change, "CityChangeCheckTask", "nanjing");
        JsonNode form = as("nanjing").get("/engine-rest/task/" + check.path("id").asText() + "/form-variables").json();
        assertThat(form.path("changeSummaryMarkdown").path("value").asText()).contains("逾期备案").contains(newName.substring(0, 6));
        assertThat(as("suzhou").get("/engine-rest/task?processInstanceBusinessKey=CHANGE-" + change).json()).isEmpty();
        Http.Response fraudWithConfirm = as("nanjing").post("/engine-rest/task/" + check.path("id").asText() + "/complete",
                Map.of("variables", Map.of("changeCheck", Map.of("value", "CONFIRM"), "fraudFound", Map.of("value", true))));
        assertThat(fraudWithConfirm.status()).isEqualTo(400);
        complete("nanjing", check.path("id").asText(), Map.of("changeCheck", "CONFIRM", "changeComment", "经核实属实"));
        assertThat(awaitChange(carrier, change, "PROVINCE_CONFIRM").path("late").asBoolean()).isTrue();
        complete("province", awaitTask(change, "ProvinceChangeConfirmTask", "province").path("id").asText(), Map.of("changeConfirm", "CONFIRM"));
        awaitChange(carrier, change, "CONFIRMED");
        JsonNode entry = anonymous().get("/api/registry/carriers/" + carrier).json();
        assertThat(entry.path("carrier").path("name").asText()).isEqualTo(newName);
        assertThat(entry.path("history").toString()).contains("CHANGED").contains("变更备案测试孵化器" + tag).contains("逾期备案");
        assertThat(entry.path("carrier").path("status").asText()).isEqualTo("ACTIVE");

        // the area drops below JIANGSU-2019's 5,000 m²: confirmed, and the carrier is put on warning with that reason
        Http.Response area = report("applicant1", carrier, Map.of("type", "AREA", "effectiveDate", TODAY.minusDays(10).toString(),
                "incubationArea", "4000", "reason", "部分场地退租"));
        assertThat(area.status()).as(area.text()).isEqualTo(201);
        long areaChange = area.json().path("id").asLong();
        assertThat(area.json().path("late").asBoolean()).isFalse();
        assertThat(area.json().path("oldValues").path("incubationArea").asDouble()).isEqualTo(12000);
        complete("nanjing", awaitTask(areaChange, "CityChangeCheckTask", "nanjing").path("id").asText(), Map.of("changeCheck", "CONFIRM"));
        complete("province", awaitTask(areaChange, "ProvinceChangeConfirmTask", "province").path("id").asText(),
                Map.of("changeConfirm", "CONFIRM"));
        awaitChange(carrier, areaChange, "CONFIRMED");
        JsonNode warned = anonymous().get("/api/registry/carriers/" + carrier).json();
        assertThat(warned.path("carrier").path("status").asText()).isEqualTo("WARNING");
        assertThat(warned.path("history").toString()).contains("孵化场地面积变更为 4000 平方米后不再符合 JIANGSU-2019").contains("5000");
    }

    @Test
    void fraudFoundInAChangeCheckBarsTheOperatorAndTheApproverRevokesTheCarrier() {
        String tag = Long.toString(System.nanoTime() % 100_000);
        long carrier = certifiedCarrier("变更造假测试孵化器" + tag);
        try {
            Http.Response filed = report("applicant1", carrier, Map.of("type", "SITE", "effectiveDate", TODAY.minusDays(5).toString(),
                    "address", "南京市江北新区新址1号", "incubationArea", "13000", "reason", "整体搬迁"));
            assertThat(filed.status()).as(filed.text()).isEqualTo(201);
            long change = filed.json().path("id").asLong();
            String check = awaitTask(change, "CityChangeCheckTask", "nanjing").path("id").asText();
            Http.Response noComment = as("nanjing").post("/engine-rest/task/" + check + "/complete",
                    Map.of("variables", Map.of("changeCheck", Map.of("value", "REJECT"), "fraudFound", Map.of("value", true))));
            assertThat(noComment.status()).isEqualTo(400);
            complete("nanjing", check, Map.of("changeCheck", "REJECT", "changeComment", "新址租赁合同系伪造，现场无孵化场地", "fraudFound", true));
            JsonNode revocation = awaitTask(change, "ChangeRevocationTask", "approver");
            assertThat(awaitChange(carrier, change, "REVOCATION").path("status").asText()).isEqualTo("REVOCATION");
            complete("approver", revocation.path("id").asText(), Map.of("revoke", true, "revocationReason", "伪造场地证明，情节严重"));
            JsonNode revoked = awaitChange(carrier, change, "REVOKED");
            assertThat(revoked.path("outcome").asText()).contains("撤销认定");
            JsonNode entry = anonymous().get("/api/registry/carriers/" + carrier).json();
            assertThat(entry.path("carrier").path("status").asText()).isEqualTo("REVOKED");
            assertThat(entry.path("carrier").path("address").asText()).doesNotContain("新址");
            // the operator is barred from applying, and a revoked carrier takes no further change reports
            CertificationDriver d = new CertificationDriver(this::as);
            long next = d.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", "造假后新申报孵化器" + tag));
            Http.Response barred = as("applicant1").post("/api/applications/" + next + "/submit", Map.of());
            assertThat(barred.status()).isEqualTo(409);
            assertThat(barred.json().path("barredUntil").asText()).isEqualTo(TODAY.plusYears(2).toString());
            assertThat(report("applicant1", carrier, Map.of("type", "NAME", "effectiveDate", TODAY.toString(), "carrierName", "x",
                    "reason", "x")).status()).isEqualTo(409);
        } finally {
            jdbc.update("DELETE FROM fraud_finding WHERE credit_code = ?", Drafts.APPLICANT1_CREDIT_CODE); // other tests file for applicant1
        }
    }
}
