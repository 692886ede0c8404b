package cn.parkflow.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.registry.CreditCode;
import cn.parkflow.testsupport.AbstractIT;
import cn.parkflow.testsupport.Drafts;
import cn.parkflow.testsupport.Http;
import cn.parkflow.testsupport.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Operators register their own accounts over HTTP, as a client would: a pending account logs in but may not
 * file; its city (not another) verifies the uploaded business licence and approves or rejects; an approved
 * account files for its own operator only. Every bad input is refused with its field and creates nothing.
 */
class OperatorRegistrationIT extends AbstractIT {

    static final String PASSWORD = "Kj8#mPq2wX!z";

    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    static String username() {
        return "op" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static String creditCode() {
        StringBuilder draft = new StringBuilder("91320100");
        for (int i = 0; i < 9; i++) {
            draft.append(ThreadLocalRandom.current().nextInt(10));
        }
        return CreditCode.withCheckCharacter(draft.toString()).value();
    }

    static Map<String, Object> registration(String username, String creditCode, String city) {
        Map<String, Object> r = new HashMap<>();
        r.put("username", username);
        r.put("password", PASSWORD);
        r.put("displayName", "王经理");
        r.put("operatorName", "南京升级孵化管理有限公司");
        r.put("creditCode", creditCode);
        r.put("city", city);
        r.put("mobile", "13912345678");
        r.put("email", username + "@example.cn");
        return r;
    }

    Http registrant(String username) {
        return anonymous().as(username, PASSWORD);
    }

    Http.Response register(Map<String, Object> registration) {
        return anonymous().with("X-Forwarded-For", "10.13.0." + ThreadLocalRandom.current().nextInt(1, 250))
                .post("/api/accounts/operators", registration);
    }

    void uploadLicence(String username) {
        Http.Response r = registrant(username).upload("/api/accounts/operators/" + username + "/licence", Map.of(), "file",
                "营业执照.pdf", "application/pdf", TestFiles.pdf("营业执照 " + username));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().path("sha256").asText()).hasSize(64);
    }

