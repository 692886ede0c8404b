package cn.parkflow.identity;

import cn.parkflow.workflow.Directory;

import cn.parkflow.registry.City;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo accounts, password {@code demo}, for the embedded default only (README, "Run"): one
 * reviewer per city named by pinyin, {@code province}, {@code approver}, six experts in four home
 * cities, and two operators.
 */
@Component
@ConditionalOnProperty(name = "parkflow.demo.enabled", havingValue = "true")
class DemoUsers {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);
    static final String PASSWORD = "demo";

    /** The first 17 characters of applicant1's and applicant2's operator credit codes. */
    static final String OPERATOR_1 = "91320100MA1X2Y3W4";
    static final String OPERATOR_2 = "91320500MA1P2Q3R4";

    record DemoUser(String id, String firstName, String lastName, String group, String homeCity, String operator) {}

    private final Directory directory;

    DemoUsers(Directory directory) {
        this.directory = directory;
    }

    static List<DemoUser> users() {
        List<DemoUser> users = new java.util.ArrayList<>();
        // the embedded default's administrator (production creates it from PARKFLOW_ADMIN_PASSWORD)
        users.add(new DemoUser("admin", "系统", "管理员", Roles.ADMIN, null, null));
        for (City city : City.values()) {
            users.add(new DemoUser(city.pinyin(), city.label(), "科技局审核员", city.reviewerGroup(), city.code(), null));
        }
        users.add(new DemoUser("province", "省科技厅", "审核员", Roles.PROVINCE_REVIEWER, null, null));
        users.add(new DemoUser("approver", "省科技厅", "审批人", Roles.PROVINCE_APPROVER, null, null));
        String[] expertCities = {"320100", "320200", "320500", "320300", "320600", "321000"};
        String[] expertNames = {"王", "李", "张", "刘", "陈", "杨"};
        for (int i = 0; i < 6; i++) {
            users.add(new DemoUser("expert" + (i + 1), expertNames[i], "专家", Roles.EXPERT, expertCities[i], null));
        }
        users.add(new DemoUser("applicant1", "南京江北新区生命科学园", "运营机构", Roles.APPLICANT, null, creditCode(OPERATOR_1)));
        users.add(new DemoUser("applicant2", "苏州工业园区纳米城", "运营机构", Roles.APPLICANT, null, creditCode(OPERATOR_2)));
        return users;
    }

    /** The demo operators' codes, completed with a valid check character. */
    static String creditCode(String draft) {
        return cn.parkflow.registry.CreditCode.withCheckCharacter(draft).value();
    }

    @EventListener
    @Order(20)
    public void onReady(ApplicationReadyEvent event) {
        int created = 0;
        for (DemoUser u : users()) {
            // the demo profile alone keeps the password "demo", below the password policy
            if (directory.createIfMissing(new Directory.NewAccount(new Directory.Person(u.id(), u.firstName(), u.lastName(),
                    u.id() + "@demo.parkflow.cn"), PASSWORD, true, List.of(u.group())))) {
                if (u.homeCity() != null) {
                    directory.setInfo(u.id(), Roles.INFO_HOME_CITY, u.homeCity());
                }
                if (u.operator() != null) {
                    directory.setInfo(u.id(), Roles.INFO_OPERATOR_CREDIT_CODE, u.operator());
                }
                created++;
            }
        }
        if (created > 0) {
            log.info("Demo profile: created {} demo users (password '{}')", created, PASSWORD);
        }
    }
}
