package cn.parkflow.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.registry.CreditCode;
import cn.parkflow.testsupport.AbstractIT;
import cn.parkflow.testsupport.CamundaWebapp;
import cn.parkflow.testsupport.CertificationDriver;
import cn.parkflow.testsupport.Drafts;
import cn.parkflow.testsupport.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The province's expert pool over HTTP, as its clients use it: experts created with a one-time password
 * that must be changed first, every bad input refused with its field and nothing stored, drawing by
 * specialty and conflict of interest in a running certification, deactivation handing an open task to
 * another expert who completes it, the xlsx import with per-row errors, reviewer accounts by the admin.
 * Every expert a test enters is deactivated afterwards, so that no other test draws an expert whose
 * password it does not know.
 */
class ExpertPoolIT extends AbstractIT {

    static final String STRONG = "Zq7!rTm2#Lp9";

    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    private final List<String> entered = new ArrayList<>();
    private final Map<String, String> passwords = new HashMap<>();

    @AfterEach
    void deactivateTheExpertsEntered() {
        for (String expert : entered) {
            Boolean active = jdbc.queryForObject("SELECT active FROM expert WHERE username = ?", Boolean.class, expert);
            if (Boolean.TRUE.equals(active)) {
                Http.Response r = as("province").post("/api/accounts/experts/" + expert + "/deactivate", Map.of());
                assertThat(r.status()).as(r.text()).isEqualTo(200);
            }
        }
    }

    static String username(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    static String creditCode(String prefix) {
        StringBuilder draft = new StringBuilder(prefix);
        while (draft.length() < 17) {
            draft.append(ThreadLocalRandom.current().nextInt(10));
        }
        return CreditCode.withCheckCharacter(draft.toString()).value();
    }

    static Map<String, Object> expert(String username, String city, List<String> industries, List<String> conflicts) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("username", username);
        e.put("displayName", "赵研究员");
        e.put("homeCity", city);
        e.put("employerName", "江苏省产业技术研究院");
        e.put("employerCreditCode", creditCode("12320000"));
        e.put("industries", industries);
        e.put("title", "研究员");
        e.put("email", username + "@example.cn");
        e.put("mobile", "13800001111");
        e.put("conflicts", conflicts);
        return e;
    }

    /** Enters the expert, changes its initial password to {@link #STRONG}, and returns its id. */
    String enter(Map<String, Object> form) {
        Http.Response created = as("province").post("/api/accounts/experts", form);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String user = created.json().path("username").asText();
        entered.add(user);
        String initial = created.json().path("initialPassword").asText();
        Http.Response changed = anonymous().as(user, initial).post("/api/session/password",
                Map.of("currentPassword", initial, "newPassword", STRONG));
        assertThat(changed.status()).as(changed.text()).isEqualTo(204);
        passwords.put(user, STRONG);
        return user;
    }

    Http user(String id) {
        return passwords.containsKey(id) ? anonymous().as(id, passwords.get(id)) : as(id);
    }

    CertificationDriver driver() {
        return new CertificationDriver(this::user);
    }

    /** An application of applicant1 (Nanjing) in the given industries, submitted and recommended by the city. */
    long atProvinceReview(CertificationDriver d, String name, List<String> industries) {
        Map<String, Object> draft = Drafts.with(Drafts.with(Drafts.nanjingIncubator(), "carrierName", name), "industries", industries);
        long id = d.draftWithDocuments(draft);
        Http.Response submitted = as("applicant1").post("/api/applications/" + id + "/submit", Map.of());
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        // the city names its own panel, so that the province's draw may seat any expert of the pool
        d.completeOk("nanjing", d.awaitCityReview(id, List.of("expert2", "expert3", "expert4")).path("id").asText(),
                Map.of("cityDecision", "RECOMMEND"));
        return id;
    }

