package cn.parkflow.accounts;

import cn.parkflow.document.DocumentResponses;
import cn.parkflow.document.DocumentSubject;
import cn.parkflow.document.DocumentType;
import cn.parkflow.document.Evidence;
import cn.parkflow.document.EvidenceDocuments;
import cn.parkflow.identity.Caller;
import cn.parkflow.identity.LoginThrottle;
import cn.parkflow.identity.Roles;
import cn.parkflow.registry.City;
import cn.parkflow.registry.ValidCreditCode;
import cn.parkflow.system.ApiException;
import cn.parkflow.system.FieldErrors;
import cn.parkflow.workflow.Directory;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators register their own accounts; the city where the operator sits (or the province) checks the
 * uploaded business licence and approves or rejects. A pending account logs in (Tasklist, portal) but may
 * not file; approval binds it to its operator's credit code, and several accounts may share one operator.
 * Every decision is in the account audit trail.
 */
@Service
public class OperatorRegistrations {

    /** What a registrant submits (public). */
    public record Registration(
            @NotBlank(message = "请填写用户名")
            @Pattern(regexp = "[a-z][a-z0-9_.-]{2,31}", message = "用户名为3至32位小写字母、数字、点、下划线或连字符，以字母开头")
            String username,
            @NotBlank(message = "请填写密码") @Size(max = 200, message = "密码最长200个字符") String password,
            @NotBlank(message = "请填写联系人姓名") @Size(max = 50, message = "联系人姓名最长50字") String displayName,
            @NotBlank(message = "请填写运营机构名称") @Size(max = 200, message = "运营机构名称最长200字") String operatorName,
            @ValidCreditCode String creditCode,
            @NotNull(message = "请选择所在设区市") City city,
            @NotBlank(message = "请填写手机号码") @Pattern(regexp = "1[3-9][0-9]{9}", message = "请填写中国大陆11位手机号码") String mobile,
            @NotBlank(message = "请填写电子邮箱") @Email(message = "电子邮箱格式不正确") @Size(max = 100, message = "电子邮箱最长100个字符")
            String email) {

        public Registration {
            username = username == null ? null : username.strip();
            displayName = displayName == null ? null : displayName.strip();
            operatorName = operatorName == null ? null : operatorName.strip();
            creditCode = creditCode == null ? null : creditCode.strip().toUpperCase();
            mobile = mobile == null ? null : mobile.strip();
            email = email == null ? null : email.strip();
        }
    }

    public record Registered(String username, RegistrationStatus status) {}

    /** A registration as its registrant and its reviewers see it. */
    public record View(String username, String displayName, String operatorName, String creditCode, City city, String cityName,
            String mobile, String email, RegistrationStatus status, String statusLabel, String reason, Instant registeredAt,
            String decidedBy, Instant decidedAt, Evidence licence) {}

    private final RegistrationRepository rows;
    private final Directory directory;
    private final EvidenceDocuments documents;
    private final LoginThrottle audit;
    private final Clock clock;

