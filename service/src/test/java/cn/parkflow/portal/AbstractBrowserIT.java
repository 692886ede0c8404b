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

    static void login(Browser b, String user, String password, String next) {
        b.go("/portal/login.html?next=" + next);
        b.visible("#username");
        b.until("username focused", d -> "username".equals(d.switchTo().activeElement().getAttribute("id")) ? true : null);
        b.driver().switchTo().activeElement().sendKeys(user, Keys.TAB, password, Keys.ENTER);
        b.until("left the login page", d -> d.getCurrentUrl().contains("login.html") ? null : true);
    }
}
