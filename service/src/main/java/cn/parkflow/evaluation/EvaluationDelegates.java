package cn.parkflow.evaluation;

import static cn.parkflow.evaluation.EvaluationProcess.*;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The service tasks of {@code annual-evaluation.bpmn} and {@code carrier-evaluation.bpmn}. */
@Configuration(proxyBeanMethods = false)
class EvaluationDelegates {

    static int year(VariableScope scope) {
        return ((Number) scope.getVariable(YEAR)).intValue();
    }

    static long carrierId(VariableScope scope) {
        return ((Number) scope.getVariable(CARRIER_ID)).longValue();
    }

    /** 登记年度考核 (timer start): the year before this one, once; a year started already ends the instance. */
    @Bean
    JavaDelegate registerScheduledRun(EvaluationRuns runs, NamedParameterJdbcTemplate jdbc) {
        return (DelegateExecution execution) -> {
            int year = runs.scheduledYear();
            boolean registered = runs.register(year, "system");
            execution.setVariable("registered", registered);
            execution.setVariable(YEAR, year);
            execution.setVariable(REPORT_PERIOD, runs.reportPeriod());
            if (registered) {
                execution.setProcessBusinessKey(EvaluationProcess.businessKey(year));
                jdbc.update("UPDATE evaluation_run SET process_instance_id = :pi WHERE eval_year = :y",
                        java.util.Map.of("pi", execution.getProcessInstanceId(), "y", year));
            }
        };
    }

    /** 确定参评载体. */
    @Bean
    JavaDelegate selectEvaluatedCarriers(EvaluationRuns runs) {
        return (DelegateExecution execution) -> {
            var carriers = runs.dueCarriers(year(execution));
            execution.setVariable(CARRIER_COUNT, carriers.size());
            execution.setVariable(CARRIER_BATCHES, new ArrayList<>(runs.batches(carriers)));
        };
    }

    /** 查询年度报告: whether the report is in already, and who may file it. */
    @Bean
    JavaDelegate prepareCarrierEvaluation(CarrierReports runs) {
        return (DelegateExecution execution) -> {
            long carrier = carrierId(execution);
            int year = year(execution);
            boolean hasReport = runs.report(carrier, year).isPresent();
            execution.setVariable(HAS_REPORT, hasReport);
            if (!hasReport) { // the operator's accounts file it through AnnualReportTask
                execution.setVariable(OPERATOR_USERS, new ArrayList<>(runs.operatorUsers(carrier)));
            }
        };
    }

    /** 评定等级. */
    @Bean
    JavaDelegate rateCarrier(CarrierReports runs) {
        return (DelegateExecution execution) -> runs.rate(carrierId(execution), year(execution));
    }

    /** 汇总各市考核结果. */
    @Bean
    JavaDelegate prepareCityConfirmation(CityConfirmations runs) {
        return (DelegateExecution execution) -> execution.setVariable(CITIES, new ArrayList<>(runs.cities(year(execution))));
    }

    /** 确定撤销对象. */
    @Bean
    JavaDelegate selectRevocations(CityConfirmations runs) {
        return (DelegateExecution execution) -> execution.setVariable(REVOCATIONS, new ArrayList<>(runs.revocations(year(execution))));
    }

    /** 考核结束. */
    @Bean
    JavaDelegate finishEvaluation(EvaluationRuns runs) {
        return (DelegateExecution execution) -> runs.finish(year(execution));
    }
}
