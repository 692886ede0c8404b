package cn.parkflow.portal;

import cn.parkflow.testsupport.AbstractIT;
import cn.parkflow.testsupport.Browser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.Keys;

/** Base of the browser ITs: headless Chromium windows on the running application, closed after each test. */
abstract class AbstractBrowserIT extends AbstractIT {

    private final List<Browser> opened = new ArrayList<>();

    Browser browser() {
        Browser b = Browser.open("http://localhost:" + port);
        opened.add(b);
        return b;
    }

    @AfterEach
    void closeBrowsers() {
        opened.forEach(Browser::close);
        opened.clear();
    }

    /** Types a draft's indicators into the application page (ticks the yes/no ones). */
    static void fillIndicators(Browser b, java.util.Map<String, Object> draft) {
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> indicators = (java.util.Map<String, Object>) draft.get("indicators");
        indicators.forEach((k, v) -> {
            org.openqa.selenium.WebElement input = b.driver().findElement(org.openqa.selenium.By.id("ind-" + k));
            if (v instanceof Boolean flag) {
                if (flag != input.isSelected()) {
                    input.click();
                }
            } else {
                input.sendKeys(String.valueOf(v));
            }
        });
    }

    /** Logs in through the portal's login page with the keyboard only, then goes on to {@code next}. */
    static void login(Browser b, String user, String next) {
        login(b, user, DEMO_PASSWORD, next);
    }

    /**
     * Logs in to a Camunda webapp's own login form. Angular binds the form some time after the inputs are visible, and a
     * first attempt typed before that is lost: type, wait for the values, submit, and try again (up to three times) if the
     * form is still there.
     */
    static void webappLogin(Browser b, String app, String user) {
        b.go("/camunda/app/" + app + "/default/");
        for (int attempt = 1; ; attempt++) {
            org.openqa.selenium.WebElement name = b.visible("input[ng-model=username]");
            org.openqa.selenium.WebElement password = b.driver().findElement(org.openqa.selenium.By.cssSelector("input[ng-model=password]"));
            name.clear();
            password.clear();
            name.sendKeys(user);
            password.sendKeys(DEMO_PASSWORD);
            b.until("login form filled", d -> user.equals(name.getAttribute("value"))
                    && DEMO_PASSWORD.equals(password.getAttribute("value")) ? true : null);
            password.sendKeys(Keys.ENTER);
            try {
                b.until("logged in", java.time.Duration.ofSeconds(20),
                        d -> d.findElements(org.openqa.selenium.By.cssSelector("input[ng-model=password]")).isEmpty() ? true : null);
                return;
            } catch (org.openqa.selenium.TimeoutException stillThere) {
                if (attempt == 3) {
                    b.screenshot(app + "-login-failed");
                    throw stillThere;
                }
            }
        }
    }

    static void login(Browser b, String user, String password, String next) {
        b.go("/portal/login.html?next=" + next);
        b.visible("#username");
        b.until("username focused", d -> "username".equals(d.switchTo().activeElement().getAttribute("id")) ? true : null);
        b.driver().switchTo().activeElement().sendKeys(user, Keys.TAB, password, Keys.ENTER);
        b.until("left the login page", d -> d.getCurrentUrl().contains("login.html") ? null : true);
    }
}
