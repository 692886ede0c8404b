package cn.parkflow.evaluation;

import static cn.parkflow.evaluation.EvaluationProcess.*;

import cn.parkflow.workflow.TaskContract;
import java.util.HashSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What each user task of the annual evaluation accepts. The operator's report is its figures and
 * narrative only: which carrier and year it is for come from the task's process, never from the answer.
 */
@Configuration(proxyBeanMethods = false)
class EvaluationTaskContracts {

    @Bean
    TaskContract annualReportContract() {
        Set<String> answers = new HashSet<>(ReportColumns.RATED);
        answers.add(NARRATIVE);
        return TaskContract.of(ANNUAL_REPORT_TASK, answers);
    }

    @Bean
    TaskContract cityConfirmContract() {
        return TaskContract.of(CITY_CONFIRM_TASK, Set.of(CONFIRM_DECISION))
                .withPositional(CHANGE_PREFIX + "([1-9]|10)(" + RATING_SUFFIX + "|" + REASON_SUFFIX + ")?");
    }

    @Bean
    TaskContract revocationContract() {
        return TaskContract.of(REVOCATION_TASK, Set.of(REVOKE, REVOCATION_REASON));
    }
}
