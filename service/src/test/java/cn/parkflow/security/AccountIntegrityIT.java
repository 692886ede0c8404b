package cn.parkflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.Certify;
import cn.parkflow.registry.City;
import cn.parkflow.registry.CreditCode;
import cn.parkflow.registry.Industry;
import cn.parkflow.registry.Level;
import cn.parkflow.registry.RegistryService;
import cn.parkflow.testsupport.AbstractIT;
import cn.parkflow.testsupport.CamundaWebapp;
import cn.parkflow.testsupport.Drafts;
import cn.parkflow.testsupport.Http;
import cn.parkflow.testsupport.TestFiles;
import cn.parkflow.testsupport.ItInfrastructure;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Security regression suite, part 3 (items 6, 9–13): accounts, logins and the hygiene of public
 * endpoints, exports and downloads, replayed over HTTP.
 */
class AccountIntegrityIT extends AbstractIT {

    static final String STRONG = "Strong-Pass-2026!";
    private static final AtomicInteger ADDRESS = new AtomicInteger(10);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RegistryService registry;

    @org.springframework.beans.factory.annotation.Value("${parkflow.security.address-max-failures}")
    int addressMaxFailures;

    /** A client seen from its own address (the tests reach the server through 127.0.0.1, a trusted proxy). */
    Http from(Http client) {
        return client.with("X-Forwarded-For", "203.0.113." + ADDRESS.incrementAndGet());
    }

    private final List<String> created = new java.util.ArrayList<>();

    /** The test's accounts leave with it: no other test draws them as experts or reviewers. */
    @org.junit.jupiter.api.AfterEach
    void removeAccounts() {
        created.forEach(id -> as("admin").delete("/engine-rest/user/" + id));
    }

    String account(String prefix, String group) {
        String id = prefix + UUID.randomUUID().toString().substring(0, 6);
        created.add(id);
        Http.Response created = as("admin").post("/engine-rest/user/create", Map.of(
                "profile", Map.of("id", id, "firstName", "测试", "lastName", "账号", "email", id + "@example.cn"),
                "credentials", Map.of("password", STRONG)));
        assertThat(created.status()).as(created.text()).isEqualTo(204);
        assertThat(as("admin").put("/engine-rest/group/" + group + "/members/" + id, Map.of()).status()).isEqualTo(204);
        return id;
    }

    @Test
    void item6_strangersLockAnAccountOnlyForAWhileAndNeverEveryAccount() {
        String user = account("lockme", "city-320100");
        for (int i = 0; i < 5; i++) {
            assertThat(anonymous().with("X-Forwarded-For", "198.51.100." + i).as(user, "wrong-" + i).get("/api/applications").status())
                    .isEqualTo(401);
        }
        Http.Response locked = from(anonymous()).as(user, STRONG).get("/api/applications");
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().path("detail").asText()).contains("锁定").contains("后再试");
        assertThat(CamundaWebapp.login(from(anonymous().withSession()), "tasklist", user, STRONG).status()).isEqualTo(401);
        // a lock that ends, not a permanent one: about lock-duration ahead, far below the engine's permanent limit
        Map<String, Object> row = jdbc.queryForMap("SELECT ATTEMPTS_, LOCK_EXP_TIME_ FROM ACT_ID_USER WHERE ID_ = ?", user);
        assertThat(((Number) row.get("ATTEMPTS_")).intValue()).isEqualTo(5);
        assertThat(row.get("LOCK_EXP_TIME_")).isNotNull();
        // the province unlocks; the account works again, and the audit trail says who did what from where
        assertThat(as("nanjing").post("/api/accounts/" + user + "/unlock", Map.of()).status()).isEqualTo(403);
        assertThat(as("province").post("/api/accounts/" + user + "/unlock", Map.of()).status()).isEqualTo(204);
        assertThat(from(anonymous()).as(user, STRONG).get("/api/applications").status()).isEqualTo(200);
        List<String> actions = as("admin").get("/api/accounts/audit?user=" + user).json().findValuesAsText("action");
        assertThat(actions).contains("LOGIN_FAILED", "ACCOUNT_LOCKED", "ACCOUNT_UNLOCKED");
        assertThat(as("admin").get("/api/accounts/audit?user=" + user).json().findValuesAsText("address")).contains("198.51.100.0");
        assertThat(as("province").get("/api/accounts/audit").status()).isEqualTo(403);

