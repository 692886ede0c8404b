package cn.parkflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Walks an application through certification the way its users do: the operator over /api, the
 * reviewers over /engine-rest (what Tasklist calls), each with its own account.
 */
public final class CertificationDriver {

    public static final List<String> INCUBATOR_DOCUMENTS = List.of("APPLICATION_FORM", "BUSINESS_LICENSE", "SITE_PROOF",
            "AUDIT_REPORT", "FUND_EVIDENCE", "STAFF_LIST", "TENANT_LIST", "INCUBATION_AGREEMENT", "MANAGEMENT_RULES",
            "SITE_PLAN", "CREDIT_COMMITMENT");

    private final Function<String, Http> as;

    /** Whether {@code as("admin")} logs in: false for a node whose administrator password the caller does not know. */
    private boolean administrator;

    public CertificationDriver(Function<String, Http> as) {
        this(as, true);
    }

    private CertificationDriver(Function<String, Http> as, boolean administrator) {
        this.as = as;
        this.administrator = administrator;
    }

    /**
     * A driver for a node whose administrator it cannot log in as: it reads open tasks as the reviewers and experts
     * do, and never tries the administrator (failed logins would lock that account for the tests that follow).
     */
    public static CertificationDriver withoutAdministrator(Function<String, Http> as) {
        return new CertificationDriver(as, false);
    }

    /** The client of this user. */
    public Http as(String user) {
        return as.apply(user);
    }

    /** applicant1 files the Nanjing incubator draft with every required document except {@code skip}. */
    public long draftWithDocuments(Map<String, Object> draft, String... skip) {
        Http applicant = as.apply("applicant1");
        Http.Response created = applicant.post("/api/applications", draft);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        for (String type : INCUBATOR_DOCUMENTS) {
            if (!List.of(skip).contains(type)) {
                upload(id, type);
            }
        }
        return id;
    }

