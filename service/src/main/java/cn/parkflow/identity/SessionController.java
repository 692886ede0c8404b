package cn.parkflow.identity;

import cn.parkflow.system.Outcomes;
import cn.parkflow.system.PublicAccess;
import cn.parkflow.workflow.BrowserSessions;
import cn.parkflow.workflow.Directory;

import cn.parkflow.system.ApiException;
import cn.parkflow.system.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The browser login of the portal, shared with Camunda's webapps ({@link BrowserSessions}). */
@RestController
@RequestMapping("/api/session")
@Tag(name = "session", description = "浏览器登录")
class SessionController {

    private final Directory identity;
    private final BrowserSessions sessions;
    private final LoginThrottle logins;

    SessionController(Directory identity, BrowserSessions sessions, LoginThrottle logins) {
        this.identity = identity;
        this.sessions = sessions;
        this.logins = logins;
    }

    record Credentials(@NotBlank(message = "请输入用户名") @Size(max = 64) String username,
                       @NotBlank(message = "请输入密码") @Size(max = 200) String password) {}

    @PostMapping
    @Operation(summary = "登录", description = "用户名或密码错误时 401；成功后返回用户、所属用户组及修改类请求须携带的 X-Parkflow-Csrf 令牌")
    @PublicAccess
    @Outcomes(problems = 401)
    BrowserSessions.Login login(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        String user = credentials.username().strip();
        if (!identity.checkPassword(user, credentials.password())) {
            Object refusal = request.getAttribute(LoginThrottle.REFUSAL);
            throw ApiException.unauthorized(refusal != null ? refusal.toString() : "用户名或密码错误");
        }
        return sessions.login(request, user);
    }

    record PasswordChange(@NotBlank(message = "请输入当前密码") @Size(max = 200) String currentPassword,
                          @NotBlank(message = "请输入新密码") @Size(max = 200, message = "密码最长200个字符") String newPassword) {}

    @PostMapping("/password")
    @Operation(summary = "修改密码", description = "当前用户；当前密码错误 400（计入登录失败次数）；新密码须符合密码策略（400 指明规则）；"
            + "持初始密码的账号须先修改密码才能进行其他操作；修改后该账号的其他浏览器会话（门户与 Camunda 网页应用）一并退出，当前会话继续有效")
    @Outcomes(204)
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange change, HttpServletRequest request) {
        String user = CurrentCaller.get().userId();
        if (!identity.checkPassword(user, change.currentPassword())) {
            Object refusal = request.getAttribute(LoginThrottle.REFUSAL);
            throw FieldErrors.single("currentPassword", refusal != null ? refusal.toString() : "当前密码不正确");
        }
        if (change.newPassword().equals(change.currentPassword())) {
            throw FieldErrors.single("newPassword", "新密码不能与当前密码相同");
        }
        String stamp;
        try {
            stamp = identity.changePassword(user, change.newPassword());
        } catch (IllegalArgumentException policy) {
            throw FieldErrors.single("newPassword", policy.getMessage());
        }
        sessions.passwordChanged(request, stamp); // the account's other sessions end at their next request
        logins.accountChanged(user, "PASSWORD_CHANGED", user, null);
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    @Operation(summary = "当前登录用户", description = "未登录时 401")
    @PublicAccess
    @Outcomes(problems = 401)
    BrowserSessions.Login current(HttpServletRequest request) {
        return sessions.current(request).orElseThrow(() -> ApiException.unauthorized("尚未登录"));
    }

    @DeleteMapping
    @Operation(summary = "退出登录", description = "结束门户与任务列表共用的浏览器会话；未登录时同样 204")
    @PublicAccess
    @Outcomes(204)
    ResponseEntity<Void> logout(HttpServletRequest request) {
        sessions.logout(request);
        return ResponseEntity.noContent().build();
    }
}
