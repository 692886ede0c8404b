package cn.parkflow.benchmark;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code benchmark-selection.bpmn}; each is asynchronous and retried on failure. */
@Configuration(proxyBeanMethods = false)
class SelectionDelegates {

    static long campaignId(VariableScope scope) {
        Object id = scope.getVariable(BenchmarkProcess.CAMPAIGN_ID);
        if (id instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalStateException("process variable campaignId missing");
    }

    /** 截止申报: the cities that recommend, in code order. */
    @Bean
    JavaDelegate closeCampaignApplications(SelectionWorkflow selection) {
        return (DelegateExecution execution) -> execution.setVariable(BenchmarkProcess.RECOMMENDING_CITIES,
                new ArrayList<>(selection.closeApplications(campaignId(execution))));
    }

    /** 抽取评分专家: a panel per recommended application, one scoring assignment per panel member. */
    @Bean
    JavaDelegate drawBenchmarkPanels(SelectionRanking selection) {
        return (DelegateExecution execution) -> execution.setVariable(BenchmarkProcess.SCORING_ASSIGNMENTS,
                new ArrayList<>(selection.drawPanels(campaignId(execution))));
    }

    /** 全省排名. */
    @Bean
    JavaDelegate rankBenchmarkCandidates(SelectionRanking selection) {
        return (DelegateExecution execution) -> selection.rank(campaignId(execution));
    }

    /** 授予称号. */
    @Bean
    JavaDelegate grantBenchmarkTitles(SelectionWorkflow selection) {
        return (DelegateExecution execution) -> execution.setVariable("titlesGranted", selection.grantTitles(campaignId(execution)));
    }
}
