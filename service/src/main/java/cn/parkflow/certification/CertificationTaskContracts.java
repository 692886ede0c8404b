package cn.parkflow.certification;

import static cn.parkflow.certification.CertificationProcess.*;

import cn.parkflow.workflow.TaskContract;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What each user task of the certification and publication processes accepts (README, process
 * contract). The routed answers are what the gateways and later steps read.
 */
@Configuration(proxyBeanMethods = false)
class CertificationTaskContracts {

    @Bean
    TaskContract citySiteCheckContract() {
        return TaskContract.of(CITY_SITE_CHECK_TASK, Set.of(SITE_CHECK_DATE, SITE_INSPECTORS, SITE_FINDINGS, SITE_PASSED, CITY_EXPERTS,
                FRAUD_FOUND)).routing(SITE_PASSED, SITE_FINDINGS, CITY_EXPERTS, FRAUD_FOUND);
    }

    @Bean
    TaskContract cityExpertReviewContract() {
        return TaskContract.of(CITY_EXPERT_REVIEW_TASK, Set.of(EXPERT_SCORE, EXPERT_OPINION, EXPERT_COMMENT));
    }

    @Bean
    TaskContract cityReviewContract() {
        return TaskContract.of(CITY_REVIEW_TASK, Set.of(CITY_DECISION, CITY_COMMENT, CITY_REMARK, FRAUD_FOUND))
                .routing(CITY_DECISION, CITY_COMMENT, FRAUD_FOUND);
    }

    @Bean
    TaskContract supplementContract() {
        return TaskContract.of(SUPPLEMENT_TASK, Set.of());
    }

    @Bean
    TaskContract provinceReviewContract() {
        return TaskContract.of(PROVINCE_REVIEW_TASK, Set.of(PROVINCE_CHECK, PROVINCE_COMMENT, PROVINCE_REMARK, EXPERTS, FRAUD_FOUND))
                .routing(PROVINCE_CHECK, PROVINCE_COMMENT, EXPERTS, FRAUD_FOUND);
    }

    @Bean
    TaskContract expertReviewContract() {
        return TaskContract.of(EXPERT_REVIEW_TASK, Set.of(EXPERT_SCORE, EXPERT_OPINION, EXPERT_COMMENT));
    }

    @Bean
    TaskContract decisionContract() {
        return TaskContract.of(DECISION_TASK, Set.of(DECISION, DECISION_COMMENT, ELIGIBILITY_OVERRIDE, FRAUD_FOUND, NATIONAL_GRADE))
                .routing(DECISION, DECISION_COMMENT, ELIGIBILITY_OVERRIDE, FRAUD_FOUND, NATIONAL_GRADE);
    }

    @Bean
    TaskContract nationalOutcomeContract() {
        return TaskContract.of(NATIONAL_OUTCOME_TASK, Set.of(MINISTRY_APPROVED, MINISTRY_DOCUMENT_NUMBER, MINISTRY_DECISION_DATE,
                MINISTRY_COMMENT)).routing(MINISTRY_APPROVED, MINISTRY_COMMENT);
    }

    @Bean
    TaskContract objectionContract() {
        return TaskContract.of(OBJECTION_TASK, Set.of(OBJECTION_UPHELD, OBJECTION_REPLY)).routing(OBJECTION_UPHELD);
    }
}
