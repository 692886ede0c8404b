package cn.parkflow.benchmark;

import static cn.parkflow.benchmark.BenchmarkProcess.*;

import cn.parkflow.workflow.TaskContract;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What each user task of the benchmark selection accepts; the listener records every answer, the process reads none. */
@Configuration(proxyBeanMethods = false)
class BenchmarkTaskContracts {

    @Bean
    TaskContract cityRecommendationContract() {
        return TaskContract.of(CITY_RECOMMENDATION_TASK, Set.of(RECOMMENDATION_COMMENT))
                .withPositional(RECOMMEND_PREFIX + "([1-9]|[12][0-9]|30)");
    }

    @Bean
    TaskContract expertScoringContract() {
        Set<String> answers = Arrays.stream(Criterion.values()).map(BenchmarkProcess::scoreVariable).collect(Collectors.toSet());
        answers.add(SCORING_COMMENT);
        return TaskContract.of(EXPERT_SCORING_TASK, answers);
    }

    @Bean
    TaskContract provinceConfirmContract() {
        return TaskContract.of(PROVINCE_CONFIRM_TASK, Set.of(CONFIRM_DECISION))
                .withPositional(CHANGE_PREFIX + "([1-9]|10)(" + REASON_SUFFIX + ")?");
    }
}
