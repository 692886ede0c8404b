package cn.parkflow.identity;

import cn.parkflow.registry.City;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** What parkflow knows of a user beyond Camunda's columns: an operator's credit code, an expert's home city. */
@Component
public class UserDirectory {

    private final IdentityService identityService;

    UserDirectory(IdentityService identityService) {
        this.identityService = identityService;
    }

    public Optional<String> operatorCreditCode(String userId) {
        return Optional.ofNullable(identityService.getUserInfo(userId, Roles.INFO_OPERATOR_CREDIT_CODE));
    }

    public Optional<City> homeCity(String userId) {
        return Optional.ofNullable(identityService.getUserInfo(userId, Roles.INFO_HOME_CITY)).flatMap(City::find);
    }
}
