package cn.parkflow.accounts;

import cn.parkflow.identity.Caller;
import cn.parkflow.identity.LoginThrottle;
import cn.parkflow.identity.Roles;
import cn.parkflow.registry.City;
import cn.parkflow.registry.CreditCode;
import cn.parkflow.registry.Industry;
import cn.parkflow.registry.ValidCreditCode;
import cn.parkflow.system.ApiException;
import cn.parkflow.system.FieldError;
import cn.parkflow.system.FieldErrors;
import cn.parkflow.workflow.Directory;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The province's expert pool (专家库): experts are created with a one-time initial password, updated,
 * deactivated (their open tasks are handed to experts drawn by the same rule, or the deactivation is
 * refused when nobody can take one) and reactivated; each expert may declare the operators it must never
 * review. Every change is in the account audit trail.
 */
@Service
public class ExpertPool {

    /**
     * An expert as the province enters it (also one row of an import). {@code username} is ignored on update;
     * {@code conflicts} left out of an update keeps the list the expert declared.
     */
    public record ExpertForm(
            @Pattern(regexp = AccountFields.USERNAME, message = AccountFields.USERNAME_MESSAGE) String username,
            @NotBlank(message = "请填写专家姓名") @Size(max = 50, message = "姓名最长50字") String displayName,
            @NotNull(message = "请选择常住城市") City homeCity,
            @NotBlank(message = "请填写工作单位") @Size(max = 200, message = "工作单位最长200字") String employerName,
            @ValidCreditCode String employerCreditCode,
            @NotEmpty(message = "请至少选择一个专业领域") List<@NotNull(message = "专业领域无效") Industry> industries,
            @NotBlank(message = "请填写职称") @Size(max = 50, message = "职称最长50字") String title,
            @NotBlank(message = "请填写电子邮箱") @Email(message = "电子邮箱格式不正确") @Size(max = 100, message = "电子邮箱最长100个字符")
            String email,
            @NotBlank(message = "请填写手机号码") @Pattern(regexp = AccountFields.MOBILE, message = AccountFields.MOBILE_MESSAGE) String mobile,
            List<String> conflicts) {

        public ExpertForm {
            username = AccountFields.strip(username);
            displayName = AccountFields.strip(displayName);
            employerName = AccountFields.strip(employerName);
            employerCreditCode = employerCreditCode == null ? null : employerCreditCode.strip().toUpperCase(Locale.ROOT);
            title = AccountFields.strip(title);
            email = AccountFields.strip(email);
            mobile = AccountFields.strip(mobile);
            // null: not given (an update keeps the declared list); a list replaces it
            conflicts = conflicts == null ? null : conflicts.stream().map(c -> c == null ? "" : c.strip().toUpperCase(Locale.ROOT)).toList();
        }
    }

    /** An expert as the province and the expert itself read it. */
    public record View(String username, String displayName, City homeCity, String homeCityName, String employerName,
            String employerCreditCode, List<Industry> industries, List<String> industryNames, String title, String email, String mobile,
            List<String> conflicts, boolean active, boolean complete, Instant createdAt, String createdBy, Instant updatedAt,
            String updatedBy) {}

    /** A new expert and the one-time password its user must change at first login. */
    public record Created(String username, String initialPassword, View expert) {}

    /** What deactivating an expert did with its open tasks. */
    public record Reassigned(String taskId, String description, String replacement) {}

    public record Deactivated(View expert, List<Reassigned> reassigned) {}

    /** The filters of the pool's list; each may be null. */
    public record Filter(City homeCity, Industry industry, Boolean active, String q) {}

    private final ExpertRepository rows;
    private final ExpertPanel panel;
    private final List<ExpertSeats> seats;
    private final Directory directory;
    private final InitialPasswords passwords;
    private final LoginThrottle audit;
    private final Clock clock;