    @Test
    void aPendingAccountLogsInButMayNotFileUntilItsOwnCityApprovesIt() {
        String user = username();
        String code = creditCode();
        Http.Response created = register(registration(user, code, "320100"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().path("username").asText()).isEqualTo(user);
        assertThat(created.json().path("status").asText()).isEqualTo("PENDING");

        JsonNode own = registrant(user).get("/api/accounts/operators/" + user).json();
        assertThat(own.path("statusLabel").asText()).isEqualTo("待审核");
        Http.Response filing = registrant(user).post("/api/applications", Drafts.with(Drafts.nanjingIncubator(), "creditCode", code));
        assertThat(filing.status()).as(filing.text()).isEqualTo(403);
        assertThat(filing.json().path("detail").asText()).contains("待审核");

        Http.Response early = as("nanjing").post("/api/accounts/operators/" + user + "/approve", Map.of());
        assertThat(early.status()).as("approval without a licence").isEqualTo(422);
        assertThat(as("applicant1").upload("/api/accounts/operators/" + user + "/licence", Map.of(), "file", "x.pdf", "application/pdf",
                TestFiles.pdf("他人")).status()).as("someone else's upload").isEqualTo(404);
        uploadLicence(user);

        assertThat(as("suzhou").post("/api/accounts/operators/" + user + "/approve", Map.of()).status()).as("another city").isEqualTo(404);
        assertThat(as("suzhou").get("/api/accounts/operators?status=PENDING").json().findValuesAsText("username")).doesNotContain(user);
        assertThat(as("nanjing").get("/api/accounts/operators?status=PENDING").json().findValuesAsText("username")).contains(user);
        assertThat(as("province").get("/api/accounts/operators?status=PENDING").json().findValuesAsText("username")).contains(user);
        Http.Response licence = as("nanjing").download("/api/accounts/operators/" + user + "/licence");
        assertThat(licence.status()).isEqualTo(200);
        assertThat(new String(licence.body(), java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF");

        Http.Response approved = as("nanjing").post("/api/accounts/operators/" + user + "/approve", Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(approved.json().path("decidedBy").asText()).isEqualTo("nanjing");
        assertThat(as("nanjing").post("/api/accounts/operators/" + user + "/approve", Map.of()).status()).as("twice").isEqualTo(409);
        assertThat(identity.getUserInfo(user, "operatorCreditCode")).isEqualTo(code);

        Http.Response own2 = registrant(user).post("/api/applications", Drafts.with(Drafts.nanjingIncubator(), "creditCode", code));
        assertThat(own2.status()).as(own2.text()).isEqualTo(201);
        Http.Response other = registrant(user).post("/api/applications", Drafts.nanjingIncubator());
        assertThat(other.status()).as("another operator's credit code").isEqualTo(400);
        assertThat(other.json().path("errors").findValuesAsText("field")).contains("creditCode");
        assertThat(jdbc.queryForList("SELECT action FROM account_event WHERE user_id = ? ORDER BY id", String.class, user))
                .contains("OPERATOR_REGISTERED", "LICENCE_UPLOADED", "REGISTRATION_APPROVED");
    }

    @Test
    void aRejectionNeedsAReasonAndTheRegistrantReadsIt() {
        String user = username();
        String code = creditCode();
        assertThat(register(registration(user, code, "320500")).status()).isEqualTo(201);
        uploadLicence(user);
        Http.Response noReason = as("suzhou").post("/api/accounts/operators/" + user + "/reject", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("errors").findValuesAsText("field")).containsExactly("reason");
        Http.Response rejected = as("suzhou").post("/api/accounts/operators/" + user + "/reject",
                Map.of("reason", "营业执照与运营机构名称不一致"));
        assertThat(rejected.status()).as(rejected.text()).isEqualTo(200);
        JsonNode own = registrant(user).get("/api/accounts/operators/" + user).json();
        assertThat(own.path("status").asText()).isEqualTo("REJECTED");
        assertThat(own.path("reason").asText()).isEqualTo("营业执照与运营机构名称不一致");
        Http.Response filing = registrant(user).post("/api/applications", Drafts.with(Drafts.nanjingIncubator(), "creditCode", code));
        assertThat(filing.status()).isEqualTo(403);
        assertThat(filing.json().path("detail").asText()).contains("未通过");
    }

    @Test
    void severalAccountsMayBelongToOneOperator() {
        String code = creditCode();
        String first = username();
        String second = username();
        assertThat(register(registration(first, code, "320100")).status()).isEqualTo(201);
        assertThat(register(registration(second, code, "320100")).status()).isEqualTo(201);
        assertThat(as("nanjing").get("/api/accounts/operators").json().findValuesAsText("username")).contains(first, second);
    }

    @Test
    void everyBadInputIsRefusedWithItsFieldAndCreatesNothing() {
        record Case(String field, Object value, String expectedField) {}
        List<Case> cases = List.of(
                new Case("creditCode", "91320100MA1X2Y3W4Z", "creditCode"),
                new Case("password", "short", "password"),
                new Case("password", "alllowercaseletters", "password"),
                new Case("mobile", "12345678901", "mobile"),
                new Case("mobile", "1391234567", "mobile"),
                new Case("email", "not-an-address@", "email"),
                new Case("city", "999999", "city"),
                new Case("username", "中文名", "username"),
                new Case("displayName", " ", "displayName"));
        for (Case c : cases) {
            String user = c.field().equals("username") ? (String) c.value() : username();
            Map<String, Object> r = registration(user, creditCode(), "320100");
            r.put(c.field(), c.value());
            Http.Response refused = register(r);
            assertThat(refused.status()).as(c + ": " + refused.text()).isEqualTo(400);
            assertThat(refused.json().path("errors").findValuesAsText("field")).as(c.toString()).contains(c.expectedField());
            assertThat(identity.createUserQuery().userId(user).count()).as("no account for " + c).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operator_registration WHERE username = ?", Integer.class, user))
                    .as("no registration for " + c).isZero();
        }
        Http.Response weak = register(Map.of("username", username(), "password", "short"));
        assertThat(weak.status()).isEqualTo(400);

        Map<String, Object> taken = registration("nanjing", creditCode(), "320100");
        Http.Response conflict = register(taken);
        assertThat(conflict.status()).as("an existing account's name").isEqualTo(409);
        String user = username();
        assertThat(register(registration(user, creditCode(), "320100")).status()).isEqualTo(201);
        assertThat(register(registration(user, creditCode(), "320200")).status()).as("a registered name").isEqualTo(409);
        Http.Response policy = register(registration(username(), creditCode(), "320100")
                .entrySet().stream().collect(HashMap::new, (m, e) -> m.put(e.getKey(), e.getKey().equals("password") ? "abcdefghij" : e.getValue()),
                        HashMap::putAll));
        assertThat(policy.json().path("errors").get(0).path("detail").asText()).contains("密码不符合密码策略").contains("大写字母");
    }
}
