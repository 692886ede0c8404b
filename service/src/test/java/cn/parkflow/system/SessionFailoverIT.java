package cn.parkflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.testsupport.AbstractIT;
import cn.parkflow.testsupport.CamundaWebapp;
import cn.parkflow.testsupport.ChildNode;
import cn.parkflow.testsupport.Drafts;
import cn.parkflow.testsupport.Http;
import cn.parkflow.testsupport.ItInfrastructure;
import java.net.HttpCookie;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two nodes behind one address: a user logs in through node A (the portal, and Camunda's Tasklist),
 * node A goes away, and the next requests with the same cookie land on node B, which knows the session
 * (kept in the database) and its CSRF token.
 */
class SessionFailoverIT {

    /** The session cookie a browser would send to the shared address, from a login answered by one node. */
    static String sessionCookie(Http.Response login) {
        for (String header : String.valueOf(login.header("set-cookie")).split(",")) {
            for (HttpCookie cookie : HttpCookie.parse(header.strip())) {
                if (cookie.getName().equals("JSESSIONID")) {
                    return cookie.getName() + "=" + cookie.getValue();
                }
            }
        }
        throw new AssertionError("no session cookie in " + login.headers());
    }

    @Test
    void aSessionOpenedOnOneNodeWorksOnTheOtherAfterTheFirstDies() throws Exception {
        int portA = ChildNode.freePort();
        int portB = ChildNode.freePort();
        Path log = Path.of("target", "session-failover-" + UUID.randomUUID() + ".log").toAbsolutePath();
        Process a = ChildNode.start(portA, log, ItInfrastructure.endpoints(), "--camunda.bpm.generic-properties.properties.hostname=node-a");
        Process b = ChildNode.start(portB, log, ItInfrastructure.endpoints(), "--camunda.bpm.generic-properties.properties.hostname=node-b");
        try {
            Http onA = Http.to("http://localhost:" + portA);
            Http.Response login = onA.post("/api/session", Map.of("username", "applicant1", "password", AbstractIT.DEMO_PASSWORD));
            assertThat(login.status()).as(login.text()).isEqualTo(200);
            String cookie = sessionCookie(login);
            String csrf = login.json().path("csrfToken").asText();
            Http tasklistOnA = Http.to("http://localhost:" + portA).withSession();
            Http.Response tasklistLogin = CamundaWebapp.login(tasklistOnA, "tasklist", "nanjing", AbstractIT.DEMO_PASSWORD);
            assertThat(tasklistLogin.status()).isEqualTo(200);
            String tasklistCookie = sessionCookie(tasklistLogin);

            a.destroyForcibly().waitFor(); // node A dies

            // the portal session, its user and its CSRF token, on node B
            Http onB = Http.to("http://localhost:" + portB).with("Cookie", cookie).with("X-Requested-With", "XMLHttpRequest");
            Http.Response me = onB.get("/api/session");
            assertThat(me.status()).as(me.text()).isEqualTo(200);
            assertThat(me.json().path("userId").asText()).isEqualTo("applicant1");
            assertThat(me.json().path("csrfToken").asText()).isEqualTo(csrf);
            Http.Response draft = onB.with("X-Parkflow-Csrf", csrf).post("/api/applications",
                    Drafts.with(Drafts.nanjingIncubator(), "carrierName", "换节点草稿孵化器" + UUID.randomUUID().toString().substring(0, 6)));
            assertThat(draft.status()).as(draft.text()).isEqualTo(201);
            assertThat(onB.with("X-Parkflow-Csrf", "forged").post("/api/applications", Drafts.nanjingIncubator()).status()).isEqualTo(403);

            // the Camunda webapp session (Tasklist) on node B
            Http.Response tasklist = Http.to("http://localhost:" + portB).with("Cookie", tasklistCookie)
                    .get("/camunda/api/admin/auth/user/default");
            assertThat(tasklist.status()).as(tasklist.text()).isEqualTo(200);
            assertThat(tasklist.json().path("userId").asText()).isEqualTo("nanjing");
        } finally {
            a.destroyForcibly();
            b.destroy();
            b.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
            b.destroyForcibly();
        }
    }
}