    ExpertPool(ExpertRepository rows, ExpertPanel panel, List<ExpertSeats> seats, Directory directory, InitialPasswords passwords,
            LoginThrottle audit, Clock clock) {
        this.rows = rows;
        this.panel = panel;
        this.seats = seats;
        this.directory = directory;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates the expert's account (group {@code expert}) and pool entry; 409 when the username is taken. */
    @Transactional
    public Created create(ExpertForm form, Caller caller) {
        requireProvince(caller);
        List<FieldError> problems = problems(form, true);
        if (!problems.isEmpty()) {
            throw FieldErrors.of(problems);
        }
        if (taken(form.username())) {
            throw ApiException.conflict("用户名“" + form.username() + "”已被使用，请换一个").with("field", "username");
        }
        return enter(form, caller.userId(), "EXPERT_CREATED");
    }

    /** Enters a checked form: the account with a one-time password, the pool entry, the audit row. */
    Created enter(ExpertForm form, String actor, String action) {
        String password = passwords.generate(form.username(), form.displayName());
        ExpertRow row = store(form, password, false, actor);
        passwords.mustChange(row.username);
        audit.accountChanged(row.username, action, actor, describe(row));
        return new Created(row.username, password, view(row));
    }

    /** An expert entered by the demo profile: its password stays "demo" and need not be changed. */
    @Transactional
    public boolean createDemo(ExpertForm form, String password) {
        if (rows.existsByUsername(form.username())) {
            return false;
        }
        store(form, password, true, "demo");
        return true;
    }

    private ExpertRow store(ExpertForm form, String password, boolean belowPolicy, String actor) {
        directory.createIfMissing(new Directory.NewAccount(new Directory.Person(form.username(), form.displayName(), "", form.email()),
                password, belowPolicy, List.of(Roles.EXPERT)));
        ExpertRow row = new ExpertRow();
        row.username = form.username();
        row.active = true;
        row.createdBy = actor;
        row.createdAt = clock.instant();
        fill(row, form);
        return rows.save(row);
    }

    /** Updates everything but the username; the account's name and e-mail follow. */
    @Transactional
    public View update(String username, ExpertForm form, Caller caller) {
        requireProvince(caller);
        ExpertRow row = row(username);
        if (form.username() != null && !form.username().equals(username)) {
            throw FieldErrors.single("username", "用户名不能修改");
        }
        List<FieldError> problems = problems(form, false);
        if (!problems.isEmpty()) {
            throw FieldErrors.of(problems);
        }
        String before = describe(row);
        fill(row, form);
        row.updatedBy = caller.userId();
        row.updatedAt = clock.instant();
        rows.save(row);
        directory.updatePerson(new Directory.Person(username, form.displayName(), "", form.email()));
        audit.accountChanged(username, "EXPERT_UPDATED", caller.userId(), "原：" + before + "；现：" + describe(row));
        return view(row);
    }

    /**
     * The expert itself (or the province) declares the operators it must never review: the whole list, which the
     * expert may extend but not shorten (a conflict once on record is removed by the province only).
     */
    @Transactional
    public View declareConflicts(String username, List<String> creditCodes, Caller caller) {
        ExpertRow row = readable(username, caller);
        if (creditCodes == null) { // a body without the list must not clear it
            throw FieldErrors.single("creditCodes", "请提供回避单位统一社会信用代码列表（没有回避单位时为空列表）");
        }
        List<String> codes = creditCodes.stream().map(c -> c == null ? "" : c.strip().toUpperCase(Locale.ROOT)).toList();
        List<FieldError> problems = new ArrayList<>();
        conflictProblems(codes, problems);
        if (!province(caller)) {
            List<String> dropped = row.conflicts.stream().map(ExpertConflict::creditCode).filter(c -> !codes.contains(c)).toList();
            if (!dropped.isEmpty()) {
                problems.add(FieldError.of("creditCodes", "已登记的回避单位只能由省科技厅删除：" + String.join("、", dropped)));
            }
        }
        if (!problems.isEmpty()) {
            throw FieldErrors.of(problems);
        }
        row.conflicts = codes.stream().map(ExpertConflict::new).collect(Collectors.toCollection(LinkedHashSet::new));
        row.updatedBy = caller.userId();
        row.updatedAt = clock.instant();
        rows.save(row);
        audit.accountChanged(username, "EXPERT_CONFLICTS_DECLARED", caller.userId(), codes.isEmpty() ? "无" : String.join("、", codes));
        return view(row);
    }

    /**
     * Deactivates the expert: it is drawn no more, leaves group {@code expert}, and each of its open tasks is
     * handed to an eligible expert not yet on that panel. When one task finds nobody, nothing changes (409).
     */
    @Transactional
    public Deactivated deactivate(String username, Caller caller) {
        requireProvince(caller);
        ExpertRow row = row(username);
        if (!row.active) {
            throw ApiException.conflict("专家 " + username + " 已停用");
        }
        row.active = false;
        row.updatedBy = caller.userId();
        row.updatedAt = clock.instant();
        rows.save(row);
        List<ExpertPanel.Expert> pool = panel.experts();
        List<Reassigned> reassigned = new ArrayList<>();
        for (ExpertSeats owner : seats) {
            for (ExpertSeats.Seat seat : owner.openSeats(username)) {
                Set<String> excluded = new HashSet<>(seat.panel());
                excluded.add(username);
                String replacement;
                try {
                    replacement = panel.draw(pool, seat.subject(), 1, excluded).experts().get(0);
                } catch (IllegalStateException none) {
                    throw ApiException.conflict("没有可接替“" + seat.description() + "”评审任务的专家（无回避关系且不在该评审组中），"
                            + "请先增补或启用专家后再停用 " + username).with("taskId", seat.taskId());
                }
                owner.reassign(seat, username, replacement);
                reassigned.add(new Reassigned(seat.taskId(), seat.description(), replacement));
            }
        }
        directory.leave(username, Roles.EXPERT);
        audit.accountChanged(username, "EXPERT_DEACTIVATED", caller.userId(), reassigned.isEmpty() ? "无待办评审任务"
                : reassigned.stream().map(r -> r.description() + " 改由 " + r.replacement()).collect(Collectors.joining("；")));
        return new Deactivated(view(row), reassigned);
    }

    @Transactional
    public View activate(String username, Caller caller) {
        requireProvince(caller);
        ExpertRow row = row(username);
        if (row.active) {
            throw ApiException.conflict("专家 " + username + " 未停用");
        }
        row.active = true;
        row.updatedBy = caller.userId();
        row.updatedAt = clock.instant();
        rows.save(row);
        directory.join(username, Roles.EXPERT);
        audit.accountChanged(username, "EXPERT_ACTIVATED", caller.userId(), null);
        return view(row);
    }

    /** The pool, filtered; the province only. */
    @Transactional(readOnly = true)
    public List<View> list(Filter filter, Caller caller) {
        requireProvince(caller);
        String q = filter.q() == null || filter.q().isBlank() ? null : filter.q().strip().toLowerCase(Locale.ROOT);
        return rows.findAllByOrderByUsernameAsc().stream()
                .filter(r -> filter.homeCity() == null || filter.homeCity().code().equals(r.homeCity))
                .filter(r -> filter.industry() == null || r.industries.contains(new ExpertIndustry(filter.industry().name())))
                .filter(r -> filter.active() == null || filter.active() == r.active)
                .filter(r -> q == null || r.username.contains(q) || r.displayName.toLowerCase(Locale.ROOT).contains(q)
                        || (r.employerName != null && r.employerName.toLowerCase(Locale.ROOT).contains(q)))
                .map(ExpertPool::view).toList();
    }

    /** One expert: the province, or the expert itself. */
    @Transactional(readOnly = true)
    public View get(String username, Caller caller) {
        return view(readable(username, caller));
    }

    /** Whether an account of this name exists, in the pool or anywhere in the engine's identity. */
    boolean taken(String username) {
        return rows.existsByUsername(username) || directory.user(username).isPresent();
    }

    /** What bean validation cannot say of a form: a missing username, the declared conflicts. */
    List<FieldError> problems(ExpertForm form, boolean creating) {
        List<FieldError> problems = new ArrayList<>();
        if (creating && (form.username() == null || form.username().isEmpty())) {
            problems.add(FieldError.of("username", "请填写用户名"));
        }
        if (form.conflicts() != null) {
            conflictProblems(form.conflicts(), problems);
        }
        return problems;
    }

    private static void conflictProblems(List<String> codes, List<FieldError> problems) {
        if (codes.size() > 100) {
            problems.add(FieldError.of("conflicts", "回避单位最多100个"));
        }
        for (int i = 0; i < codes.size(); i++) {
            String problem = CreditCode.problem(codes.get(i));
            if (problem != null) {
                problems.add(FieldError.of("conflicts[" + i + "]", problem));
            }
        }
    }

    private static void fill(ExpertRow row, ExpertForm form) {
        row.displayName = form.displayName();
        row.homeCity = form.homeCity().code();
        row.employerName = form.employerName();
        row.employerCreditCode = form.employerCreditCode();
        row.industries = form.industries().stream().map(i -> new ExpertIndustry(i.name())).collect(Collectors.toCollection(LinkedHashSet::new));
        row.title = form.title();
        row.email = form.email();
        row.mobile = form.mobile();
        if (form.conflicts() != null) {
            row.conflicts = form.conflicts().stream().map(ExpertConflict::new).collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    private ExpertRow row(String username) {
        return rows.findByUsername(username).orElseThrow(() -> ApiException.notFound("专家"));
    }

    private ExpertRow readable(String username, Caller caller) {
        ExpertRow row = row(username);
        if (!caller.userId().equals(username) && !province(caller)) {
            throw ApiException.notFound("专家");
        }
        return row;
    }

    private static boolean province(Caller caller) {
        return caller.in(Roles.PROVINCE_REVIEWER) || caller.isAdmin();
    }

    static void requireProvince(Caller caller) {
        if (!province(caller)) {
            throw ApiException.forbidden("专家库由省科技厅审核人员管理");
        }
    }

    private static String describe(ExpertRow row) {
        return row.displayName + "，" + (row.homeCity == null ? "未登记常住城市" : City.find(row.homeCity).map(City::label).orElse(row.homeCity))
                + "，" + row.employerName + "（" + row.employerCreditCode + "），" + row.title + "，领域 "
                + row.industries.stream().map(ExpertIndustry::industry).sorted().collect(Collectors.joining("/"))
                + "，回避 " + row.conflicts.size() + " 家";
    }

    static View view(ExpertRow row) {
        City city = row.homeCity == null ? null : City.find(row.homeCity).orElse(null);
        List<Industry> industries = row.industries.stream().map(i -> Industry.valueOf(i.industry())).sorted().toList();
        boolean complete = city != null && row.employerName != null && row.employerCreditCode != null && !industries.isEmpty();
        return new View(row.username, row.displayName, city, city == null ? null : city.label(), row.employerName, row.employerCreditCode,
                industries, industries.stream().map(Industry::label).toList(), row.title, row.email, row.mobile,
                row.conflicts.stream().map(ExpertConflict::creditCode).sorted().toList(), row.active, complete, row.createdAt,
                row.createdBy, row.updatedAt, row.updatedBy);
    }
}