    @Test
    void theProvinceEntersAnExpertWhoseInitialPasswordMustBeChangedBeforeAnythingElse() {
        String name = username("exp");
        Map<String, Object> form = expert(name, "320200", List.of("QUANTUM", "GENERAL_AI"), List.of(Drafts.APPLICANT2_CREDIT_CODE));
        Http.Response created = as("province").post("/api/accounts/experts", form);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        entered.add(name);
        String initial = created.json().path("initialPassword").asText();
        assertThat(initial).hasSizeGreaterThanOrEqualTo(16).matches(".*[A-Z].*").matches(".*[a-z].*").matches(".*[0-9].*");
        assertThat(created.json().path("expert").path("industries")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("QUANTUM", "GENERAL_AI");
        assertThat(created.json().path("expert").path("conflicts").get(0).asText()).isEqualTo(Drafts.APPLICANT2_CREDIT_CODE);
        assertThat(identity.createUserQuery().userId(name).memberOfGroup("expert").count()).isEqualTo(1);

        // logged in with the initial password: only the session and the password change answer
        Http initialLogin = anonymous().as(name, initial);
        Http.Response refused = initialLogin.get("/api/applications");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("passwordChangeRequired").asBoolean()).isTrue();
        assertThat(initialLogin.get("/engine-rest/task").status()).isEqualTo(403);
        Http browser = anonymous().withSession();
        Http.Response session = browser.post("/api/session", Map.of("username", name, "password", initial));
        assertThat(session.status()).as(session.text()).isEqualTo(200);
        assertThat(session.json().path("passwordChangeRequired").asBoolean()).isTrue();
        Http tasklist = anonymous().withSession();
        assertThat(CamundaWebapp.login(tasklist, "tasklist", name, initial).status()).isEqualTo(200);
        assertThat(tasklist.get("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(403);
        Http.Response page = tasklist.get("/camunda/app/tasklist/default/");
        assertThat(page.status()).isEqualTo(302); // the webapp's page leads to the portal's password page
        assertThat(page.header("Location")).endsWith("/portal/password.html");

        Http.Response weak = initialLogin.post("/api/session/password", Map.of("currentPassword", initial, "newPassword", "short1"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().path("errors").get(0).path("field").asText()).isEqualTo("newPassword");
        assertThat(weak.json().path("errors").get(0).path("detail").asText()).contains("至少10个字符");
        Http.Response wrong = initialLogin.post("/api/session/password", Map.of("currentPassword", "not-it", "newPassword", STRONG));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().path("errors").get(0).path("field").asText()).isEqualTo("currentPassword");
        Http.Response same = initialLogin.post("/api/session/password", Map.of("currentPassword", initial, "newPassword", initial));
        assertThat(same.status()).isEqualTo(400);
        assertThat(initialLogin.post("/api/session/password", Map.of("currentPassword", initial, "newPassword", STRONG)).status())
                .isEqualTo(204);
        assertThat(anonymous().as(name, STRONG).get("/api/applications").status()).isEqualTo(200);
        assertThat(anonymous().as(name, STRONG).get("/engine-rest/task").status()).isEqualTo(200);
        assertThat(anonymous().as(name, initial).get("/api/applications").status()).isEqualTo(401);

        // the expert reads its own entry and declares one more conflict; others cannot
        String other = creditCode("91320200");
        Http.Response declared = anonymous().as(name, STRONG).put("/api/accounts/experts/" + name + "/conflicts",
                Map.of("creditCodes", List.of(Drafts.APPLICANT2_CREDIT_CODE, other)));
        assertThat(declared.status()).as(declared.text()).isEqualTo(200);
        assertThat(declared.json().path("conflicts")).hasSize(2);
        Http.Response noList = anonymous().as(name, STRONG).put("/api/accounts/experts/" + name + "/conflicts", Map.of());
        assertThat(noList.status()).as("a body without the list clears nothing").isEqualTo(400);
        assertThat(noList.json().path("errors").get(0).path("field").asText()).isEqualTo("creditCodes");
        Http.Response shortened = anonymous().as(name, STRONG).put("/api/accounts/experts/" + name + "/conflicts",
                Map.of("creditCodes", List.of(other)));
        assertThat(shortened.status()).as("the expert cannot drop a conflict on record").isEqualTo(400);
        assertThat(shortened.text()).contains(Drafts.APPLICANT2_CREDIT_CODE);
        assertThat(as("province").get("/api/accounts/experts/" + name).json().path("conflicts")).hasSize(2);
        assertThat(as("expert1").get("/api/accounts/experts/" + name).status()).isEqualTo(404);
        assertThat(as("nanjing").get("/api/accounts/experts").status()).isEqualTo(403);

        // the province updates and lists with filters
        Map<String, Object> changed = new LinkedHashMap<>(form);
        changed.remove("conflicts");
        Http.Response kept = as("province").put("/api/accounts/experts/" + name, changed);
        assertThat(kept.status()).as(kept.text()).isEqualTo(200);
        assertThat(kept.json().path("conflicts")).hasSize(2); // an update without the list keeps what the expert declared
        changed.put("conflicts", form.get("conflicts"));
        changed.put("title", "正高级工程师");
        changed.put("industries", List.of("QUANTUM"));
        Http.Response updated = as("province").put("/api/accounts/experts/" + name, changed);
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.json().path("title").asText()).isEqualTo("正高级工程师");
        assertThat(updated.json().path("conflicts")).hasSize(1); // the form's list replaces the declared one
        assertThat(as("province").get("/api/accounts/experts?industry=QUANTUM&homeCity=320200&q=" + name).json())
                .extracting(e -> e.path("username").asText()).containsExactly(name);
        assertThat(as("province").get("/api/accounts/experts?industry=GENERAL_AI&q=" + name).json()).isEmpty();

        List<String> actions = as("admin").get("/api/accounts/audit?user=" + name).json().findValuesAsText("action");
        assertThat(actions).contains("EXPERT_CREATED", "PASSWORD_CHANGED", "EXPERT_CONFLICTS_DECLARED", "EXPERT_UPDATED");
    }

    @Test
    void everyBadExpertInputIsRefusedWithItsFieldAndEntersNobody() {
        String name = username("bad");
        Map<String, String> fields = Map.of(
                "homeCity", "310000",
                "employerCreditCode", "12345",
                "email", "not-an-email",
                "mobile", "12345",
                "industries", "[]");
        for (Map.Entry<String, String> bad : fields.entrySet()) {
            Map<String, Object> form = expert(name, "320200", List.of("QUANTUM"), List.of());
            form.put(bad.getKey(), bad.getKey().equals("industries") ? List.of() : bad.getValue());
            Http.Response r = as("province").post("/api/accounts/experts", form);
            assertThat(r.status()).as(bad.getKey() + ": " + r.text()).isEqualTo(400);
            assertThat(r.text()).contains(bad.getKey());
        }
        Http.Response badConflict = as("province").post("/api/accounts/experts",
                expert(name, "320200", List.of("QUANTUM"), List.of("123")));
        assertThat(badConflict.status()).isEqualTo(400);
        assertThat(badConflict.json().path("errors").get(0).path("field").asText()).isEqualTo("conflicts[0]");
        Map<String, Object> noName = expert(null, "320200", List.of("QUANTUM"), List.of());
        assertThat(as("province").post("/api/accounts/experts", noName).json().path("errors").get(0).path("field").asText())
                .isEqualTo("username");
        assertThat(as("nanjing").post("/api/accounts/experts", expert(name, "320200", List.of("QUANTUM"), List.of())).status())
                .isEqualTo(403);
        assertThat(as("province").post("/api/accounts/experts", expert("expert1", "320200", List.of("QUANTUM"), List.of())).status())
                .isEqualTo(409);
        assertThat(identity.createUserQuery().userId(name).count()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM expert WHERE username = ?", Integer.class, name)).isZero();
    }

    @Test
    void drawnPanelsFollowSpecialtyAndConflictAndADeactivatedExpertsTaskGoesToAnother() {
        // an expert of an industry no demo expert knows, and one who declared applicant1's operator a conflict
        String specialist = enter(expert(username("deep"), "320200", List.of("DEEP_SEA_SPACE"), List.of()));
        String conflicted = enter(expert(username("conf"), "320300", List.of("DEEP_SEA_SPACE"), List.of(Drafts.APPLICANT1_CREDIT_CODE)));
        CertificationDriver d = driver();

        long id = atProvinceReview(d, "深海空天专家抽取测试孵化器" + specialist, List.of("DEEP_SEA_SPACE"));
        JsonNode review = d.awaitTask(id, "ProvinceReviewTask", "province");
        // naming the conflicted expert is refused, with the reason
        Http.Response named = d.complete("province", review.path("id").asText(),
                Map.of("provinceCheck", "PASS", "experts", List.of(conflicted, "expert2", "expert3")));
        assertThat(named.status()).isEqualTo(400);
        assertThat(named.text()).contains("已声明");
        d.completeOk("province", review.path("id").asText(), Map.of("provinceCheck", "PASS"));
        JsonNode application = CertificationDriver.await("experts drawn", () -> {
            JsonNode a = d.application(id, "province");
            return "EXPERT_REVIEW".equals(a.path("status").asText()) ? a : null;
        });
        JsonNode assigned = null;
        for (JsonNode e : application.path("timeline")) {
            if (e.path("action").asText().equals("EXPERTS_ASSIGNED")) {
                assigned = e;
            }
        }
        assertThat(assigned).isNotNull();
        String comment = assigned.path("comment").asText();
        assertThat(comment).contains(specialist).doesNotContain(conflicted);
        assertThat(comment).contains("专业领域与申报相符的专家仅1名"); // the rest drawn from any eligible expert, and said so
        JsonNode task = d.awaitTask(id, "ExpertReviewTask", specialist);

        // deactivated: its open task goes to another eligible expert, who completes it
        Http.Response deactivated = as("province").post("/api/accounts/experts/" + specialist + "/deactivate", Map.of());
        assertThat(deactivated.status()).as(deactivated.text()).isEqualTo(200);
        JsonNode handed = deactivated.json().path("reassigned");
        assertThat(handed).hasSize(1);
        assertThat(handed.get(0).path("taskId").asText()).isEqualTo(task.path("id").asText());
        String replacement = handed.get(0).path("replacement").asText();
        assertThat(replacement).isNotEqualTo(specialist).isNotEqualTo(conflicted).isNotEqualTo("expert1"); // expert1 lives in Nanjing
        assertThat(d.tasks(id, "ExpertReviewTask", specialist)).isEmpty();
        assertThat(identity.createUserQuery().userId(specialist).memberOfGroup("expert").count()).isZero();
        JsonNode moved = d.awaitTask(id, "ExpertReviewTask", replacement);
        assertThat(moved.path("assignee").asText()).isEqualTo(replacement);
        Http.Response stale = d.complete(specialist, task.path("id").asText(),
                Map.of("expertScore", 80, "expertOpinion", "SUPPORT", "expertComment", "停用后提交"));
        assertThat(stale.status()).isIn(403, 404);
        d.completeOk(replacement, moved.path("id").asText(), Map.of("expertScore", 85, "expertOpinion", "SUPPORT", "expertComment", "同意"));
        JsonNode after = d.application(id, "province");
        assertThat(after.path("timeline")).anySatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("EXPERT_REPLACED");
            assertThat(e.path("comment").asText()).contains(specialist).contains(replacement);
        });
        assertThat(as("province").get("/api/accounts/experts/" + specialist).json().path("active").asBoolean()).isFalse();
        // drawn no more
        long next = atProvinceReview(d, "停用专家不再抽取测试孵化器" + specialist, List.of("DEEP_SEA_SPACE"));
        d.completeOk("province", d.awaitTask(next, "ProvinceReviewTask", "province").path("id").asText(), Map.of("provinceCheck", "PASS"));
        JsonNode drawnAgain = CertificationDriver.await("experts drawn", () -> {
            JsonNode a = d.application(next, "province");
            return "EXPERT_REVIEW".equals(a.path("status").asText()) ? a : null;
        });
        assertThat(drawnAgain.path("timeline").toString()).doesNotContain(specialist).doesNotContain(conflicted)
                .contains("专业领域与申报相符的专家无");
    }

