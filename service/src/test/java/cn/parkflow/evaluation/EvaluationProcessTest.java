package cn.parkflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.parkflow.ParkflowApplication;
import cn.parkflow.identity.Caller;
import cn.parkflow.identity.Roles;
import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.CarrierStatus;
import cn.parkflow.registry.Certify;
import cn.parkflow.registry.City;
import cn.parkflow.registry.CreditCode;
import cn.parkflow.registry.Industry;
import cn.parkflow.registry.Level;
import cn.parkflow.registry.RegistryReader;
import cn.parkflow.registry.RegistryService;
import cn.parkflow.system.ApiException;
import cn.parkflow.testsupport.ProcessDriver;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The annual evaluation with its real delegates, DMN and registry on H2; the test runs the jobs and
 * fires the timers. Each test evaluates its own year with its own carriers; afterwards they expire,
 * so the next test's run does not select them.
 */
@SpringBootTest(classes = ParkflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "spring.datasource.url=jdbc:h2:mem:evaluation-process;MODE=MySQL;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "parkflow.data-dir=target/evaluation-process",
        "parkflow.demo.enabled=false",
        // small batches, so that a run of four carriers is worked by two batch instances
        "parkflow.evaluation.batch-size=2"})
class EvaluationProcessTest {

    static final Caller PROVINCE = new Caller("province", Set.of(Roles.PROVINCE_REVIEWER));
    static final AtomicInteger SERIAL = new AtomicInteger(5000);
    static final Map<String, Object> GOOD = Map.of("tenantCount", 60, "graduatedCount", 31, "highTechTenants", 12,
            "investmentRaised", 52_000_000, "mentorCount", 21, "eventsPerYear", 30, "professionalStaffShare", 0.6); // 100 → A
    static final Map<String, Object> FAIR = Map.of("tenantCount", 50, "graduatedCount", 16, "highTechTenants", 6,
            "investmentRaised", 12_000_000, "mentorCount", 12, "eventsPerYear", 13, "professionalStaffShare", 0.35); // 20+10+12+10+6+6+6 = 70 → B
    static final Map<String, Object> POOR = Map.of("tenantCount", 10, "graduatedCount", 2, "highTechTenants", 0,
            "investmentRaised", 0, "mentorCount", 2, "eventsPerYear", 2, "professionalStaffShare", 0.1); // 0 → D

    @Autowired EvaluationRuns runs;
    @Autowired ReportImport reports;
    @Autowired RegistryService registryService;
    @Autowired RegistryReader registry;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    ProcessDriver driver() {
        return new ProcessDriver(management, identity, tasks);
    }

    @AfterEach
    void expireCarriers() {
        jdbc.update("UPDATE carrier SET status = 'EXPIRED'");
    }

