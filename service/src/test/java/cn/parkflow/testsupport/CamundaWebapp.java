package cn.parkflow.testsupport;

import java.util.Arrays;
import java.util.Map;

/** Logs in to the Camunda webapps (Cockpit, Tasklist, Admin) the way the browser does. */
public final class CamundaWebapp {

    private CamundaWebapp() {}

    /**
     * Opens the app's page (which sets the XSRF-TOKEN cookie), then posts the login form with that
     * token; returns the login response (200 with {@code authorizedApps}, or 401/403).
     */
    public static Http.Response login(Http session, String app, String user, String password) {
        Http.Response page = session.get("/camunda/app/" + app + "/default/");
        if (page.status() != 200) {
            throw new AssertionError("webapp page " + app + " not served: " + page.status() + " " + page.header("location"));
        }
        String token = Arrays.stream(String.valueOf(page.header("set-cookie")).split("[,;]"))
                .map(String::strip)
                .filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring("XSRF-TOKEN=".length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie: " + page.headers()));
        return session.postForm("/camunda/api/admin/auth/user/default/login/" + app,
                Map.of("username", user, "password", password), Map.of("X-XSRF-TOKEN", token));
    }
}
