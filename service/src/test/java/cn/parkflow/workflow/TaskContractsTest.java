package cn.parkflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The task contracts the guard enforces against the models and forms they serve: every user task of
 * every BPMN has one, and every field its Camunda Form submits is one of the task's answers (else
 * Tasklist's own submission would be refused).
 */
class TaskContractsTest {

    static final List<String> CONFIGURATIONS = List.of("cn.parkflow.certification.CertificationTaskContracts",
            "cn.parkflow.benchmark.BenchmarkTaskContracts", "cn.parkflow.evaluation.EvaluationTaskContracts",
            "cn.parkflow.change.ChangeTaskContracts");

    static Map<String, TaskContract> contracts() throws Exception {
        Map<String, TaskContract> byTask = new HashMap<>();
        for (String name : CONFIGURATIONS) {
            Class<?> type = Class.forName(name);
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object configuration = constructor.newInstance();
            for (Method m : type.getDeclaredMethods()) {
                if (m.getReturnType() == TaskContract.class && m.getParameterCount() == 0) {
                    m.setAccessible(true);
                    TaskContract c = (TaskContract) m.invoke(configuration);
                    assertThat(byTask.put(c.taskKey(), c)).as("one contract per task: " + c.taskKey()).isNull();
                }
            }
        }
        return byTask;
    }

    /** userTask id → formRef, from every BPMN under processes/. */
    static Map<String, String> userTasks() throws Exception {
        Map<String, String> tasks = new HashMap<>();
        Pattern userTask = Pattern.compile("<(?:\\w+:)?userTask\\b[^>]*>"); // with or without the bpmn: prefix Modeler writes
        try (Stream<Path> files = Files.list(Path.of("..", "processes"))) {
            for (Path bpmn : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Matcher m = userTask.matcher(Files.readString(bpmn));
                while (m.find()) {
                    tasks.put(attribute(m.group(), "id"), attribute(m.group(), "camunda:formRef"));
                }
            }
        }
        return tasks;
    }

    static String attribute(String element, String name) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(element);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void everyUserTaskHasAContractAndEveryFormFieldIsAnAnswerOfItsTask() throws Exception {
        Map<String, TaskContract> contracts = contracts();
        Map<String, String> tasks = userTasks();
        assertThat(tasks).hasSizeGreaterThanOrEqualTo(12);
        assertThat(contracts.keySet()).containsExactlyInAnyOrderElementsOf(tasks.keySet());
        Map<String, JsonNode> forms = new HashMap<>();
        try (Stream<Path> files = Files.list(Path.of("..", "forms"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".form")).toList()) {
                JsonNode form = new ObjectMapper().readTree(f.toFile());
                forms.put(form.path("id").asText(), form);
            }
        }
        for (Map.Entry<String, String> task : tasks.entrySet()) {
            JsonNode form = forms.get(task.getValue());
            assertThat(form).as("form " + task.getValue() + " of " + task.getKey()).isNotNull();
            List<String> keys = new ArrayList<>();
            form.findValues("key").forEach(k -> keys.add(k.asText()));
            TaskContract contract = contracts.get(task.getKey());
            assertThat(keys).as("fields of %s", task.getValue()).allMatch(contract::accepts);
        }
    }

    @Test
    void aContractAcceptsItsAnswersAndPositionsOnly() throws Exception {
        Map<String, TaskContract> contracts = contracts();
        TaskContract city = contracts.get("CityReviewTask");
        assertThat(city.accepts("cityDecision")).isTrue();
        assertThat(city.accepts("publicationPeriod")).isFalse();
        assertThat(city.accepts("applicationId")).isFalse();
        assertThat(city.routed()).containsExactlyInAnyOrder("cityDecision", "cityComment", "fraudFound");
        TaskContract recommendation = contracts.get("CityRecommendationTask");
        assertThat(recommendation.accepts("recommend1")).isTrue();
        assertThat(recommendation.accepts("recommend30")).isTrue();
        assertThat(recommendation.accepts("recommend31")).isFalse();
        assertThat(recommendation.accepts("recommend0")).isFalse();
        assertThat(recommendation.accepts("city")).isFalse();
        assertThat(contracts.get("ExpertScoringTask").accepts("assignment")).isFalse();
        assertThat(contracts.get("AnnualReportTask").accepts("carrierId")).isFalse();
        assertThat(contracts.get("AnnualReportTask").accepts("reportImported")).isFalse();
        assertThat(contracts.get("CityConfirmTask").accepts("change10Rating")).isTrue();
        assertThat(contracts.get("CityConfirmTask").accepts("city")).isFalse();
        assertThat(contracts.get("SupplementTask").answers()).isEmpty();
        assertThatThrownBy(() -> TaskContract.of("X", Set.of("a")).routing("b")).isInstanceOf(IllegalArgumentException.class);
    }
}
