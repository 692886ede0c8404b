package cn.parkflow.identity;

import cn.parkflow.registry.City;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What parkflow knows of a user beyond Camunda's columns: an operator's credit code, an expert's home city. */
@Component
public class UserDirectory {

    private final IdentityService identityService;
    private final JdbcTemplate jdbc;

    UserDirectory(IdentityService identityService, JdbcTemplate jdbc) {
        this.identityService = identityService;
        this.jdbc = jdbc;
    }

    /**
     * The applicant accounts of one operator. Camunda's identity API cannot query users by user
     * info, and reading every applicant's info costs one query per account, per carrier of an
     * evaluation; so this one reads the identity tables (ACT_ID_INFO, ACT_ID_MEMBERSHIP) directly.
     */
    public List<String> operatorAccounts(String creditCode) {
        return jdbc.queryForList("SELECT i.USER_ID_ FROM ACT_ID_INFO i JOIN ACT_ID_MEMBERSHIP m ON m.USER_ID_ = i.USER_ID_ "
                + "WHERE i.TYPE_ = 'userinfo' AND i.KEY_ = ? AND i.VALUE_ = ? AND m.GROUP_ID_ = ? ORDER BY i.USER_ID_",
                String.class, Roles.INFO_OPERATOR_CREDIT_CODE, creditCode, Roles.APPLICANT);
    }

    public Optional<String> operatorCreditCode(String userId) {
        return Optional.ofNullable(identityService.getUserInfo(userId, Roles.INFO_OPERATOR_CREDIT_CODE));
    }

    public Optional<City> homeCity(String userId) {
        return Optional.ofNullable(identityService.getUserInfo(userId, Roles.INFO_HOME_CITY)).flatMap(City::find);
    }
}