        // five more failures lock it again; when the lock has run out it logs in: never the engine's permanent lock
        for (int i = 0; i < 6; i++) {
            from(anonymous()).as(user, "again-" + i).get("/api/applications");
        }
        assertThat(from(anonymous()).as(user, STRONG).get("/api/applications").status()).isEqualTo(401);
        jdbc.update("UPDATE ACT_ID_USER SET LOCK_EXP_TIME_ = ? WHERE ID_ = ?", java.sql.Timestamp.valueOf("2001-01-01 00:00:00"), user);
        assertThat(from(anonymous()).as(user, STRONG).get("/api/applications").status()).isEqualTo(200);
    }

    @Test
    void item6_failuresAtTheTasklistLoginLockTheAccountEverywhereAndTheProvinceUnlocksIt() {
        String user = account("tlock", "city-320300");
        for (int i = 0; i < 5; i++) {
            Http.Response failed = CamundaWebapp.login(from(anonymous().withSession()), "tasklist", user, "wrong-" + i);
            assertThat(failed.status()).isEqualTo(401);
        }
        // locked now: Tasklist refuses the right password, and so does the API, saying until when
        assertThat(CamundaWebapp.login(from(anonymous().withSession()), "tasklist", user, STRONG).status()).isEqualTo(401);
        Http.Response api = from(anonymous()).as(user, STRONG).get("/api/applications");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.json().path("detail").asText()).contains("账号已锁定，请于").contains("后再试");
        assertThat(as("province").post("/api/accounts/" + user + "/unlock", Map.of()).status()).isEqualTo(204);
        assertThat(CamundaWebapp.login(from(anonymous().withSession()), "tasklist", user, STRONG).status()).isEqualTo(200);
        List<String> actions = as("admin").get("/api/accounts/audit?user=" + user).json().findValuesAsText("action");
        assertThat(actions).contains("LOGIN_FAILED", "ACCOUNT_LOCKED", "ACCOUNT_UNLOCKED", "LOGIN_SUCCEEDED");
    }

    /** A portal session of the user, with its CSRF token. */
    Http portalSession(String user, String password) {
        Http session = from(anonymous().withSession());
        Http.Response login = session.post("/api/session", Map.of("username", user, "password", password));
        assertThat(login.status()).as(login.text()).isEqualTo(200);
        return session.with("X-Parkflow-Csrf", login.json().path("csrfToken").asText());
    }

    @Test
    void aPasswordChangeEndsTheAccountsOtherSessionsInThePortalAndTheWebapps() {
        String user = account("rotate", "city-320100");
        Http changing = portalSession(user, STRONG);
        Http otherBrowser = portalSession(user, STRONG);
        Http tasklist = from(anonymous().withSession());
        assertThat(CamundaWebapp.login(tasklist, "tasklist", user, STRONG).status()).isEqualTo(200);
        assertThat(tasklist.get("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(200);
        assertThat(otherBrowser.get("/api/applications").status()).isEqualTo(200);

        String renewed = STRONG + "x";
        Http.Response changed = changing.post("/api/session/password", Map.of("currentPassword", STRONG, "newPassword", renewed));
        assertThat(changed.status()).as(changed.text()).isEqualTo(204);

        assertThat(changing.get("/api/session").status()).isEqualTo(200); // the session that changed it continues
        assertThat(changing.get("/api/applications").status()).isEqualTo(200);
        assertThat(otherBrowser.get("/api/session").status()).isEqualTo(401);
        assertThat(otherBrowser.get("/api/applications").status()).isEqualTo(401);
        assertThat(tasklist.get("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(401);
        Http.Response page = tasklist.get("/camunda/app/tasklist/default/");
        assertThat(page.status()).isIn(200, 302); // the page again, with the login form
        assertThat(tasklist.get("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(401);

        // a new login works, and a change made elsewhere (the administrator, over engine REST) ends that session too
        Http again = portalSession(user, renewed);
        Http.Response reset = as("admin").put("/engine-rest/user/" + user + "/credentials",
                Map.of("password", STRONG, "authenticatedUserPassword", ItInfrastructure.ADMIN_PASSWORD));
        assertThat(reset.status()).as(reset.text()).isEqualTo(204);
        assertThat(again.get("/api/session").status()).isEqualTo(401);
        assertThat(changing.get("/api/session").status()).isEqualTo(401);
        assertThat(portalSession(user, STRONG).get("/api/session").status()).isEqualTo(200);
    }

    @Test
    void item6_oneClientAddressIsSlowedWithoutLockingTheAccountsItTries() {
        String victim = account("victim", "city-320200");
        Http attacker = from(anonymous()); // one address
        for (int i = 0; i < addressMaxFailures; i++) {
            attacker.as("nobody" + i, "wrong").get("/api/applications");
        }
        Http.Response slowed = attacker.as(victim, "wrong").get("/api/applications");
        assertThat(slowed.status()).isEqualTo(401);
        assertThat(slowed.json().path("detail").asText()).contains("登录失败次数过多");
        // refused at that address without counting against the account: it logs in from elsewhere
        Integer attempts = jdbc.queryForObject("SELECT ATTEMPTS_ FROM ACT_ID_USER WHERE ID_ = ?", Integer.class, victim);
        assertThat(attempts == null ? 0 : attempts).isZero();
        assertThat(from(anonymous()).as(victim, STRONG).get("/api/applications").status()).isEqualTo(200);
    }

    @Test
    void item9_anOperatorAccountWithoutACreditCodeCannotFileForAnyOperator() {
        String user = account("nocode", "applicant");
        Http.Response created = anonymous().as(user, STRONG).post("/api/applications",
                Drafts.with(Drafts.nanjingIncubator(), "carrierName", "冒名申报孵化器" + user));
        assertThat(created.status()).as(created.text()).isEqualTo(403);
        assertThat(created.json().path("detail").asText()).contains("尚未绑定运营机构");
    }

    @Test
    void item10_csvCellsThatASpreadsheetWouldRunAreNeutralised() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        registry.certify(new Certify(CreditCode.of(Drafts.APPLICANT1_CREDIT_CODE), "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil\",\"" + tag + "\")",
                CarrierKind.INCUBATOR, Level.CITY, City.NANJING, "+地址" + tag, Set.of(Industry.OTHER), "JIANGSU-2019",
                LocalDate.of(2024, 1, 1), null, null), "it");
        String csv = anonymous().get("/api/registry/carriers/export?format=csv&q=" + tag).text();
        assertThat(csv).contains("'=HYPERLINK").contains("'=cmd").contains("'+地址" + tag);
        assertThat(csv).doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
    }

    @Test
    void item11_passwordsFollowThePolicyAndNamesAreChangedByAdminOnly() {
        String user = account("policy", "applicant");
        Http self = anonymous().as(user, STRONG);
        Http.Response weak = self.put("/engine-rest/user/" + user + "/credentials", Map.of("password", "1", "authenticatedUserPassword", STRONG));
        assertThat(weak.status()).as(weak.text()).isBetween(400, 499);
        assertThat(anonymous().as(user, "1").get("/api/applications").status()).isEqualTo(401);
        assertThat(self.put("/engine-rest/user/" + user + "/credentials", Map.of("password", "Another-Pass-77#", "authenticatedUserPassword", STRONG))
                .status()).isEqualTo(204);
        Http renamed = anonymous().as(user, "Another-Pass-77#");
        Http.Response rename = renamed.put("/engine-rest/user/" + user + "/profile",
                Map.of("id", user, "firstName", "省科技厅", "lastName", "审核员", "email", user + "@example.cn"));
        assertThat(rename.status()).isEqualTo(403);
        assertThat(as("admin").get("/engine-rest/user/" + user + "/profile").json().path("firstName").asText()).isEqualTo("测试");
        // the policy holds for administrators too
        assertThat(as("admin").post("/engine-rest/user/create", Map.of("profile", Map.of("id", "weak" + user),
                "credentials", Map.of("password", "demo"))).status()).isBetween(400, 499);
    }

    @Test
    void item12_publicEndpointsAreLimitedBeforeTheBodyIsRead() {
        byte[] big = new byte[70 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        Http.Response tooLarge = anonymous().postBody("/api/applications/1/objections", "application/json", big);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().path("title").asText()).isEqualTo("请求过大");
        Http.Response multipart = anonymous().upload("/api/applications/1/objections", Map.of("objectorName", "x"), "file", "a.pdf",
                "application/pdf", TestFiles.pdf("x"));
        assertThat(multipart.status()).isEqualTo(415);
        assertThat(anonymous().postBody("/api/session", "application/json", big).status()).isEqualTo(413);
        // objections are limited per client address
        Http objector = from(anonymous());
        Map<String, Object> objection = Map.of("objectorName", "张三", "contact", "13800000000", "text", "材料不实");
        for (int i = 0; i < 30; i++) {
            assertThat(objector.post("/api/applications/999999/objections", objection).status()).isNotEqualTo(429);
        }
        Http.Response limited = objector.post("/api/applications/999999/objections", objection);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("retry-after")).isNotNull();
        assertThat(from(anonymous()).post("/api/applications/999999/objections", objection).status()).isNotEqualTo(429);
    }

    @Test
    void item13_cookiesHeadersMessagesAndDownloads() {
        Http.Response plain = anonymous().post("/api/session", Map.of("username", "wuxi", "password", DEMO_PASSWORD));
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.header("set-cookie")).contains("JSESSIONID").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly")
                .doesNotContainIgnoringCase("Secure");
        Http.Response tls = anonymous().with("X-Forwarded-Proto", "https").post("/api/session", Map.of("username", "wuxi", "password", DEMO_PASSWORD));
        assertThat(tls.header("set-cookie")).containsIgnoringCase("Secure").containsIgnoringCase("SameSite=Lax");
        assertThat(anonymous().get("/portal/login.html").header("content-security-policy")).contains("script-src 'self'")
                .doesNotContain("unsafe-inline' 'self'; script");
        // a polyglot "PDF" named .html is served under a .pdf name
        Http applicant = as("applicant1");
        long id = applicant.post("/api/applications", Drafts.with(Drafts.nanjingIncubator(), "carrierName", "下载后缀测试" + UUID.randomUUID()))
                .json().path("id").asLong();
        long doc = applicant.upload("/api/applications/" + id + "/documents", Map.of("type", "OTHER"), "file", "x.html", "text/html",
                TestFiles.pdf("<html><script>alert(1)</script></html>")).json().path("id").asLong();
        Http.Response download = applicant.get("/api/applications/" + id + "/documents/" + doc + "?download=true");
        assertThat(download.status()).isEqualTo(302);
        String location = URLDecoder.decode(download.header("location"), StandardCharsets.UTF_8);
        assertThat(location).contains("x.pdf").doesNotContain("x.html").contains("attachment");
    }

    @Test
    void checkedAndSound_engineRestRefusesWhatParticipantsMustNotDo() {
        Http nanjing = as("nanjing");
        assertThat(nanjing.post("/engine-rest/process-definition/key/certification/start", Map.of()).status()).isEqualTo(403);
        assertThat(nanjing.post("/engine-rest/group/create", Map.of("id", "x-" + UUID.randomUUID().toString().substring(0, 6), "name", "x"))
                .status()).isEqualTo(403);
        assertThat(nanjing.post("/engine-rest/authorization/create", Map.of("type", 1, "permissions", List.of("ALL"), "userId", "nanjing",
                "resourceType", 0, "resourceId", "*")).status()).isEqualTo(403);
        assertThat(nanjing.post("/engine-rest/decision-definition/key/EligibilityRuleSet/evaluate", Map.of("variables", Map.of()))
                .status()).isIn(403, 404);
        assertThat(nanjing.get("/engine-rest/task?assigneeExpression=" + java.net.URLEncoder.encode("${currentUser()}", StandardCharsets.UTF_8))
                .status()).isIn(400, 403);
        assertThat(nanjing.get("/engine-rest/user?memberOfGroup=city-320200").json()).isEmpty();
        assertThat(as("applicant1").get("/engine-rest/history/process-instance?processDefinitionKey=certification").json()).isEmpty();
        assertThat(anonymous().get("/actuator/env").status()).isIn(401, 403, 404);
        Http.Response error = nanjing.get("/api/applications/not-a-number");
        assertThat(error.text()).doesNotContain("at org.").doesNotContain("Exception");
        Http.Response cors = anonymous().with("Origin", "https://evil.example").get("/api/registry/carriers?size=1");
        assertThat(cors.header("access-control-allow-origin")).isNull();
    }
}
