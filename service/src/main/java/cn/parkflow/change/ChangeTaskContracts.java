package cn.parkflow.change;

import static cn.parkflow.change.ChangeProcess.*;

import cn.parkflow.workflow.TaskContract;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What each user task of the change-report process accepts (README, process contract). */
@Configuration(proxyBeanMethods = false)
class ChangeTaskContracts {

    @Bean
    TaskContract cityChangeCheckContract() {
        return TaskContract.of(CITY_CHANGE_CHECK_TASK, Set.of(CHANGE_CHECK, CHANGE_COMMENT, FRAUD_FOUND))
                .routing(CHANGE_CHECK, CHANGE_COMMENT, FRAUD_FOUND);
    }

    @Bean
    TaskContract provinceChangeConfirmContract() {
        return TaskContract.of(PROVINCE_CHANGE_CONFIRM_TASK, Set.of(CHANGE_CONFIRM, CHANGE_CONFIRM_COMMENT))
                .routing(CHANGE_CONFIRM, CHANGE_CONFIRM_COMMENT);
    }

    @Bean
    TaskContract changeRevocationContract() {
        return TaskContract.of(CHANGE_REVOCATION_TASK, Set.of(REVOKE, REVOCATION_REASON)).routing(REVOKE, REVOCATION_REASON);
    }
}
