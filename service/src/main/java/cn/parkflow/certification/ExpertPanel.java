package cn.parkflow.certification;

import cn.parkflow.identity.Roles;
import cn.parkflow.identity.UserDirectory;
import cn.parkflow.registry.City;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The experts who may score an application: members of group {@code expert} whose home city is not
 * the applicant's city and who do not belong to the applicant's operator (conflict of interest).
 */
@Component
public class ExpertPanel {

    /** An expert the reviewer may choose, as the form lists it. */
    public record Candidate(String value, String label) {}

    private final IdentityService identity;
    private final UserDirectory users;
    private final Random random = new SecureRandom();

    ExpertPanel(IdentityService identity, UserDirectory users) {
        this.identity = identity;
        this.users = users;
    }

    public List<Candidate> candidates(City applicantCity, String operatorCreditCode) {
        List<Candidate> out = new ArrayList<>();
        for (User user : identity.createUserQuery().memberOfGroup(Roles.EXPERT).orderByUserId().asc().list()) {
            if (interest(user.getId(), applicantCity, operatorCreditCode) == null) {
                String home = users.homeCity(user.getId()).map(City::label).orElse("未登记");
                out.add(new Candidate(user.getId(), name(user) + "（" + home + "）"));
            }
        }
        return out;
    }

    /** Why this user may not score the application, or null when it may. */
    public String conflict(String userId, City applicantCity, String operatorCreditCode) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(Roles.EXPERT).count() == 0) {
            return userId + " 不是评审专家";
        }
        return interest(userId, applicantCity, operatorCreditCode);
    }

    /** The conflict of interest of a known expert, or null. */
    private String interest(String userId, City applicantCity, String operatorCreditCode) {
        if (users.homeCity(userId).map(applicantCity::equals).orElse(false)) {
            return userId + " 与申报单位同属" + applicantCity.label() + "，需回避";
        }
        if (users.operatorCreditCode(userId).map(operatorCreditCode::equals).orElse(false)) {
            return userId + " 属于申报运营机构，需回避";
        }
        return null;
    }

    /** Draws {@code count} experts at random from those without conflict. */
    public List<String> draw(City applicantCity, String operatorCreditCode, int count) {
        List<String> pool = new ArrayList<>(candidates(applicantCity, operatorCreditCode).stream().map(Candidate::value).toList());
        if (pool.size() < count) {
            throw new IllegalStateException("only " + pool.size() + " experts without conflict of interest for an applicant in "
                    + applicantCity.code() + "; " + count + " are needed (add experts in Camunda Admin, then retry the job)");
        }
        Collections.shuffle(pool, random);
        return List.copyOf(pool.subList(0, count));
    }

    private static String name(User user) {
        String name = (user.getLastName() == null ? "" : user.getLastName()) + (user.getFirstName() == null ? "" : user.getFirstName());
        return name.isBlank() ? user.getId() : user.getFirstName() + user.getLastName();
    }
}
