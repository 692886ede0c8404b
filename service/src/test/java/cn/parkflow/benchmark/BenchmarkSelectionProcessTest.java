package cn.parkflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.parkflow.ParkflowApplication;
import cn.parkflow.identity.Caller;
import cn.parkflow.identity.Roles;
import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.Certify;
import cn.parkflow.registry.City;
import cn.parkflow.registry.CreditCode;
import cn.parkflow.registry.Industry;
import cn.parkflow.registry.Level;
import cn.parkflow.registry.RegistryReader;
import cn.parkflow.registry.RegistryService;
import cn.parkflow.testsupport.ProcessDriver;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark-selection process with its real delegates, listeners and registry on an in-memory
 * H2 engine; the job executor is off and the test runs the jobs, so every step is deterministic.
 */
@SpringBootTest(classes = ParkflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "spring.datasource.url=jdbc:h2:mem:benchmark-process;MODE=MySQL;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "parkflow.data-dir=target/benchmark-process",
        "parkflow.demo.enabled=true",
        "parkflow.publication-period=PT1H"})
class BenchmarkSelectionProcessTest {

    static final Caller PROVINCE = new Caller("province", Set.of(Roles.PROVINCE_REVIEWER));
    static final AtomicInteger SERIAL = new AtomicInteger(1000);

    @Autowired CampaignService campaigns;
    @Autowired BenchmarkApplicationRepository applications;
    @Autowired ChangeRepository changes;
    @Autowired RegistryService registryService;
    @Autowired RegistryReader registry;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;
    @Autowired cn.parkflow.accounts.ExpertPanel expertPanel;
    @Autowired cn.parkflow.accounts.ExpertPool pool;
    @Autowired ScoreRepository scores;

    // --- paths ---