    @Test
    void reportsImportedBeforeAndAfterTheStartOrFiledByTheOperatorAreRatedAndNoReportIsD() {
        int year = 2019;
        long imported = carrier(City.NANJING, year);
        long importedLater = carrier(City.NANJING, year);
        long filed = carrier(City.NANJING, year);
        long silent = carrier(City.WUXI, year);
        String operator = operatorAccount(filed);
        importCsv(year, imported, GOOD);
        String pi = start(year);
        assertThat(reportTask(year, imported)).isNull(); // imported already: no task
        assertThat(reportTask(year, importedLater)).isNotNull();

        importCsv(year, importedLater, FAIR); // completes its task
        assertThat(reportTask(year, importedLater)).isNull();

        Task task = reportTask(year, filed);
        assertThat(tasks.getIdentityLinksForTask(task.getId()).get(0).getUserId()).isEqualTo(operator);
        assertThatThrownBy(() -> driver().complete(task.getId(), "someone-else", Roles.APPLICANT, Map.of("tenantCount", -1)))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        assertThatThrownBy(() -> driver().complete(task.getId(), operator, Roles.APPLICANT, Map.of("tenantCount", -1)))
                .hasRootCauseInstanceOf(BadUserRequestException.class);
        Map<String, Object> own = new HashMap<>(FAIR);
        own.put("narrative", "本年度新增专业孵化服务团队");
        driver().complete(task.getId(), operator, Roles.APPLICANT, own);

        String silentInstance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(EvaluationProcess.carrierBusinessKey(year, silent)).singleResult().getId();
        Job deadline = management.createJobQuery().timers().activityId("ReportDeadlineTimer").processInstanceId(silentInstance).singleResult();
        driver().fire(deadline);

        // the run called one batch instance per two carriers, each calling carrier-evaluation per carrier
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(EvaluationProcess.BATCH_KEY)
                .superProcessInstanceId(pi).list()).extracting(p -> p.getBusinessKey())
                .containsExactlyInAnyOrder("EVAL-" + year + "-B1", "EVAL-" + year + "-B2");
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(EvaluationProcess.CARRIER_KEY)
                .processInstanceBusinessKeyLike("EVAL-" + year + "-%").count()).isEqualTo(4);
        assertThat(result(year, imported)).isEqualTo("A");
        assertThat(result(year, importedLater)).isEqualTo("B");
        assertThat(result(year, filed)).isEqualTo("B");
        assertThat(result(year, silent)).isEqualTo("D");
        EvaluationRuns.Progress progress = runs.progress(year);
        assertThat(progress.total()).isEqualTo(4);
        assertThat(progress.rated()).isEqualTo(4);
        assertThat(progress.confirmed()).isZero();
        assertThat(progress.byRating()).containsEntry("A", 1).containsEntry("B", 2).containsEntry("D", 1);

        List<Task> cityTasks = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(EvaluationProcess.CITY_CONFIRM_TASK).list();
        assertThat(cityTasks).hasSize(2);
        for (Task t : cityTasks) {
            String group = tasks.getIdentityLinksForTask(t.getId()).get(0).getGroupId();
            driver().complete(t.getId(), group, group, Map.of("confirmDecision", "CONFIRM"));
        }
        assertThat(registry.find(silent).orElseThrow().carrier().status()).isEqualTo(CarrierStatus.WARNING); // first D
        assertThat(registry.find(silent).orElseThrow().evaluations()).singleElement()
                .satisfies(e -> assertThat(e.remark()).contains("未报送"));
        assertThat(registry.find(imported).orElseThrow().carrier().status()).isEqualTo(CarrierStatus.ACTIVE);
        assertThat(runs.progress(year).confirmed()).isEqualTo(4);
        assertThat(runs.progress(year).finishedAt()).isNotNull();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).finished().count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation WHERE eval_year = ?", Integer.class, year)).isEqualTo(4);
    }

    @Test
    void theCityChangesARatingOnlyWithAReason() {
        int year = 2020;
        long poor = carrier(City.SUZHOU, year);
        long good = carrier(City.SUZHOU, year);
        importCsv(year, poor, POOR);
        importCsv(year, good, GOOD);
        String pi = start(year);
        Task t = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(EvaluationProcess.CITY_CONFIRM_TASK).singleResult();
        String group = City.SUZHOU.reviewerGroup();
        assertThatThrownBy(() -> driver().complete(t.getId(), "suzhou", group,
                Map.of("confirmDecision", "CHANGE", "change1", String.valueOf(poor), "change1Rating", "C")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).rootCause().hasMessageContaining("须说明理由");
        assertThatThrownBy(() -> driver().complete(t.getId(), "suzhou", group, Map.of("confirmDecision", "CHANGE")))
                .hasRootCauseInstanceOf(BadUserRequestException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation WHERE eval_year = ?", Integer.class, year)).isZero();

        driver().complete(t.getId(), "suzhou", group, Map.of("confirmDecision", "CHANGE", "change1", String.valueOf(poor),
                "change1Rating", "C", "change1Reason", "统计口径有误，经核实在孵企业数为32家"));
        var evaluation = registry.find(poor).orElseThrow().evaluations().get(0);
        assertThat(evaluation.rating()).isEqualTo("C");
        assertThat(evaluation.remark()).contains("统计口径有误");
        assertThat(registry.find(poor).orElseThrow().carrier().status()).isEqualTo(CarrierStatus.ACTIVE);
        assertThat(jdbc.queryForObject("SELECT proposed FROM evaluation_result WHERE carrier_id = ? AND eval_year = ?", String.class, poor, year))
                .isEqualTo("D");
    }

    @Test
    void aSecondConsecutiveDGoesToTheApproverWhoRevokesOrRefuses() {
        int year = 2022;
        long revoked = carrier(City.XUZHOU, year - 1);
        long kept = carrier(City.XUZHOU, year - 1);
        registryService.recordEvaluation(revoked, year - 1, "D", null, "上年度不合格", "test");
        registryService.recordEvaluation(kept, year - 1, "D", null, "上年度不合格", "test");
        importCsv(year, revoked, POOR);
        importCsv(year, kept, POOR);
        String pi = start(year);
        Task city = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(EvaluationProcess.CITY_CONFIRM_TASK).singleResult();
        driver().complete(city.getId(), "xuzhou", City.XUZHOU.reviewerGroup(), Map.of("confirmDecision", "CONFIRM"));

        List<Task> revocations = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(EvaluationProcess.REVOCATION_TASK).list();
        assertThat(revocations).hasSize(2);
        for (Task t : revocations) {
            long carrier = Long.parseLong(tasks.getVariable(t.getId(), EvaluationProcess.REVOCATION_CARRIER).toString());
            assertThat(tasks.getIdentityLinksForTask(t.getId()).get(0).getGroupId()).isEqualTo(Roles.PROVINCE_APPROVER);
            driver().complete(t.getId(), "approver", Roles.PROVINCE_APPROVER, carrier == revoked
                    ? Map.of("revoke", "true", "revocationReason", "连续两年考核不合格")
                    : Map.of("revoke", "false", "revocationReason", "已完成整改，暂不撤销"));
        }
        assertThat(registry.find(revoked).orElseThrow().carrier().status()).isEqualTo(CarrierStatus.REVOKED);
        assertThat(registry.find(kept).orElseThrow().carrier().status()).isEqualTo(CarrierStatus.WARNING);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).finished().count()).isEqualTo(1);
    }

    @Test
    void aYearStartsOnceByTheApiAndTheTimerCreatesExactlyOneRun() {
        start(2021);
        assertThatThrownBy(() -> runs.start(2021, PROVINCE)).isInstanceOf(ApiException.class).hasMessageContaining("不能重复发起");
        assertThatThrownBy(() -> runs.start(2021, new Caller("nanjing", Set.of(City.NANJING.reviewerGroup()))))
                .isInstanceOf(ApiException.class);

        int scheduledYear = LocalDate.now().getYear() - 1;
        for (int fire = 0; fire < 2; fire++) {
            Job timer = management.createJobQuery().timers().processDefinitionKey(EvaluationProcess.KEY).activityId("ScheduledStartEvent")
                    .singleResult();
            assertThat(timer).isNotNull();
            driver().fire(timer);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_run WHERE eval_year = ?", Integer.class, scheduledYear)).isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery().activityId("AlreadyStartedEndEvent").count()).isEqualTo(1);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(EvaluationProcess.KEY)
                .processInstanceBusinessKey(EvaluationProcess.businessKey(scheduledYear)).count()).isEqualTo(1);
    }

    // --- helpers ---

    long carrier(City city, int certifiedIn) {
        int serial = SERIAL.incrementAndGet();
        String code = CreditCode.withCheckCharacter("91" + city.code() + "MA" + String.format("%07d", serial)).value();
        return registryService.certify(new Certify(CreditCode.of(code), "运营机构" + serial, "考核孵化器" + serial, CarrierKind.INCUBATOR,
                Level.PROVINCIAL, city, "地址" + serial, Set.of(Industry.QUANTUM), "JIANGSU-2019", LocalDate.of(certifiedIn, 1, 1), null, null),
                "test").carrierId();
    }

    /** An operator account (group applicant) whose credit code is the carrier's: the one who files its report. */
    String operatorAccount(long carrier) {
        String id = "operator" + SERIAL.incrementAndGet();
        var user = identity.newUser(id);
        user.setPassword("Report-Pw-2026!");
        identity.saveUser(user);
        identity.createMembership(id, Roles.APPLICANT);
        identity.setUserInfo(id, Roles.INFO_OPERATOR_CREDIT_CODE, registry.find(carrier).orElseThrow().carrier().creditCode());
        return id;
    }

    void importCsv(int year, long carrier, Map<String, Object> figures) {
        String code = registry.find(carrier).orElseThrow().carrier().creditCode();
        String csv = "统一社会信用代码,在孵企业数,累计毕业企业数,在孵高新技术企业数,在孵企业当年获得投融资总额,创业导师数,年举办创新创业活动次数,专业孵化服务人员占比\n"
                + code + "," + figures.get("tenantCount") + "," + figures.get("graduatedCount") + "," + figures.get("highTechTenants") + ","
                + figures.get("investmentRaised") + "," + figures.get("mentorCount") + "," + figures.get("eventsPerYear") + ","
                + figures.get("professionalStaffShare");
        try {
            var result = reports.importCsv(year, new StringReader(csv), PROVINCE);
            assertThat(result.rejected()).as("import of %s", carrier).isEmpty();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        driver().runJobs();
    }

    String start(int year) {
        String pi = runs.start(year, PROVINCE).processInstanceId();
        driver().runJobs();
        return pi;
    }

    Task reportTask(int year, long carrier) {
        return tasks.createTaskQuery().processInstanceBusinessKey(EvaluationProcess.carrierBusinessKey(year, carrier))
                .taskDefinitionKey(EvaluationProcess.ANNUAL_REPORT_TASK).singleResult();
    }

    String result(int year, long carrier) {
        return jdbc.queryForObject("SELECT rating FROM evaluation_result WHERE carrier_id = ? AND eval_year = ?", String.class, carrier, year);
    }
}
