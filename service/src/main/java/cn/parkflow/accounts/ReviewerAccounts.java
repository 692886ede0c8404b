package cn.parkflow.accounts;

import cn.parkflow.identity.Caller;
import cn.parkflow.identity.LoginThrottle;
import cn.parkflow.identity.Roles;
import cn.parkflow.registry.City;
import cn.parkflow.system.ApiException;
import cn.parkflow.system.FieldErrors;
import cn.parkflow.workflow.Directory;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviewer and approver accounts, made by the administrator: the role decides the group (a city's
 * reviewers {@code city-<code>}, {@code province-reviewer}, {@code province-approver}); the account gets a
 * one-time initial password to be changed at first login.
 */
@Service
public class ReviewerAccounts {

    /** The roles an administrator gives reviewer accounts. */
    public enum Role {
        CITY("设区市科技局审核人员"), PROVINCE_REVIEWER("省科技厅审核人员"), PROVINCE_APPROVER("省科技厅审批人");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        String group(City city) {
            return switch (this) {
                case CITY -> city.reviewerGroup();
                case PROVINCE_REVIEWER -> Roles.PROVINCE_REVIEWER;
                case PROVINCE_APPROVER -> Roles.PROVINCE_APPROVER;
            };
        }
    }

    public record NewReviewer(
            @NotBlank(message = "请填写用户名") @Pattern(regexp = AccountFields.USERNAME, message = AccountFields.USERNAME_MESSAGE)
            String username,
            @NotBlank(message = "请填写姓名") @Size(max = 50, message = "姓名最长50字") String displayName,
            @NotNull(message = "请选择角色：CITY、PROVINCE_REVIEWER 或 PROVINCE_APPROVER") Role role,
            City city,
            @Email(message = "电子邮箱格式不正确") @Size(max = 100, message = "电子邮箱最长100个字符") String email) {

        public NewReviewer {
            username = AccountFields.strip(username);
            displayName = AccountFields.strip(displayName);
            email = email == null || email.isBlank() ? null : email.strip();
        }
    }

    public record Created(String username, Role role, String roleLabel, String group, String initialPassword) {}

    private final Directory directory;
    private final InitialPasswords passwords;
    private final LoginThrottle audit;

    ReviewerAccounts(Directory directory, InitialPasswords passwords, LoginThrottle audit) {
        this.directory = directory;
        this.passwords = passwords;
        this.audit = audit;
    }

    @Transactional
    public Created create(NewReviewer reviewer, Caller caller) {
        if (!caller.isAdmin()) {
            throw ApiException.forbidden("审核人员账号由管理员创建");
        }
        String group = group(reviewer);
        if (directory.user(reviewer.username()).isPresent()) {
            throw ApiException.conflict("用户名“" + reviewer.username() + "”已被使用，请换一个").with("field", "username");
        }
        String password = passwords.generate(reviewer.username(), reviewer.displayName());
        directory.createIfMissing(account(reviewer, password, false, group));
        passwords.mustChange(reviewer.username());
        audit.accountChanged(reviewer.username(), "REVIEWER_CREATED", caller.userId(),
                reviewer.role().label() + (reviewer.city() == null ? "" : "（" + reviewer.city().label() + "）") + "，用户组 " + group);
        return new Created(reviewer.username(), reviewer.role(), reviewer.role().label(), group, password);
    }

    /** A reviewer of the demo profile, password "demo", no change required; false when it existed. */
    @Transactional
    public boolean createDemo(NewReviewer reviewer, String password) {
        return directory.createIfMissing(account(reviewer, password, true, group(reviewer)));
    }

    private static String group(NewReviewer reviewer) {
        if (reviewer.role() == Role.CITY && reviewer.city() == null) {
            throw FieldErrors.single("city", "设区市科技局审核人员须选择所在设区市");
        }
        if (reviewer.role() != Role.CITY && reviewer.city() != null) {
            throw FieldErrors.single("city", "省级角色不属于设区市，请勿填写 city");
        }
        return reviewer.role().group(reviewer.city());
    }

    private static Directory.NewAccount account(NewReviewer reviewer, String password, boolean belowPolicy, String group) {
        return new Directory.NewAccount(new Directory.Person(reviewer.username(), reviewer.displayName(), "", reviewer.email()), password,
                belowPolicy, List.of(group));
    }
}
