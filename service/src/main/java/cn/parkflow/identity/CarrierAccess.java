package cn.parkflow.identity;

import cn.parkflow.registry.City;
import org.springframework.stereotype.Component;

/**
 * Who may see a carrier's own records (change reports, tenant rosters): its operator's accounts, the reviewers of its
 * city and the province; the operator alone files them.
 */
@Component
public class CarrierAccess {

    private final UserDirectory users;

    CarrierAccess(UserDirectory users) {
        this.users = users;
    }

    /** An applicant account of the operator with this credit code. */
    public boolean isOperator(String operatorCreditCode, Caller caller) {
        return caller.isApplicant() && users.operatorCreditCode(caller.userId()).map(operatorCreditCode::equals).orElse(false);
    }

    public boolean mayRead(String operatorCreditCode, City city, Caller caller) {
        return caller.isAdmin() || caller.isProvince() || isOperator(operatorCreditCode, caller) || caller.reviewedCities().contains(city);
    }
}