    @Test
    void deactivationIsRefusedAndChangesNothingWhenNobodyCanTakeTheTask() {
        String only = enter(expert(username("solo"), "320200", List.of("ADVANCED_NUCLEAR"), List.of()));
        CertificationDriver d = driver();
        long id = atProvinceReview(d, "无人接替测试孵化器" + only, List.of("ADVANCED_NUCLEAR"));
        // the panel: the specialist, expert2 and expert3; every other expert outside Nanjing is paused below
        d.completeOk("province", d.awaitTask(id, "ProvinceReviewTask", "province").path("id").asText(),
                Map.of("provinceCheck", "PASS", "experts", List.of(only, "expert2", "expert3")));
        d.awaitTask(id, "ExpertReviewTask", only);
        // nobody else is eligible: the deactivation would strand the task
        List<String> paused = new ArrayList<>();
        for (String e : jdbc.queryForList("SELECT username FROM expert WHERE active = TRUE AND username NOT IN (?, 'expert2', 'expert3')"
                + " AND (home_city IS NULL OR home_city <> '320100')", String.class, only)) {
            jdbc.update("UPDATE expert SET active = FALSE WHERE username = ?", e);
            paused.add(e);
        }
        try {
            Http.Response refused = as("province").post("/api/accounts/experts/" + only + "/deactivate", Map.of());
            assertThat(refused.status()).as(refused.text()).isEqualTo(409);
            assertThat(refused.json().path("detail").asText()).contains("没有可接替");
            assertThat(as("province").get("/api/accounts/experts/" + only).json().path("active").asBoolean()).isTrue();
            assertThat(d.tasks(id, "ExpertReviewTask", only)).hasSize(1);
            assertThat(identity.createUserQuery().userId(only).memberOfGroup("expert").count()).isEqualTo(1);
        } finally {
            paused.forEach(e -> jdbc.update("UPDATE expert SET active = TRUE WHERE username = ?", e));
        }
        Http.Response done = as("province").post("/api/accounts/experts/" + only + "/deactivate", Map.of());
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(as("province").post("/api/accounts/experts/" + only + "/activate", Map.of()).status()).isEqualTo(200);
        assertThat(identity.createUserQuery().userId(only).memberOfGroup("expert").count()).isEqualTo(1);
    }

