package cn.parkflow.identity;

import cn.parkflow.workflow.Directory;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What parkflow knows of a user beyond Camunda's columns: an operator's credit code, an operator account's registration state. */
@Component
public class UserDirectory {

    private final Directory directory;

    UserDirectory(Directory directory) {
        this.directory = directory;
    }

    /** The applicant accounts of one operator, in one query however many accounts there are. */
    public List<String> operatorAccounts(String creditCode) {
        return directory.membersWithInfo(Roles.APPLICANT, Roles.INFO_OPERATOR_CREDIT_CODE, creditCode);
    }

    public Optional<String> operatorCreditCode(String userId) {
        return Optional.ofNullable(directory.info(userId, Roles.INFO_OPERATOR_CREDIT_CODE).orElse(null));
    }

    /** The state of a self-registered operator account (PENDING, ACTIVE, REJECTED); empty for other accounts. */
    public Optional<String> registrationStatus(String userId) {
        return directory.info(userId, Roles.INFO_REGISTRATION);
    }
}
