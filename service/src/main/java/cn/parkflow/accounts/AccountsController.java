package cn.parkflow.accounts;

import cn.parkflow.system.Outcomes;
import cn.parkflow.system.PublicAccess;
import cn.parkflow.document.DocumentResponses;
import cn.parkflow.document.Evidence;
import cn.parkflow.identity.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Operator accounts: self-registration (public), the business licence, and the city's verification. */
@RestController
@RequestMapping("/api/accounts/operators")
@Validated
@Tag(name = "accounts", description = "账号管理")
class AccountsController {

    private final OperatorRegistrations registrations;
    private final DocumentResponses responses;

    AccountsController(OperatorRegistrations registrations, DocumentResponses responses) {
        this.registrations = registrations;
        this.responses = responses;
    }

    @PostMapping
    @Operation(summary = "运营机构注册账号（公开）", description = "信用代码、密码策略、手机号、邮箱、设区市有误 400（指明字段）；用户名已被使用 409")
    @PublicAccess
    @Outcomes(value = 201, problems = 409)
    ResponseEntity<OperatorRegistrations.Registered> register(@Valid @RequestBody OperatorRegistrations.Registration registration) {
        OperatorRegistrations.Registered registered = registrations.register(registration);
        return ResponseEntity.created(URI.create("/api/accounts/operators/" + registered.username())).body(registered);
    }

    public record Reason(String reason) {}

    @GetMapping
    @Operation(summary = "注册申请列表", description = "设区市科技局看本市，省科技厅看全部；status = PENDING、ACTIVE 或 REJECTED")
    List<OperatorRegistrations.View> list(@RequestParam(required = false) RegistrationStatus status) {
        return registrations.list(status, CurrentCaller.get());
    }

    @GetMapping("/{username}")
    @Operation(summary = "注册申请详情", description = "注册人本人、所在设区市科技局和省科技厅可看；审核状态与不予通过的理由")
    @Outcomes(problems = 404)
    OperatorRegistrations.View get(@PathVariable String username) {
        return registrations.get(username, CurrentCaller.get());
    }

    @PostMapping(path = "/{username}/licence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传营业执照", description = "注册人本人，待审核期间；PDF、OFD、JPEG 或 PNG（按内容判断）")
    @Outcomes(value = 201, problems = {404, 409})
    ResponseEntity<Evidence> uploadLicence(@PathVariable String username, @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        try (InputStream in = DocumentResponses.file(file).getInputStream()) {
            Evidence licence = registrations.uploadLicence(username, file.getOriginalFilename(), in, CurrentCaller.get());
            return ResponseEntity.status(HttpStatus.CREATED).body(licence);
        }
    }

    @GetMapping("/{username}/licence")
    @Operation(summary = "查看营业执照", description = "注册人本人、所在设区市科技局和省科技厅")
    @Outcomes(value = 302, orBytes = true, problems = 404)
    ResponseEntity<?> licence(@PathVariable String username, @RequestParam(defaultValue = "false") boolean download) {
        return responses.serve(registrations.licence(username, CurrentCaller.get()), download);
    }

    @PostMapping("/{username}/approve")
    @Operation(summary = "批准注册", description = "所在设区市科技局或省科技厅；未上传营业执照 422；已审核 409")
    @Outcomes(problems = {404, 409, 422})
    OperatorRegistrations.View approve(@PathVariable String username) {
        return registrations.approve(username, CurrentCaller.get());
    }

    @PostMapping("/{username}/reject")
    @Operation(summary = "不予通过", description = "所在设区市科技局或省科技厅，须说明理由（注册人可见）")
    @Outcomes(problems = {404, 409})
    OperatorRegistrations.View reject(@PathVariable String username, @RequestBody(required = false) Reason reason) {
        return registrations.reject(username, reason == null ? null : reason.reason(), CurrentCaller.get());
    }
}
