package cn.parkflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.registry.CreditCode;
import cn.parkflow.testsupport.Browser;
import cn.parkflow.testsupport.Drafts;
import cn.parkflow.testsupport.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Accounts as their users meet them in a browser: an operator registers in the portal (the credit code
 * checked in the page), uploads its business licence, cannot file while pending, its city approves it in
 * the pending list, and its first filing is saved; an expert's initial password leads to the password page.
 */
class AccountsBrowserIT extends AbstractBrowserIT {

    static final String PASSWORD = "Browser#2026pw";

    @TempDir Path files;

    static void type(Browser b, String id, String text) {
        WebElement input = b.driver().findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Fills the application page with applicant1's Nanjing incubator, under this operator's credit code, and saves it. */
    static void fileAndSave(Browser b, String name, String creditCode) {
        b.go("/portal/application.html");
        b.until("catalogue loaded", d -> d.findElements(By.cssSelector("#kind option")).size() > 1 ? true : null);
        Map<String, Object> draft = Drafts.nanjingIncubator();
        new Select(b.driver().findElement(By.id("kind"))).selectByValue("INCUBATOR");
        new Select(b.driver().findElement(By.id("level"))).selectByValue("PROVINCIAL");
        new Select(b.driver().findElement(By.id("city"))).selectByValue("320100");
        type(b, "carrierName", name);
        type(b, "operatorName", "南京注册测试孵化管理有限公司");
        type(b, "creditCode", creditCode);
        type(b, "address", (String) draft.get("address"));
        b.driver().findElement(By.cssSelector("input[name=industries][value=CELL_GENE]")).click();
        fillIndicators(b, draft);
        b.driver().findElement(By.id("save")).click();
    }

    @Test
    void anOperatorRegistersUploadsItsLicenceIsApprovedByItsCityAndFilesForTheFirstTime() throws Exception {
        String user = "reg" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        StringBuilder first17 = new StringBuilder("91320100");
        for (int i = 0; i < 9; i++) {
            first17.append(ThreadLocalRandom.current().nextInt(10));
        }
        String code = CreditCode.withCheckCharacter(first17.toString()).value();

        Browser operator = browser();
        operator.go("/portal/register.html");
        operator.until("cities loaded", d -> d.findElements(By.cssSelector("#city option")).size() > 13 ? true : null);
        type(operator, "username", user);
        type(operator, "password", PASSWORD);
        type(operator, "password2", PASSWORD);
        type(operator, "displayName", "周经理");
        type(operator, "operatorName", "南京注册测试孵化管理有限公司");
        String wrong = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        type(operator, "creditCode", wrong);
        new Select(operator.driver().findElement(By.id("city"))).selectByValue("320100");
        type(operator, "mobile", "13912340000");
        type(operator, "email", user + "@example.cn");
        operator.driver().findElement(By.id("register-submit")).click();
        // the check character is caught in the page, before anything is sent
        assertThat(operator.visible("[id='err-creditCode']").getText()).isEqualTo("统一社会信用代码校验位错误");
        assertThat(as("province").get("/api/accounts/operators").json().findValuesAsText("username")).doesNotContain(user);
        type(operator, "creditCode", code);
        operator.driver().findElement(By.id("register-submit")).click();
        operator.visible("#licence-card");
        Path licence = files.resolve("营业执照.pdf");
        Files.write(licence, TestFiles.pdf("营业执照 " + user));
        operator.driver().findElement(By.id("licence")).sendKeys(licence.toAbsolutePath().toString());
        operator.driver().findElement(By.id("licence-submit")).click();
        operator.until("licence uploaded", d -> d.findElement(By.id("licence-notice")).getText().contains("已上传") ? true : null);
        operator.screenshot("accounts-registered");

        // pending: the portal says so, and the first filing is refused naming the state
        fileAndSave(operator, "注册待审核孵化器" + user, code);
        operator.until("filing refused", d -> d.findElement(By.id("notice")).getText().contains("待审核") ? true : null);
        assertThat(operator.driver().getCurrentUrl()).doesNotContain("id=");
        assertThat(operator.driver().findElement(By.id("registration-status")).getText()).contains("待审核");

        // another city does not see it; its own city approves it in the pending list
        assertThat(as("suzhou").get("/api/accounts/operators?status=PENDING").json().findValuesAsText("username")).doesNotContain(user);
        Browser city = browser();
        login(city, "nanjing", "/portal/registrations.html");
        city.until("registration listed", d -> d.findElement(By.id("registrations")).getText().contains(user) ? true : null);
        String row = city.driver().findElement(By.id("registrations")).getText();
        assertThat(row).contains("南京注册测试孵化管理有限公司").contains(code).contains("营业执照.pdf");
        city.screenshot("accounts-pending-list");
        city.click(city.driver().findElement(By.cssSelector("button[data-approve='" + user + "']")));
        city.until("approved", d -> d.findElement(By.id("notice")).getText().contains("已批准") ? true : null);
        assertThat(as("nanjing").get("/api/accounts/operators/" + user).json().path("status").asText()).isEqualTo("ACTIVE");

        // approved: the first filing is saved, for its own credit code
        String name = "注册后首次申报孵化器" + user;
        fileAndSave(operator, name, code);
        operator.until("draft saved", d -> d.getCurrentUrl().contains("id=") ? true : null);
        assertThat(anonymous().as(user, PASSWORD).get("/api/applications?size=50").json().findValuesAsText("carrierName")).contains(name);
    }

    @Test
    void anExpertWithAnInitialPasswordIsLedToThePasswordPageAndThenToItsWork() {
        String user = "pw" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Map<String, Object> expert = new java.util.LinkedHashMap<>();
        expert.put("username", user);
        expert.put("displayName", "吴研究员");
        expert.put("homeCity", "320400");
        expert.put("employerName", "常州大学");
        expert.put("employerCreditCode", CreditCode.withCheckCharacter("12320400466000009").value());
        expert.put("industries", List.of("HUMANOID_ROBOT"));
        expert.put("title", "研究员");
        expert.put("email", user + "@example.cn");
        expert.put("mobile", "13800005555");
        var created = as("province").post("/api/accounts/experts", expert);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String initial = created.json().path("initialPassword").asText();
        try {
            Browser b = browser();
            login(b, user, initial, "/portal/registry.html");
            b.until("on the password page", d -> d.getCurrentUrl().contains("password.html") ? true : null);
            assertThat(b.visible("#initial-notice").getText()).contains("初始密码");
            type(b, "currentPassword", initial);
            type(b, "newPassword", "weak");
            type(b, "newPassword2", "weak");
            b.driver().findElement(By.id("password-submit")).click();
            b.until("policy named", d -> d.findElement(By.id("err-newPassword")).getText().contains("至少10个字符") ? true : null);
            type(b, "currentPassword", initial);
            type(b, "newPassword", PASSWORD);
            type(b, "newPassword2", PASSWORD);
            b.driver().findElement(By.id("password-submit")).click();
            b.until("into its work", d -> d.getCurrentUrl().contains("/camunda/app/tasklist") ? true : null);
            assertThat(anonymous().as(user, PASSWORD).get("/api/applications").status()).isEqualTo(200);
        } finally {
            as("province").post("/api/accounts/experts/" + user + "/deactivate", Map.of());
        }
    }
}
