package cn.parkflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.testsupport.Browser;
import cn.parkflow.testsupport.Drafts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Every portal page in headless Chromium: each input has a label, every control is reached with the
 * Tab key alone, a search works from the keyboard; an operator sees only its own applications; the
 * dashboard draws its charts for the province and refuses everyone else.
 */
class PortalAccessBrowserIT extends AbstractBrowserIT {


    /** Inputs, selects and text areas that are shown and have no label (by for/nesting or aria-label). */
    static final String UNLABELLED = """
            return [...document.querySelectorAll('input, select, textarea')]
              .filter(e => e.type !== 'hidden' && e.getClientRects().length > 0)
              .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
              .map(e => e.id || e.name || e.outerHTML.substring(0, 80));""";

    /** Shown, enabled controls that the Tab key can reach. */
    static final String CONTROLS = """
            return [...document.querySelectorAll('a[href], button, input, select, textarea')]
              .filter(e => e.type !== 'hidden' && !e.disabled && e.tabIndex >= 0 && e.getClientRects().length > 0
                           && getComputedStyle(e).visibility !== 'hidden');""";

    @SuppressWarnings("unchecked")
    static void checkLabelsAndTabOrder(Browser b, String page) {
        assertThat((List<Object>) b.script(UNLABELLED)).as("unlabelled inputs on " + page).isEmpty();
        List<WebElement> controls = (List<WebElement>) b.script(CONTROLS);
        assertThat(controls).as("controls on " + page).isNotEmpty();
        b.script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        List<WebElement> reached = new ArrayList<>();
        WebElement body = b.driver().findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        for (int i = 0; i < controls.size() + 10; i++) {
            WebElement active = b.driver().switchTo().activeElement();
            if (!reached.contains(active)) {
                reached.add(active);
            }
            new org.openqa.selenium.interactions.Actions(b.driver()).sendKeys(Keys.TAB).perform(); // to the focused control (a file input too)
        }
        List<String> missed = controls.stream().filter(c -> !reached.contains(c))
                .map(c -> c.getTagName() + "#" + c.getAttribute("id") + " " + c.getText()).toList();
        assertThat(missed).as("controls the Tab key does not reach on " + page).isEmpty();
        b.screenshot("a11y-" + page.replace('/', '_').replace('?', '_').replace('=', '_'));
    }


