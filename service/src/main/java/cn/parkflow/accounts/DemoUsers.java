package cn.parkflow.accounts;

import cn.parkflow.identity.Roles;
import cn.parkflow.registry.City;
import cn.parkflow.registry.CreditCode;
import cn.parkflow.registry.Industry;
import cn.parkflow.workflow.Directory;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo accounts, password {@code demo}, for the embedded default only (README, "Run"), made through the
 * same services as real ones: one reviewer per city named by pinyin, {@code province}, {@code approver}
 * (reviewer accounts), six experts in six home cities with their industries and employers (the expert
 * pool), and two approved operators. The demo profile alone skips the password policy and the first-login
 * change for them.
 */
@Component
@ConditionalOnProperty(name = "parkflow.demo.enabled", havingValue = "true")
class DemoUsers {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);
    static final String PASSWORD = "demo";

    /** The first 17 characters of applicant1's and applicant2's operator credit codes. */
    static final String OPERATOR_1 = "91320100MA1X2Y3W4";
    static final String OPERATOR_2 = "91320500MA1P2Q3R4";

    private final Directory directory;
    private final ReviewerAccounts reviewers;
    private final ExpertPool experts;

    DemoUsers(Directory directory, ReviewerAccounts reviewers, ExpertPool experts) {
        this.directory = directory;
        this.reviewers = reviewers;
        this.experts = experts;
    }

    static List<ReviewerAccounts.NewReviewer> reviewers() {
        List<ReviewerAccounts.NewReviewer> out = new ArrayList<>();
        for (City city : City.values()) {
            out.add(new ReviewerAccounts.NewReviewer(city.pinyin(), city.label() + "科技局审核员", ReviewerAccounts.Role.CITY, city,
                    city.pinyin() + "@demo.parkflow.cn"));
        }
        out.add(new ReviewerAccounts.NewReviewer("province", "省科技厅审核员", ReviewerAccounts.Role.PROVINCE_REVIEWER, null,
                "province@demo.parkflow.cn"));
        out.add(new ReviewerAccounts.NewReviewer("approver", "省科技厅审批人", ReviewerAccounts.Role.PROVINCE_APPROVER, null,
                "approver@demo.parkflow.cn"));
        return out;
    }

    static List<ExpertPool.ExpertForm> experts() {
        String[] cities = {"320100", "320200", "320500", "320300", "320600", "321000"};
        String[] names = {"王专家", "李专家", "张专家", "刘专家", "陈专家", "杨专家"};
        String[] employers = {"南京大学", "江南大学", "苏州大学", "中国矿业大学", "南通大学", "扬州大学"};
        List<List<Industry>> industries = List.of(
                List.of(Industry.GENERAL_AI, Industry.CELL_GENE),
                List.of(Industry.THIRD_GEN_SEMICONDUCTOR, Industry.FUTURE_NETWORK),
                List.of(Industry.FRONTIER_MATERIALS, Industry.SYNTHETIC_BIOLOGY),
                List.of(Industry.HYDROGEN, Industry.NEW_ENERGY_STORAGE),
                List.of(Industry.QUANTUM, Industry.GENERAL_AI),
                List.of(Industry.HUMANOID_ROBOT, Industry.OTHER));
        List<ExpertPool.ExpertForm> out = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String employerCode = CreditCode.withCheckCharacter("12" + cities[i] + "46600000" + (i + 1)).value();
            out.add(new ExpertPool.ExpertForm("expert" + (i + 1), names[i], City.ofCode(cities[i]), employers[i], employerCode,
                    industries.get(i), "教授", "expert" + (i + 1) + "@demo.parkflow.cn", "1390000000" + (i + 1), List.of()));
        }
        return out;
    }

    /** The demo operators' codes, completed with a valid check character. */
    static String creditCode(String draft) {
        return CreditCode.withCheckCharacter(draft).value();
    }

    @EventListener
    @Order(20)
    public void onReady(ApplicationReadyEvent event) {
        int created = 0;
        // the embedded default's administrator (production creates it from PARKFLOW_ADMIN_PASSWORD)
        created += account("admin", "系统管理员", Roles.ADMIN) ? 1 : 0;
        for (ReviewerAccounts.NewReviewer reviewer : reviewers()) {
            created += reviewers.createDemo(reviewer, PASSWORD) ? 1 : 0;
        }
        for (ExpertPool.ExpertForm expert : experts()) {
            created += experts.createDemo(expert, PASSWORD) ? 1 : 0;
        }
        created += operator("applicant1", "南京江北新区生命科学园运营机构", creditCode(OPERATOR_1)) ? 1 : 0;
        created += operator("applicant2", "苏州工业园区纳米城运营机构", creditCode(OPERATOR_2)) ? 1 : 0;
        if (created > 0) {
            log.info("Demo profile: created {} demo users (password '{}')", created, PASSWORD);
        }
    }

    /** An approved operator account, bound to its credit code (as an approved registration leaves it). */
    private boolean operator(String id, String name, String creditCode) {
        if (!account(id, name, Roles.APPLICANT)) {
            return false;
        }
        directory.setInfo(id, Roles.INFO_OPERATOR_CREDIT_CODE, creditCode);
        return true;
    }

    private boolean account(String id, String name, String group) {
        return directory.createIfMissing(new Directory.NewAccount(new Directory.Person(id, name, "", id + "@demo.parkflow.cn"),
                PASSWORD, true, List.of(group)));
    }
}