    @Test
    void normalCampaignRunsFromApplicationsToTitlesAndACityWithoutApplicantsGetsNoTask() {
        Campaign c = open(4, Map.of(City.NANJING, 2, City.WUXI, 2, City.SUZHOU, 2, City.XUZHOU, 2));
        List<Long> nanjing = apply(c, City.NANJING, 3);
        List<Long> wuxi = apply(c, City.WUXI, 2);
        List<Long> suzhou = apply(c, City.SUZHOU, 2);
        deadline(c);

        List<Task> cityTasks = tasks(c, BenchmarkProcess.CITY_RECOMMENDATION_TASK);
        assertThat(cityTasks).hasSize(3); // Xuzhou has a quota but no applicants
        assertThat(cityTasks.stream().map(this::candidateGroup)).containsExactlyInAnyOrder("city-320100", "city-320200", "city-320500");
        assertThat(campaigns.get(c.id).stage()).isEqualTo(CampaignStage.CITY_RECOMMENDATION);
        Task nanjingTask = cityTask(c, City.NANJING);
        assertThat(tasks.getVariable(nanjingTask.getId(), "quota")).isEqualTo(2);
        assertThat(((org.camunda.spin.json.SpinJsonNode) tasks.getVariable(nanjingTask.getId(), "applicantsMarkdown")).stringValue()).contains(String.valueOf(nanjing.get(2)));

        recommend(c, City.NANJING, nanjing.get(2), nanjing.get(0));
        recommend(c, City.WUXI, wuxi.get(0), wuxi.get(1));
        recommend(c, City.SUZHOU, suzhou.get(1));
        assertThat(row(nanjing.get(2)).cityRank).isEqualTo(1);
        assertThat(row(nanjing.get(1)).status).isEqualTo(BenchmarkStatus.NOT_RECOMMENDED);

        List<Task> scoring = tasks(c, BenchmarkProcess.EXPERT_SCORING_TASK);
        assertThat(scoring).hasSize(5 * 5);
        for (Long recommended : List.of(nanjing.get(2), nanjing.get(0), wuxi.get(0), wuxi.get(1), suzhou.get(1))) {
            List<String> panel = row(recommended).expertList();
            assertThat(panel).hasSize(5).doesNotHaveDuplicates();
            City city = City.ofCode(row(recommended).city);
            Map<String, City> homes = expertPanel.experts().stream()
                    .collect(java.util.stream.Collectors.toMap(cn.parkflow.accounts.ExpertPanel.Expert::id, e -> e.homeCity()));
            assertThat(panel).noneMatch(expert -> city.equals(homes.get(expert)));
        }
        // scores: Suzhou's one best, then Wuxi's first, Nanjing's first, Wuxi's second, Nanjing's second
        Map<Long, Integer> level = Map.of(suzhou.get(1), 95, wuxi.get(0), 90, nanjing.get(2), 85, wuxi.get(1), 80, nanjing.get(0), 70);
        scoreAll(c, level);

        assertThat(campaigns.get(c.id).stage()).isEqualTo(CampaignStage.CONFIRMATION);
        assertThat(row(suzhou.get(1)).provinceRank).isEqualTo(1);
        assertThat(row(nanjing.get(0)).provinceRank).isEqualTo(5);
        assertThat(row(nanjing.get(0)).proposed).isFalse();
        Task confirm = single(c, BenchmarkProcess.PROVINCE_CONFIRM_TASK);
        assertThat(candidateGroup(confirm)).isEqualTo(Roles.PROVINCE_APPROVER);
        as("approver", Roles.PROVINCE_APPROVER, () -> tasks.complete(confirm.getId(), Map.of("confirmDecision", "CONFIRM")));
        assertThat(row(wuxi.get(1)).status).isEqualTo(BenchmarkStatus.CONFIRMED);
        assertThat(row(nanjing.get(0)).status).isEqualTo(BenchmarkStatus.NOT_SELECTED);

        runJobs();
        assertThat(campaigns.get(c.id).stage()).isEqualTo(CampaignStage.PUBLICATION);
        assertThat(campaigns.publication(c.id)).extracting(CampaignService.PublicationEntry::applicationId)
                .containsExactly(suzhou.get(1), wuxi.get(0), nanjing.get(2), wuxi.get(1));
        endPublication(c);

        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(c.id)).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(c.processInstanceId)
                .activityId("CampaignClosedEndEvent").count()).isEqualTo(1);
        assertThat(campaigns.get(c.id).stage()).isEqualTo(CampaignStage.CLOSED);
        for (Long selected : List.of(suzhou.get(1), wuxi.get(0), nanjing.get(2), wuxi.get(1))) {
            assertThat(row(selected).status).isEqualTo(BenchmarkStatus.SELECTED);
            var titles = registry.find(row(selected).carrierId).orElseThrow().titles();
            assertThat(titles).anySatisfy(t -> {
                assertThat(t.title()).isEqualTo("BENCHMARK");
                assertThat(t.validUntil()).isEqualTo(t.validFrom().plusYears(3).minusDays(1));
            });
        }
        assertThat(registry.find(row(nanjing.get(0)).carrierId).orElseThrow().titles()).noneMatch(t -> t.title().equals("BENCHMARK"));
        var dashboard = campaigns.get(c.id).cities();
        assertThat(line(dashboard, City.NANJING)).isEqualTo(List.of(2, 3, 2, 1));
        assertThat(line(dashboard, City.WUXI)).isEqualTo(List.of(2, 2, 2, 2));
        assertThat(line(dashboard, City.XUZHOU)).isEqualTo(List.of(2, 0, 0, 0));
    }

    @Test
    void panelsPreferTheCarriersIndustryAndADeactivatedExpertsScoringGoesToANewlyDrawnOne() {
        Campaign c = open(1, Map.of(City.CHANGZHOU, 1)); // no demo expert lives in Changzhou: all six are eligible
        List<Long> ids = apply(c, City.CHANGZHOU, 1);
        deadline(c);
        recommend(c, City.CHANGZHOU, ids.get(0));
        List<String> panel = row(ids.get(0)).expertList();
        assertThat(panel).hasSize(5).contains("expert5"); // the one expert of the carriers' industry (量子科技) is always drawn
        assertThat(row(ids.get(0)).panelNote).contains("仅1名").contains("另从其他无回避关系的专家中抽取4名");
        String left = java.util.stream.IntStream.rangeClosed(1, 6).mapToObj(i -> "expert" + i).filter(e -> !panel.contains(e))
                .findFirst().orElseThrow();
        pool.create(new cn.parkflow.accounts.ExpertPool.ExpertForm("expert7", "周专家", City.NANTONG, "南通大学",
                CreditCode.withCheckCharacter("12320600466000007").value(), List.of(Industry.OTHER), "教授", "expert7@example.cn",
                "13900000007", List.of()), PROVINCE);
        String leaving = panel.stream().filter(e -> !e.equals("expert5")).findFirst().orElseThrow();
        Task before = tasks(c, BenchmarkProcess.EXPERT_SCORING_TASK).stream().filter(t -> t.getAssignee().equals(leaving)).findFirst().orElseThrow();

        var deactivated = pool.deactivate(leaving, PROVINCE);
        assertThat(deactivated.reassigned()).hasSize(1);
        String replacement = deactivated.reassigned().get(0).replacement();
        assertThat(replacement).isIn(left, "expert7");
        Task after = tasks.createTaskQuery().taskId(before.getId()).singleResult();
        assertThat(after.getAssignee()).isEqualTo(replacement);
        assertThat(tasks.getVariable(after.getId(), BenchmarkProcess.ASSIGNMENT)).isEqualTo(BenchmarkProcess.assignment(ids.get(0), replacement));
        assertThat(row(ids.get(0)).expertList()).hasSize(5).contains(replacement).doesNotContain(leaving);
        assertThat(row(ids.get(0)).panelNote).contains(leaving + " 已停用").contains(replacement);
        assertThat(tasks.createTaskQuery().taskAssignee(leaving).count()).isZero();

        scoreAll(c, Map.of(ids.get(0), 90));
        assertThat(scores.findByApplicationIdAndExpert(ids.get(0), replacement)).isPresent();
        assertThat(scores.findByApplicationIdAndExpert(ids.get(0), leaving)).isEmpty();
        assertThat(((org.camunda.spin.json.SpinJsonNode) tasks.getVariable(single(c, BenchmarkProcess.PROVINCE_CONFIRM_TASK).getId(),
                "rankingMarkdown")).stringValue()).contains("专家抽取说明");
        pool.activate(leaving, PROVINCE);
        pool.deactivate("expert7", PROVINCE);
    }

    @Test
    void aCityRecommendingOverItsQuotaIsRefusedAndTheTaskStaysOpen() {
        Campaign c = open(5, Map.of(City.CHANGZHOU, 1));
        List<Long> ids = apply(c, City.CHANGZHOU, 3);
        deadline(c);
        Task task = cityTask(c, City.CHANGZHOU);
        assertThatThrownBy(() -> complete(task, "changzhou", City.CHANGZHOU.reviewerGroup(), positions(ids.get(0), ids.get(1))))
                .hasRootCauseInstanceOf(BadUserRequestException.class).rootCause().hasMessageContaining("超出名额");
        Map<String, Object> gap = new HashMap<>(Map.of("recommend2", String.valueOf(ids.get(0))));
        assertThatThrownBy(() -> complete(task, "changzhou", City.CHANGZHOU.reviewerGroup(), gap))
                .hasRootCauseInstanceOf(BadUserRequestException.class).rootCause().hasMessageContaining("第1位为空");
        Long foreign = apply(c, City.NANJING, 1).get(0);
        assertThatThrownBy(() -> complete(task, "changzhou", City.CHANGZHOU.reviewerGroup(), positions(foreign)))
                .hasRootCauseInstanceOf(BadUserRequestException.class).rootCause().hasMessageContaining("不是常州市本次的申报");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        assertThat(row(ids.get(0)).status).isEqualTo(BenchmarkStatus.APPLIED);

        complete(task, "changzhou", City.CHANGZHOU.reviewerGroup(), positions(ids.get(2)));
        assertThat(row(ids.get(2)).cityRank).isEqualTo(1);
        assertThat(row(ids.get(0)).status).isEqualTo(BenchmarkStatus.NOT_RECOMMENDED);
    }

    @Test
    void theApproverChangesTheListWithAReasonForEveryChangeAndTheChangesAreRecorded() {
        Campaign c = open(2, Map.of(City.NANTONG, 3));
        List<Long> ids = apply(c, City.NANTONG, 3);
        deadline(c);
        recommend(c, City.NANTONG, ids.get(0), ids.get(1), ids.get(2));
        scoreAll(c, Map.of(ids.get(0), 90, ids.get(1), 80, ids.get(2), 70));
        assertThat(row(ids.get(2)).proposed).isFalse();
        Task confirm = single(c, BenchmarkProcess.PROVINCE_CONFIRM_TASK);

        Map<String, Object> noReason = Map.of("confirmDecision", "CHANGE", "change1", String.valueOf(ids.get(2)));
        assertThatThrownBy(() -> complete(confirm, "approver", Roles.PROVINCE_APPROVER, noReason))
                .hasRootCauseInstanceOf(BadUserRequestException.class).rootCause().hasMessageContaining("须说明理由");
        Map<String, Object> overQuota = Map.of("confirmDecision", "CHANGE", "change1", String.valueOf(ids.get(2)), "change1Reason", "增补");
        assertThatThrownBy(() -> complete(confirm, "approver", Roles.PROVINCE_APPROVER, overQuota))
                .hasRootCauseInstanceOf(BadUserRequestException.class).rootCause().hasMessageContaining("超过总名额");
        assertThatThrownBy(() -> complete(confirm, "approver", Roles.PROVINCE_APPROVER, Map.of("confirmDecision", "CHANGE")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).rootCause().hasMessageContaining("至少填写一项调整");
        assertThat(changes.findByCampaignIdOrderByIdAsc(c.id)).isEmpty();

        complete(confirm, "approver", Roles.PROVINCE_APPROVER, Map.of("confirmDecision", "CHANGE",
                "change1", String.valueOf(ids.get(1)), "change1Reason", "核查发现该载体存在失信记录",
                "change2", String.valueOf(ids.get(2)), "change2Reason", "递补：硬科技方向突出"));
        assertThat(changes.findByCampaignIdOrderByIdAsc(c.id)).extracting(ChangeRow::applicationId, ChangeRow::action, ChangeRow::reason, ChangeRow::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ids.get(1), "REMOVE", "核查发现该载体存在失信记录", "approver"),
                        org.assertj.core.groups.Tuple.tuple(ids.get(2), "ADD", "递补：硬科技方向突出", "approver"));
        assertThat(row(ids.get(0)).status).isEqualTo(BenchmarkStatus.CONFIRMED);
        assertThat(row(ids.get(1)).status).isEqualTo(BenchmarkStatus.NOT_SELECTED);
        assertThat(row(ids.get(2)).status).isEqualTo(BenchmarkStatus.CONFIRMED);
        runJobs();
        endPublication(c);
        assertThat(row(ids.get(2)).status).isEqualTo(BenchmarkStatus.SELECTED);
        assertThat(row(ids.get(1)).status).isEqualTo(BenchmarkStatus.NOT_SELECTED);
    }

    @Test
    void anUpheldObjectionRemovesOneCarrierAndThePublicationGoesOnForTheRest() {
        Campaign c = open(3, Map.of(City.YANGZHOU, 3));
        List<Long> ids = apply(c, City.YANGZHOU, 3);
        deadline(c);
        recommend(c, City.YANGZHOU, ids.get(0), ids.get(1), ids.get(2));
        scoreAll(c, Map.of(ids.get(0), 90, ids.get(1), 80, ids.get(2), 70));
        as("approver", Roles.PROVINCE_APPROVER, () -> tasks.complete(single(c, BenchmarkProcess.PROVINCE_CONFIRM_TASK).getId(),
                Map.of("confirmDecision", "CONFIRM")));
        runJobs();

        var upheld = campaigns.object(c.id, new CampaignService.Objection(ids.get(1), "李四", "13800000000", "孵化场地系转租，面积不实"));
        var dismissed = campaigns.object(c.id, new CampaignService.Objection(ids.get(0), "王五", "13900000000", "在孵企业数有出入"));
        assertThat(upheld.applicationId()).isEqualTo(ids.get(1));
        List<Task> objections = tasksByKey("ObjectionTask");
        assertThat(objections).hasSize(2);
        Task first = objections.stream().filter(t -> ids.get(1).equals(((Number) tasks.getVariable(t.getId(), "applicationId")).longValue()))
                .findFirst().orElseThrow();
        assertThat(tasks.getVariable(first.getId(), "objectionEffect").toString()).contains("移出公示名单");
        complete(first, "province", Roles.PROVINCE_REVIEWER, Map.of("objectionUpheld", true, "objectionReply", "经核实，异议成立"));
        Task second = tasksByKey("ObjectionTask").get(0);
        complete(second, "province", Roles.PROVINCE_REVIEWER, Map.of("objectionUpheld", false, "objectionReply", "经核实，数据无误"));

        assertThat(row(ids.get(1)).status).isEqualTo(BenchmarkStatus.OBJECTION_UPHELD);
        assertThat(campaigns.get(c.id).stage()).isEqualTo(CampaignStage.PUBLICATION); // still published
        assertThat(campaigns.publication(c.id)).extracting(CampaignService.PublicationEntry::applicationId)
                .containsExactly(ids.get(0), ids.get(2));
        assertThat(dismissed.id()).isNotEqualTo(upheld.id());
        endPublication(c);

        assertThat(row(ids.get(0)).status).isEqualTo(BenchmarkStatus.SELECTED);
        assertThat(row(ids.get(2)).status).isEqualTo(BenchmarkStatus.SELECTED);
        assertThat(row(ids.get(1)).status).isEqualTo(BenchmarkStatus.OBJECTION_UPHELD);
        assertThat(registry.find(row(ids.get(1)).carrierId).orElseThrow().titles()).noneMatch(t -> t.title().equals("BENCHMARK"));
        assertThat(history.createHistoricActivityInstanceQuery().activityId("ObjectionUpheldRemovedEndEvent").count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aCampaignWithoutApplicantsClosesAtTheDeadline() {
        Campaign c = open(3, Map.of(City.SUQIAN, 1));
        deadline(c);
        assertThat(tasks(c, BenchmarkProcess.CITY_RECOMMENDATION_TASK)).isEmpty();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(c.processInstanceId)
                .activityId("NoApplicantsEndEvent").count()).isEqualTo(1);
        assertThat(campaigns.get(c.id).stage()).isEqualTo(CampaignStage.CLOSED);
    }

    /** 13 cities × 40 applicants, every city recommends its quota (10), five experts score each: 650 score sheets. */
    @Test
    void thirteenCitiesWithFortyApplicantsEachAndFiveExpertsRunToTheEnd() {
        Map<City, Integer> quotas = new LinkedHashMap<>();
        for (City city : City.values()) {
            quotas.put(city, 10);
        }
        Campaign c = open(100, quotas);
        Map<City, List<Long>> byCity = new LinkedHashMap<>();
        for (City city : City.values()) {
            byCity.put(city, apply(c, city, 40));
        }
        long started = System.nanoTime();
        deadline(c);
        for (City city : City.values()) {
            List<Long> ids = byCity.get(city);
            recommend(c, city, ids.subList(0, 10).toArray(Long[]::new));
        }
        Map<Long, Integer> level = new HashMap<>();
        int n = 0;
        for (List<Long> ids : byCity.values()) {
            for (Long id : ids.subList(0, 10)) {
                level.put(id, 40 + (n++ % 60));
            }
        }
        scoreAll(c, level);
        as("approver", Roles.PROVINCE_APPROVER, () -> tasks.complete(single(c, BenchmarkProcess.PROVINCE_CONFIRM_TASK).getId(),
                Map.of("confirmDecision", "CONFIRM")));
        runJobs();
        endPublication(c);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("benchmark selection 13 cities x 40 applicants, 130 recommended x 5 experts: %d ms from deadline to titles%n", millis);

        assertThat(campaigns.get(c.id).stage()).isEqualTo(CampaignStage.CLOSED);
        assertThat(campaigns.get(c.id).cities()).allSatisfy(line -> {
            assertThat(line.applicants()).isEqualTo(40);
            assertThat(line.recommended()).isEqualTo(10);
        });
        int selected = campaigns.get(c.id).cities().stream().mapToInt(CampaignService.CityLine::selected).sum();
        assertThat(selected).isEqualTo(100);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM benchmark_score s JOIN benchmark_application a ON a.id = s.application_id "
                + "WHERE a.campaign_id = ?", Integer.class, c.id)).isEqualTo(650);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM carrier_title WHERE source LIKE ?", Integer.class, "%" + c.title)).isEqualTo(100);
    }

    // --- driving the process ---

    record Campaign(long id, String title, String processInstanceId) {}

    Campaign open(int total, Map<City, Integer> quotas) {
        Map<String, Integer> q = new LinkedHashMap<>();
        quotas.forEach((city, quota) -> q.put(city.code(), quota));
        String title = "标杆孵化器遴选测试" + SERIAL.incrementAndGet();
        var view = campaigns.open(new OpenCampaign(2026, title, total, q, OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(1), 3), PROVINCE);
        String pi = runtime.createProcessInstanceQuery().processDefinitionKey(BenchmarkProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(view.id())).singleResult().getId();
        return new Campaign(view.id(), title, pi);
    }

    /** Eligible carriers in the city, each applying (operators are checked by the API tests; here the rows go in directly). */
    List<Long> apply(Campaign c, City city, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int serial = SERIAL.incrementAndGet();
            String code = CreditCode.withCheckCharacter("91" + city.code() + "MA" + String.format("%07d", serial)).value();
            var certified = registryService.certify(new Certify(CreditCode.of(code), "运营机构" + serial, "孵化器" + serial,
                    CarrierKind.INCUBATOR, Level.PROVINCIAL, city, "地址" + serial, Set.of(Industry.QUANTUM), "JIANGSU-2019",
                    LocalDate.of(2022, 1, 1), null, null), "test");
            BenchmarkApplicationRow row = new BenchmarkApplicationRow();
            row.campaignId = c.id;
            row.carrierId = certified.carrierId();
            row.applicantId = "applicant1";
            row.city = city.code();
            row.indicators = "{\"tenantCount\":" + (30 + i) + ",\"highTechTenants\":" + (i % 7) + "}";
            row.status = BenchmarkStatus.APPLIED;
            row.appliedAt = java.time.Instant.now();
            ids.add(applications.save(row).id);
        }
        return ids;
    }

    void deadline(Campaign c) {
        Job timer = management.createJobQuery().processInstanceId(c.processInstanceId).activityId("ApplicationDeadlineTimer").timers().singleResult();
        management.executeJob(timer.getId());
        runJobs();
    }

    void endPublication(Campaign c) {
        var publication = runtime.createProcessInstanceQuery().superProcessInstanceId(c.processInstanceId).singleResult();
        Job timer = management.createJobQuery().processInstanceId(publication.getId()).activityId("PublicationTimer").timers().singleResult();
        management.executeJob(timer.getId());
        runJobs();
    }

    ProcessDriver driver() {
        return new ProcessDriver(management, identity, tasks);
    }

    void runJobs() {
        driver().runJobs();
    }

    void recommend(Campaign c, City city, Long... ordered) {
        complete(cityTask(c, city), city.name().toLowerCase(), city.reviewerGroup(), positions(ordered));
    }

    static Map<String, Object> positions(Long... ordered) {
        Map<String, Object> v = new HashMap<>();
        for (int i = 0; i < ordered.length; i++) {
            v.put("recommend" + (i + 1), String.valueOf(ordered[i]));
        }
        return v;
    }

    /** Every expert scores every criterion of an application at its level (± the expert's own offset). */
    void scoreAll(Campaign c, Map<Long, Integer> level) {
        for (Task task : tasks(c, BenchmarkProcess.EXPERT_SCORING_TASK)) {
            String assignment = (String) tasks.getVariable(task.getId(), BenchmarkProcess.ASSIGNMENT);
            long id = BenchmarkProcess.assignedApplication(assignment);
            assertThat(task.getAssignee()).isEqualTo(BenchmarkProcess.assignedExpert(assignment));
            int offset = Integer.parseInt(task.getAssignee().substring("expert".length())) - 3;
            int s = Math.max(0, Math.min(100, level.get(id) + offset));
            Map<String, Object> v = new HashMap<>();
            for (Criterion criterion : Criterion.values()) {
                v.put(BenchmarkProcess.scoreVariable(criterion), s);
            }
            complete(task, task.getAssignee(), Roles.EXPERT, v);
        }
        runJobs();
    }

    void complete(Task task, String user, String group, Map<String, Object> variables) {
        driver().complete(task.getId(), user, group, variables);
    }

    void as(String user, String group, Runnable action) {
        driver().as(user, group, action);
    }

    List<Task> tasks(Campaign c, String key) {
        return tasks.createTaskQuery().processInstanceId(c.processInstanceId).taskDefinitionKey(key).list();
    }

    List<Task> tasksByKey(String key) {
        return tasks.createTaskQuery().taskDefinitionKey(key).list();
    }

    Task single(Campaign c, String key) {
        List<Task> found = tasks(c, key);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    Task cityTask(Campaign c, City city) {
        return tasks(c, BenchmarkProcess.CITY_RECOMMENDATION_TASK).stream()
                .filter(t -> city.reviewerGroup().equals(candidateGroup(t))).findFirst().orElseThrow();
    }

    String candidateGroup(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
                .map(IdentityLink::getGroupId).findFirst().orElse(null);
    }

    BenchmarkApplicationRow row(long id) {
        return applications.findById(id).orElseThrow();
    }

    static List<Integer> line(List<CampaignService.CityLine> lines, City city) {
        var l = lines.stream().filter(x -> x.city() == city).findFirst().orElseThrow();
        return List.of(l.quota(), l.applicants(), l.recommended(), l.selected());
    }
}