    @Test
    void everyPortalPageLabelsItsInputsAndIsWorkedWithTheKeyboardAlone() {
        Browser anonymous = browser();
        for (String page : List.of("login.html", "registry.html", "publications.html")) {
            anonymous.go("/portal/" + page);
            anonymous.until(page + " ready", d -> page.equals("login.html") || !d.findElements(By.cssSelector("header.top")).isEmpty()
                    && !d.findElement(By.tagName("main")).getText().contains("正在加载") ? true : null);
            checkLabelsAndTabOrder(anonymous, page);
        }
        // a registry search from the keyboard: type into the keyword field, choose a city by typing, Enter
        anonymous.go("/portal/registry.html");
        anonymous.visible("#q").sendKeys(Keys.TAB);
        anonymous.driver().switchTo().activeElement().sendKeys("无锡");
        assertThat(anonymous.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("f-city");
        anonymous.driver().findElement(By.id("q")).sendKeys(Keys.ENTER);
        anonymous.until("filtered by keyboard", d -> d.getCurrentUrl().contains("city=320200") ? true : null);

        // a login link cannot send the user to another site afterwards
        Browser redirected = browser();
        login(redirected, "applicant2", "/%5Cevil.example/");
        assertThat(redirected.driver().getCurrentUrl()).startsWith("http://localhost:" + port + "/");

        Browser applicant = browser();
        login(applicant, "applicant1", "/portal/index.html");
        applicant.until("applications listed", d -> d.findElement(By.cssSelector("#applications tbody")).getText().contains("正在加载") ? null : true);
        checkLabelsAndTabOrder(applicant, "index.html");
        applicant.go("/portal/application.html");
        applicant.until("form ready", d -> d.findElements(By.cssSelector("#indicators input")).size() > 10 ? true : null);
        checkLabelsAndTabOrder(applicant, "application.html");

        Browser province = browser();
        login(province, "province", "/portal/dashboard.html");
        province.until("charts drawn", d -> d.findElements(By.cssSelector("#chart-city svg")).isEmpty() ? null : true);
        checkLabelsAndTabOrder(province, "dashboard.html");
    }

    @Test
    void aSelfRegisteredOperatorSeesItsAccountIsPendingAndADemoOperatorSeesNoNotice() {
        String user = "portal" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Map<String, Object> registration = new java.util.HashMap<>();
        registration.put("username", user);
        registration.put("password", "Portal#2026pw");
        registration.put("displayName", "李经理");
        registration.put("operatorName", "苏州门户测试孵化管理有限公司");
        registration.put("creditCode", cn.parkflow.registry.CreditCode.withCheckCharacter("91320500" + "123456789").value());
        registration.put("city", "320500");
        registration.put("mobile", "13812345678");
        registration.put("email", user + "@example.cn");
        assertThat(anonymous().post("/api/accounts/operators", registration).status()).isEqualTo(201);

        Browser pending = browser();
        login(pending, user, "Portal#2026pw", "/portal/index.html");
        pending.until("registration notice", d -> d.findElements(By.id("registration-status")).isEmpty() ? null : true);
        assertThat(pending.driver().findElement(By.id("registration-status")).getText()).contains("待审核").contains("营业执照");
        pending.screenshot("portal-registration-pending");

        Browser demo = browser();
        login(demo, "applicant1", "/portal/index.html");
        demo.until("list loaded", d -> d.findElement(By.cssSelector("#applications tbody")).getText().contains("正在加载") ? null : true);
        assertThat(demo.driver().findElements(By.id("registration-status"))).isEmpty();
    }

    @Test
    void anOperatorSeesOnlyItsOwnApplications() {
        String own = "门户可见性孵化器" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(as("applicant1").post("/api/applications", Drafts.with(Drafts.nanjingIncubator(), "carrierName", own)).status()).isEqualTo(201);

        Browser first = browser();
        login(first, "applicant1", "/portal/index.html");
        first.until("own application listed", d -> d.findElement(By.id("applications")).getText().contains(own) ? true : null);

        Browser other = browser();
        login(other, "applicant2", "/portal/index.html");
        other.until("list loaded", d -> d.findElement(By.cssSelector("#applications tbody")).getText().contains("正在加载") ? null : true);
        assertThat(other.driver().findElement(By.id("applications")).getText()).doesNotContain(own);
        long id = as("applicant1").get("/api/applications?size=200").json().path("content").findParents("carrierName").stream()
                .filter(n -> n.path("carrierName").asText().equals(own)).findFirst().orElseThrow().path("id").asLong();
        other.go("/portal/application.html?id=" + id);
        other.until("refused", d -> d.findElement(By.id("notice")).getText().isBlank() ? null : true);
        assertThat(other.driver().findElement(By.id("notice")).getText()).contains("不存在或无权查看");
        assertThat(other.driver().getPageSource()).doesNotContain(own);
        other.screenshot("portal-other-operator-refused");
    }

    @Test
    void theDashboardDrawsItsChartsForTheProvinceOnly() {
        Browser applicant = browser();
        login(applicant, "applicant1", "/portal/dashboard.html");
        applicant.until("refused", d -> d.findElement(By.id("notice")).getText().contains("仅供省科技厅") ? true : null);
        assertThat(applicant.driver().findElements(By.cssSelector(".chart svg"))).isEmpty();

        Browser province = browser();
        login(province, "province", "/portal/dashboard.html");
        province.until("seven charts", d -> d.findElements(By.cssSelector(".chart svg")).size() == 7 ? true : null);
        long total = as("province").get("/api/dashboard").json().path("carriers").asLong();
        assertThat(province.driver().findElement(By.id("figures")).getText()).contains(String.valueOf(total));
        assertThat((String) province.script("return document.getElementById('chart-city').innerText")).contains("南京");
        province.screenshot("dashboard-province");
        assertThat(Map.of("nav", province.driver().findElement(By.cssSelector("header.top nav")).getText()).get("nav")).contains("省级看板");
    }
}