    static byte[] workbook(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("专家");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void anImportCreatesTheGoodRowsWithTheirPasswordsAndStoresNothingOfABadRow() throws IOException {
        String good = username("imp");
        String badCity = username("imc");
        String badCode = username("imk");
        List<String> header = List.of("用户名", "姓名", "常住城市", "工作单位", "工作单位统一社会信用代码", "专业领域", "职称", "电子邮箱", "手机号码",
                "回避单位统一社会信用代码");
        byte[] file = workbook(List.of(header,
                List.of(good, "钱教授", "无锡市", "江南大学", creditCode("12320200"), "量子科技、通用智能", "教授", good + "@example.cn",
                        "13900002222", Drafts.APPLICANT1_CREDIT_CODE),
                List.of(badCity, "孙教授", "上海", "复旦大学", creditCode("12310000"), "量子科技", "教授", badCity + "@example.cn", "13900003333", ""),
                List.of(badCode, "李教授", "320500", "苏州大学", "123", "未知领域", "教授", "bad", "139", ""),
                List.of(good, "重复", "南京", "南京大学", creditCode("12320100"), "氢能", "教授", "dup@example.cn", "13900004444", "")));
        Http.Response imported = as("province").upload("/api/accounts/experts/import", Map.of(), "file", "专家.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file);
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        entered.add(good);
        JsonNode result = imported.json();
        assertThat(result.path("total").asInt()).isEqualTo(4);
        assertThat(result.path("created")).hasSize(1);
        assertThat(result.path("created").get(0).path("username").asText()).isEqualTo(good);
        assertThat(result.path("created").get(0).path("initialPassword").asText()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(result.path("rejected")).hasSize(3);
        JsonNode cityRow = result.path("rejected").get(0);
        assertThat(cityRow.path("row").asInt()).isEqualTo(3);
        assertThat(cityRow.path("errors").findValuesAsText("field")).containsExactly("常住城市");
        JsonNode codeRow = result.path("rejected").get(1);
        assertThat(codeRow.path("errors").findValuesAsText("field"))
                .contains("工作单位统一社会信用代码", "专业领域", "电子邮箱", "手机号码");
        assertThat(result.path("rejected").get(2).path("errors").findValuesAsText("detail")).anyMatch(d -> d.contains("与第2行用户名重复"));
        for (String rejected : List.of(badCity, badCode)) {
            assertThat(identity.createUserQuery().userId(rejected).count()).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM expert WHERE username = ?", Integer.class, rejected)).isZero();
        }
        JsonNode view = as("province").get("/api/accounts/experts/" + good).json();
        assertThat(view.path("homeCity").asText()).isEqualTo("320200");
        assertThat(view.path("industries")).extracting(JsonNode::asText).containsExactlyInAnyOrder("QUANTUM", "GENERAL_AI");
        assertThat(view.path("conflicts").get(0).asText()).isEqualTo(Drafts.APPLICANT1_CREDIT_CODE);

        Http.Response notAWorkbook = as("province").upload("/api/accounts/experts/import", Map.of(), "file", "专家.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "用户名,姓名\n".getBytes());
        assertThat(notAWorkbook.status()).isEqualTo(415);
        byte[] damaged = java.util.Arrays.copyOf(workbook(List.of(List.of("用户名", "姓名"))), 120); // a zip cut short
        Http.Response broken = as("province").upload("/api/accounts/experts/import", Map.of(), "file", "专家.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", damaged);
        assertThat(broken.status()).as(broken.text()).isEqualTo(400);
        assertThat(broken.json().path("errors").get(0).path("field").asText()).isEqualTo("file");
        assertThat(broken.text()).contains("无法读取该工作簿");
        Http.Response missingColumns = as("province").upload("/api/accounts/experts/import", Map.of(), "file", "专家.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook(List.of(List.of("用户名", "姓名"))));
        assertThat(missingColumns.status()).isEqualTo(400);
        assertThat(missingColumns.text()).contains("缺少列");
        assertThat(as("nanjing").upload("/api/accounts/experts/import", Map.of(), "file", "专家.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file).status()).isEqualTo(403);
    }

    @Test
    void theAdministratorCreatesReviewerAccountsWhoseGroupFollowsTheRole() {
        String city = username("rev");
        Http.Response created = as("admin").post("/api/accounts/reviewers",
                Map.of("username", city, "displayName", "无锡审核员", "role", "CITY", "city", "320200"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().path("group").asText()).isEqualTo("city-320200");
        assertThat(identity.createGroupQuery().groupMember(city).list()).extracting(g -> g.getId()).containsExactly("city-320200");
        String initial = created.json().path("initialPassword").asText();
        assertThat(anonymous().as(city, initial).get("/api/applications").status()).isEqualTo(403);

        String approver = username("apr");
        Http.Response second = as("admin").post("/api/accounts/reviewers",
                Map.of("username", approver, "displayName", "审批人", "role", "PROVINCE_APPROVER"));
        assertThat(second.status()).as(second.text()).isEqualTo(201);
        assertThat(identity.createGroupQuery().groupMember(approver).list()).extracting(g -> g.getId()).containsExactly("province-approver");

        String refused = username("ref");
        assertThat(as("admin").post("/api/accounts/reviewers", Map.of("username", refused, "displayName", "x", "role", "CITY")).json()
                .path("errors").get(0).path("field").asText()).isEqualTo("city");
        assertThat(as("admin").post("/api/accounts/reviewers",
                Map.of("username", refused, "displayName", "x", "role", "PROVINCE_REVIEWER", "city", "320100")).status()).isEqualTo(400);
        assertThat(as("admin").post("/api/accounts/reviewers", Map.of("username", refused, "displayName", "x", "role", "MAYOR")).status())
                .isEqualTo(400);
        assertThat(as("province").post("/api/accounts/reviewers",
                Map.of("username", refused, "displayName", "x", "role", "CITY", "city", "320100")).status()).isEqualTo(403);
        assertThat(as("admin").post("/api/accounts/reviewers",
                Map.of("username", "nanjing", "displayName", "x", "role", "CITY", "city", "320100")).status()).isEqualTo(409);
        assertThat(identity.createUserQuery().userId(refused).count()).isZero();
        assertThat(as("admin").get("/api/accounts/audit?user=" + city).json().findValuesAsText("action")).contains("REVIEWER_CREATED");
    }
}
