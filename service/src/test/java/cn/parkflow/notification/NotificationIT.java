package cn.parkflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.testsupport.AbstractIT;
import cn.parkflow.testsupport.CertificationDriver;
import cn.parkflow.testsupport.Drafts;
import cn.parkflow.testsupport.Http;
import cn.parkflow.testsupport.ItInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Notifications end to end: the application runs against the ITs' MariaDB and S3, and mails through a real SMTP
 * server in this JVM (GreenMail). Each test looks for the messages of its own application (by carrier name).
 */
class NotificationIT extends AbstractIT {

    @Autowired JdbcTemplate jdbc;

    CertificationDriver driver() {
        return new CertificationDriver(this::as);
    }

    /** A Nanjing incubator draft of applicant1 under a name of its own, submitted. */
    long submitted(String carrierName) {
        CertificationDriver d = driver();
        long id = d.draftWithDocuments(Drafts.with(Drafts.nanjingIncubator(), "carrierName", carrierName));
        Http.Response submitted = as("applicant1").post("/api/applications/" + id + "/submit", Map.of());
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        return id;
    }

    static List<MimeMessage> mailTo(String address, String subjectPart) {
        return Arrays.stream(ItInfrastructure.mail().getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(subjectPart) && Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static MimeMessage awaitMail(String address, String subjectPart) {
        return CertificationDriver.await("mail to " + address + " about " + subjectPart, () -> {
            List<MimeMessage> found = mailTo(address, subjectPart);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    JsonNode inbox(String user) {
        Http.Response r = as(user).get("/api/inbox");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    static boolean mentions(JsonNode inbox, String text) {
        for (JsonNode item : inbox.path("items")) {
            if (item.path("subject").asText().contains(text)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aSubmissionTellsTheCitysReviewersByMailAndInboxAndACorrectionReachesTheOperator() throws Exception {
        String name = "通知测试孵化器" + System.nanoTime() % 100000;
        long id = submitted(name);

        MimeMessage toCity = awaitMail("nanjing@demo.parkflow.cn", name);
        assertThat(toCity.getSubject()).isEqualTo("【待办】现场核查：" + name);
        String body = (String) toCity.getContent();
        assertThat(body).contains("您有一项新的待办任务", "现场核查", "/camunda/app/tasklist/default/#/?task=");
        assertThat(toCity.getMessageID()).startsWith("<notice-").endsWith("@parkflow>");
        assertThat(mailTo("suzhou@demo.parkflow.cn", name)).as("another city hears nothing").isEmpty();

        JsonNode inbox = inbox("nanjing");
        assertThat(mentions(inbox, "【待办】现场核查：" + name)).isTrue();
        assertThat(inbox.path("unread").asLong()).isPositive();
        assertThat(mentions(inbox("suzhou"), name)).isFalse();

        // reading: one notice, then 404 for another user's, then all
        long noticeId = -1;
        for (JsonNode item : inbox.path("items")) {
            if (item.path("subject").asText().contains(name)) {
                noticeId = item.path("id").asLong();
                assertThat(item.path("read").asBoolean()).isFalse();
            }
        }
        assertThat(as("suzhou").post("/api/inbox/" + noticeId + "/read", Map.of()).status()).isEqualTo(404);
        assertThat(as("nanjing").post("/api/inbox/" + noticeId + "/read", Map.of()).status()).isEqualTo(204);
        long readId = noticeId;
        assertThat(inbox("nanjing").path("items").findValues("id").stream().anyMatch(v -> v.asLong() == readId)).isTrue();
        for (JsonNode item : inbox("nanjing").path("items")) {
            if (item.path("id").asLong() == readId) {
                assertThat(item.path("read").asBoolean()).isTrue();
            }
        }
        assertThat(anonymous().get("/api/inbox").status()).isEqualTo(401);
        assertThat(as("nanjing").get("/api/inbox?limit=0").status()).isEqualTo(400);

        // the city returns the application: the operator is asked for a correction, with the reason
        CertificationDriver d = driver();
        JsonNode cityTask = d.awaitCityReview(id);
        d.completeOk("nanjing", cityTask.path("id").asText(), Map.of("cityDecision", "RETURN", "cityComment", "请补充场地租赁合同"));
        MimeMessage correction = awaitMail("applicant1", "【补正通知】" + name);
        assertThat((String) correction.getContent()).contains("请补充场地租赁合同", "补正期限", "/portal/application.html?id=" + id);
        assertThat(mentions(inbox("applicant1"), "【补正通知】" + name)).isTrue();
        assertThat(as("nanjing").post("/api/inbox/read-all", Map.of()).status()).isEqualTo(204);
        assertThat(inbox("nanjing").path("unread").asLong()).isZero();
    }

    @Test
    void aTaskPastItsDueDateIsReportedOverdueToItsReviewersAndEscalatedToTheProvince() throws Exception {
        String name = "逾期测试孵化器" + System.nanoTime() % 100000;
        long id = submitted(name);
        JsonNode task = driver().awaitTask(id, "CitySiteCheckTask", "nanjing");
        // the province shortens the due date in Tasklist: the task's overdue timer moves with it and fires
        Http admin = as("admin");
        Http.Response current = admin.get("/engine-rest/task/" + task.path("id").asText());
        assertThat(current.status()).as(current.text()).isEqualTo(200);
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("name", current.json().path("name").asText());
        update.put("priority", current.json().path("priority").asInt());
        update.put("due", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(java.time.ZoneOffset.UTC)
                .format(Instant.now().minus(1, ChronoUnit.HOURS)));
        Http.Response updated = admin.put("/engine-rest/task/" + task.path("id").asText(), update);
        assertThat(updated.status()).as(updated.text()).isEqualTo(204);

        MimeMessage escalation = awaitMail("province@demo.parkflow.cn", "【逾期上报】现场核查：" + name);
        assertThat(escalation.getSubject()).contains("已逾期未办");
        awaitMail("nanjing@demo.parkflow.cn", "【逾期提醒】现场核查：" + name);
        assertThat(mentions(inbox("province"), "【逾期上报】现场核查：" + name)).isTrue();
        // the task is still open: the timer is non-interrupting
        assertThat(driver().tasks(id, "CitySiteCheckTask", "nanjing").size()).isEqualTo(1);
    }

    @Test
    void withTheMailServerDownTheStepSucceedsAndTheMailGoesOutOnceWhenItIsBack() throws Exception {
        String name = "停机测试孵化器" + System.nanoTime() % 100000;
        ItInfrastructure.stopMail();
        long id;
        try {
            id = submitted(name); // the business step does not wait for, nor fail with, the mail server
            CertificationDriver.await("a failed delivery attempt", () -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM notification_outbox o JOIN notification n ON n.id = o.notification_id"
                            + " WHERE n.subject LIKE ? AND o.status = 'PENDING' AND o.attempts > 0", Long.class, "%" + name + "%") > 0
                    ? Boolean.TRUE : null);
            assertThat(mentions(inbox("nanjing"), name)).as("the inbox has it at once").isTrue();
        } finally {
            ItInfrastructure.mail(); // the server is back, on the same port
        }
        awaitMail("nanjing@demo.parkflow.cn", "【待办】现场核查：" + name);
        Thread.sleep(4000); // several more polls and retry periods: nothing is sent twice
        assertThat(mailTo("nanjing@demo.parkflow.cn", "【待办】现场核查：" + name)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox o JOIN notification n ON n.id = o.notification_id"
                + " WHERE n.subject LIKE ? AND o.status <> 'SENT'", Long.class, "%" + name + "%")).isZero();
        assertThat(driver().application(id, "applicant1").path("status").asText()).isEqualTo("SITE_CHECK");
    }
}