    public JsonNode upload(long id, String type) {
        Http.Response r = as.apply("applicant1").upload("/api/applications/" + id + "/documents", Map.of("type", type), "file",
                type.toLowerCase() + ".pdf", "application/pdf", TestFiles.pdf("Evidence " + type + " of application " + id));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    /** Waits for the one open task of the application with this definition key, as seen by {@code user}. */
    public JsonNode awaitTask(long id, String taskKey, String user) {
        return await("task " + taskKey + " for " + user, () -> {
            JsonNode tasks = tasks(id, taskKey, user);
            return tasks.size() > 0 ? tasks.get(0) : null;
        });
    }

    public JsonNode tasks(long id, String taskKey, String user) {
        Http.Response r = as.apply(user).get("/engine-rest/task?processDefinitionKey=certification&processInstanceBusinessKey=" + id
                + (taskKey == null ? "" : "&taskDefinitionKey=" + taskKey));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    public Http.Response complete(String user, String taskId, Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((k, v) -> typed.put(k, v instanceof List<?> list
                ? Map.of("value", Http.JSON.valueToTree(list).toString(), "type", "Json")
                : Map.of("value", v)));
        return as.apply(user).post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", typed));
    }

    public void completeOk(String user, String taskId, Map<String, Object> variables) {
        Http.Response r = complete(user, taskId, variables);
        assertThat(r.status()).as("complete by %s: %s", user, r.text()).isEqualTo(204);
    }

    public JsonNode application(long id, String user) {
        Http.Response r = as.apply(user).get("/api/applications/" + id);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    public JsonNode awaitStatus(long id, String status) {
        return await("status " + status, () -> {
            JsonNode app = application(id, "applicant1");
            return status.equals(app.path("status").asText()) ? app : null;
        });
    }

    /**
     * The city's own review as its reviewer and its experts do it: the site check report uploaded, the site check
     * passed (the panel drawn), the three city experts' scores; returns the city's review task ({@code CityReviewTask})
     * once it is open. A corrected application that had its site check goes there directly.
     */
    public JsonNode awaitCityReview(long id) {
        return awaitCityReview(id, List.of());
    }

    /** As {@link #awaitCityReview(long)}, the city naming the experts of its panel (none: drawn). */
    public JsonNode awaitCityReview(long id, List<String> cityExperts) {
        Map<String, Object> siteCheck = new LinkedHashMap<>(passedSiteCheck());
        if (!cityExperts.isEmpty()) {
            siteCheck.put("cityExperts", cityExperts);
        }
        return await("CityReviewTask after the city's own review of " + id, () -> {
            for (JsonNode task : openTasks(id)) {
                switch (task.path("taskDefinitionKey").asText()) {
                    case "CityReviewTask" -> {
                        return awaitTask(id, "CityReviewTask", "nanjing");
                    }
                    case "CitySiteCheckTask" -> {
                        uploadSiteCheckReport(id);
                        completeOk("nanjing", task.path("id").asText(), siteCheck);
                    }
                    case "CityExpertReviewTask" -> completeOk(task.path("assignee").asText(), task.path("id").asText(),
                            Map.of("expertScore", 82, "expertOpinion", "SUPPORT", "expertComment", "场地与服务与申报一致"));
                    default -> { }
                }
            }
            return null;
        });
    }

    /**
     * The application's open tasks, as the administrator sees them; for a node without a known administrator, as the
     * Nanjing reviewer and the demo experts see theirs.
     */
    private List<JsonNode> openTasks(long id) {
        String query = "/engine-rest/task?processDefinitionKey=certification&processInstanceBusinessKey=" + id;
        List<JsonNode> open = new java.util.ArrayList<>();
        if (administrator) {
            Http.Response all = as.apply("admin").get(query);
            if (all.status() == 200) {
                all.json().forEach(open::add);
                return open;
            }
            administrator = false; // one failed login, never repeated
        }
        for (String user : List.of("nanjing", "expert1", "expert2", "expert3", "expert4", "expert5", "expert6")) {
            Http.Response mine = as.apply(user).get(query + (user.equals("nanjing") ? "" : "&assignee=" + user));
            if (mine.status() == 200) {
                mine.json().forEach(open::add);
            }
        }
        return open;
    }

    /** A site check that passed, as the city records it. */
    public static Map<String, Object> passedSiteCheck() {
        return Map.of("siteCheckDate", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString(),
                "siteInspectors", "南京市科技局 周核查、吴核查", "siteFindings", "场地、在孵企业与服务团队与申报一致", "sitePassed", true);
    }

    /** The Nanjing reviewer uploads the site check report to the application. */
    public JsonNode uploadSiteCheckReport(long id) {
        Http.Response r = as.apply("nanjing").upload("/api/applications/" + id + "/documents", Map.of("type", "SITE_CHECK_REPORT"), "file",
                "site-check.pdf", "application/pdf", TestFiles.pdf("Site check report of application " + id));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    /** City recommends, province passes (experts drawn), the experts support, the approver approves. */
    public List<String> throughDecision(long id) {
        List<String> assignees = throughExperts(id);
        JsonNode decision = awaitTask(id, "DecisionTask", "approver");
        completeOk("approver", decision.path("id").asText(), Map.of("decision", "APPROVE", "decisionComment", "同意认定"));
        return assignees;
    }

    /** City recommends, province passes (experts drawn), the experts support: the application waits for the approver. */
    public List<String> throughExperts(long id) {
        JsonNode city = awaitCityReview(id);
        completeOk("nanjing", city.path("id").asText(), Map.of("cityDecision", "RECOMMEND", "cityRemark", "材料真实，推荐上报"));
        JsonNode province = awaitTask(id, "ProvinceReviewTask", "province");
        completeOk("province", province.path("id").asText(), Map.of("provinceCheck", "PASS"));
        JsonNode experts = await("three expert tasks", () -> {
            JsonNode all = as.apply("admin").get("/engine-rest/task?processDefinitionKey=certification&processInstanceBusinessKey=" + id
                    + "&taskDefinitionKey=ExpertReviewTask").json();
            return all.size() == 3 ? all : null;
        });
        List<String> assignees = new java.util.ArrayList<>();
        experts.forEach(t -> assignees.add(t.path("assignee").asText()));
        int score = 85;
        for (JsonNode task : experts) {
            completeOk(task.path("assignee").asText(), task.path("id").asText(),
                    Map.of("expertScore", score++, "expertOpinion", "SUPPORT", "expertComment", "孵化成效显著"));
        }
        return assignees;
    }

    public interface Probe<T> {
        T get();
    }

    public static <T> T await(String what, Probe<T> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null && !(value instanceof Boolean b && !b)) {
                return value;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    public static Predicate<JsonNode> action(String action) {
        return e -> action.equals(e.path("action").asText());
    }
}