    OperatorRegistrations(RegistrationRepository rows, Directory directory, EvidenceDocuments documents, LoginThrottle audit,
            Clock clock) {
        this.rows = rows;
        this.directory = directory;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates a PENDING operator account: 400 naming the password rule it breaks, 409 when the username is
     * taken (by any account); nothing is created unless everything passes.
     */
    @Transactional
    public Registered register(Registration r) {
        if (rows.existsByUsername(r.username()) || directory.user(r.username()).isPresent()) {
            throw ApiException.conflict("用户名“" + r.username() + "”已被使用，请换一个").with("field", "username");
        }
        directory.passwordProblem(r.username(), r.displayName(), r.password()).ifPresent(problem -> {
            throw FieldErrors.single("password", problem);
        });
        RegistrationRow row = new RegistrationRow();
        row.username = r.username();
        row.displayName = r.displayName();
        row.operatorName = r.operatorName();
        row.creditCode = r.creditCode();
        row.city = r.city().code();
        row.mobile = r.mobile();
        row.email = r.email();
        row.status = RegistrationStatus.PENDING;
        row.registeredAt = clock.instant();
        rows.save(row);
        directory.createIfMissing(new Directory.NewAccount(new Directory.Person(r.username(), r.displayName(), "", r.email()),
                r.password(), false, List.of(Roles.APPLICANT)));
        directory.setInfo(r.username(), Roles.INFO_REGISTRATION, RegistrationStatus.PENDING.name());
        directory.setInfo(r.username(), Roles.INFO_MOBILE, r.mobile());
        audit.accountChanged(r.username(), "OPERATOR_REGISTERED", r.username(), r.operatorName() + "（" + r.creditCode() + "）");
        return new Registered(r.username(), RegistrationStatus.PENDING);
    }

    /** The registrations the caller reviews (its cities'; the province all), optionally of one status, oldest first. */
    @Transactional(readOnly = true)
    public List<View> list(RegistrationStatus status, Caller caller) {
        List<RegistrationRow> found;
        if (caller.isProvince()) {
            found = status == null ? rows.findAllByOrderByRegisteredAtAsc() : rows.findByStatusOrderByRegisteredAtAsc(status);
        } else if (!caller.reviewedCities().isEmpty()) {
            List<String> cities = caller.reviewedCities().stream().map(City::code).toList();
            found = status == null ? rows.findByCityInOrderByRegisteredAtAsc(cities)
                    : rows.findByCityInAndStatusOrderByRegisteredAtAsc(cities, status);
        } else {
            throw ApiException.forbidden("只有设区市科技局和省科技厅可以查看注册申请");
        }
        return found.stream().map(this::view).toList();
    }

    /** One registration: its registrant, its city's reviewers and the province may read it; others get 404. */
    @Transactional(readOnly = true)
    public View get(String username, Caller caller) {
        return view(readable(username, caller));
    }

    /** The registrant uploads its business licence (checked like every evidence document) while it is pending. */
    @Transactional
    public Evidence uploadLicence(String username, String fileName, InputStream content, Caller caller) throws IOException {
        RegistrationRow row = readable(username, caller);
        if (!caller.userId().equals(row.username)) {
            throw ApiException.forbidden("营业执照只能由注册人本人上传");
        }
        if (row.status != RegistrationStatus.PENDING) {
            throw ApiException.conflict("注册申请当前状态为“" + row.status.label() + "”，不能再上传营业执照");
        }
        Evidence licence = documents.add(DocumentSubject.OPERATOR_REGISTRATION, row.id, DocumentType.BUSINESS_LICENSE, fileName,
                content, caller.userId());
        audit.accountChanged(row.username, "LICENCE_UPLOADED", caller.userId(), licence.fileName() + "，SHA-256 " + licence.sha256());
        return licence;
    }

    /** The latest licence, to be served to the registrant or a reviewer. */
    @Transactional(readOnly = true)
    public DocumentResponses.Access licence(String username, Caller caller) {
        RegistrationRow row = readable(username, caller);
        Evidence latest = latestLicence(row).orElseThrow(() -> ApiException.notFound("营业执照"));
        return documents.access(DocumentSubject.OPERATOR_REGISTRATION, row.id, latest.id());
    }

    /** The city's reviewer (or the province) approves: the account becomes ACTIVE and is bound to its credit code. */
    @Transactional
    public View approve(String username, Caller caller) {
        RegistrationRow row = decidable(username, caller);
        if (latestLicence(row).isEmpty()) {
            throw ApiException.unprocessable("尚未上传营业执照，不能批准");
        }
        decide(row, RegistrationStatus.ACTIVE, null, caller);
        directory.setInfo(row.username, Roles.INFO_OPERATOR_CREDIT_CODE, row.creditCode);
        audit.accountChanged(row.username, "REGISTRATION_APPROVED", caller.userId(), row.operatorName + "（" + row.creditCode + "）");
        return view(row);
    }

    /** The city's reviewer (or the province) rejects, with a reason the registrant reads. */
    @Transactional
    public View reject(String username, String reason, Caller caller) {
        if (reason == null || reason.isBlank()) {
            throw FieldErrors.single("reason", "请填写不予通过的理由");
        }
        if (reason.strip().length() > 500) {
            throw FieldErrors.single("reason", "理由最长500字");
        }
        RegistrationRow row = decidable(username, caller);
        decide(row, RegistrationStatus.REJECTED, reason.strip(), caller);
        audit.accountChanged(row.username, "REGISTRATION_REJECTED", caller.userId(), reason.strip());
        return view(row);
    }

    private void decide(RegistrationRow row, RegistrationStatus status, String reason, Caller caller) {
        row.status = status;
        row.reason = reason;
        row.decidedBy = caller.userId();
        row.decidedAt = clock.instant();
        rows.save(row);
        directory.setInfo(row.username, Roles.INFO_REGISTRATION, status.name());
    }

    private RegistrationRow decidable(String username, Caller caller) {
        RegistrationRow row = readable(username, caller);
        if (!reviews(row, caller)) {
            throw ApiException.forbidden("只有注册单位所在设区市科技局或省科技厅可以审核");
        }
        if (row.status != RegistrationStatus.PENDING) {
            throw ApiException.conflict("注册申请已审核（" + row.status.label() + "）").with("registrationStatus", row.status);
        }
        return row;
    }

    private RegistrationRow readable(String username, Caller caller) {
        RegistrationRow row = rows.findByUsername(username).orElseThrow(() -> ApiException.notFound("注册申请"));
        if (!caller.userId().equals(row.username) && !reviews(row, caller)) {
            throw ApiException.notFound("注册申请");
        }
        return row;
    }

    private static boolean reviews(RegistrationRow row, Caller caller) {
        return caller.isProvince() || caller.reviewedCities().stream().anyMatch(c -> c.code().equals(row.city));
    }

    private Optional<Evidence> latestLicence(RegistrationRow row) {
        List<Evidence> all = documents.list(DocumentSubject.OPERATOR_REGISTRATION, row.id);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private View view(RegistrationRow row) {
        City city = City.ofCode(row.city);
        return new View(row.username, row.displayName, row.operatorName, row.creditCode, city, city.label(), row.mobile, row.email,
                row.status, row.status.label(), row.reason, row.registeredAt, row.decidedBy, row.decidedAt,
                latestLicence(row).orElse(null));
    }
}
