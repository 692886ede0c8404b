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

    /** An expert with what the conflict-of-interest rule looks at. */
    public record Expert(String id, String label, City homeCity, String operatorCreditCode) {}

    /** Every member of group {@code expert}, read once (draw from this list for many applications). */
    public List<Expert> experts() {
        List<Expert> out = new ArrayList<>();
        for (User user : identity.createUserQuery().memberOfGroup(Roles.EXPERT).orderByUserId().asc().list()) {
            City home = users.homeCity(user.getId()).orElse(null);
            out.add(new Expert(user.getId(), name(user) + "（" + (home == null ? "未登记" : home.label()) + "）", home,
                    users.operatorCreditCode(user.getId()).orElse(null)));
        }
        return out;
    }

    public List<Candidate> candidates(City applicantCity, String operatorCreditCode) {
        return experts().stream().filter(e -> interest(e, applicantCity, operatorCreditCode) == null)
                .map(e -> new Candidate(e.id(), e.label())).toList();
    }

    /** Why this user may not score the application, or null when it may. */
    public String conflict(String userId, City applicantCity, String operatorCreditCode) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(Roles.EXPERT).count() == 0) {
            return userId + " 不是评审专家";
        }
        return interest(new Expert(userId, userId, users.homeCity(userId).orElse(null), users.operatorCreditCode(userId).orElse(null)),
                applicantCity, operatorCreditCode);
    }

    /** The conflict of interest of a known expert, or null. */
    private static String interest(Expert expert, City applicantCity, String operatorCreditCode) {
        if (applicantCity.equals(expert.homeCity())) {
            return expert.id() + " 与申报单位同属" + applicantCity.label() + "，需回避";
        }
        if (operatorCreditCode != null && operatorCreditCode.equals(expert.operatorCreditCode())) {
            return expert.id() + " 属于申报运营机构，需回避";
        }
        return null;
    }

    /** Draws {@code count} experts at random from those without conflict. */
    public List<String> draw(City applicantCity, String operatorCreditCode, int count) {
        return draw(experts(), applicantCity, operatorCreditCode, count);
    }

    /** Draws {@code count} experts at random from {@code experts}, leaving out those with a conflict. */
    public List<String> draw(List<Expert> experts, City applicantCity, String operatorCreditCode, int count) {
        List<String> pool = new ArrayList<>(experts.stream().filter(e -> interest(e, applicantCity, operatorCreditCode) == null)
                .map(Expert::id).toList());
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
