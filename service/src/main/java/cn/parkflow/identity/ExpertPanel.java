package cn.parkflow.identity;

import cn.parkflow.workflow.Directory;
import cn.parkflow.registry.City;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.springframework.stereotype.Component;

/**
 * The experts who may score an application: members of group {@code expert} whose home city is not
 * the applicant's city and who do not belong to the applicant's operator (conflict of interest).
 */
@Component
public class ExpertPanel {

    /** An expert the reviewer may choose, as the form lists it. */
    public record Candidate(String value, String label) {}

    private final Directory directory;
    private final UserDirectory users;
    private final Random random = new SecureRandom();

    ExpertPanel(Directory directory, UserDirectory users) {
        this.directory = directory;
        this.users = users;
    }

    /** An expert with what the conflict-of-interest rule looks at. */
    public record Expert(String id, String label, City homeCity, String operatorCreditCode) {}

    /** Every member of group {@code expert}, read once (draw from this list for many applications). */
    public List<Expert> experts() {
        List<Expert> out = new ArrayList<>();
        for (Directory.Person user : directory.members(Roles.EXPERT)) {
            City home = users.homeCity(user.id()).orElse(null);
            out.add(new Expert(user.id(), name(user) + "（" + (home == null ? "未登记" : home.label()) + "）", home,
                    users.operatorCreditCode(user.id()).orElse(null)));
        }
        return out;
    }

    public List<Candidate> candidates(City applicantCity, String operatorCreditCode) {
        return experts().stream().filter(e -> interest(e, applicantCity, operatorCreditCode) == null)
                .map(e -> new Candidate(e.id(), e.label())).toList();
    }

    /** Why this user may not score the application, or null when it may. */
    public String conflict(String userId, City applicantCity, String operatorCreditCode) {
        if (!directory.isMember(userId, Roles.EXPERT)) {
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

    /** As the expert lists always showed it: given name, then surname ("王专家"); the id when there is no name. */
    private static String name(Directory.Person user) {
        String name = (user.lastName() == null ? "" : user.lastName()) + (user.firstName() == null ? "" : user.firstName());
        return name.isBlank() ? user.id() : user.firstName() + user.lastName();
    }
}
