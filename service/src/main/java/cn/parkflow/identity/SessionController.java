package cn.parkflow.identity;

import cn.parkflow.workflow.BrowserSessions;
import cn.parkflow.workflow.Directory;

import cn.parkflow.system.ApiException;
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

    SessionController(Directory identity, BrowserSessions sessions) {
        this.identity = identity;
        this.sessions = sessions;
    }

    record Credentials(@NotBlank(message = "请输入用户名") @Size(max = 64) String username,
                       @NotBlank(message = "请输入密码") @Size(max = 200) String password) {}

    @PostMapping
    @Operation(summary = "登录", description = "用户名或密码错误时 401；成功后返回用户、所属用户组及修改类请求须携带的 X-Parkflow-Csrf 令牌")
    BrowserSessions.Login login(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        String user = credentials.username().strip();
        if (!identity.checkPassword(user, credentials.password())) {
            Object refusal = request.getAttribute(LoginThrottle.REFUSAL);
            throw ApiException.unauthorized(refusal != null ? refusal.toString() : "用户名或密码错误");
        }
        return sessions.login(request, user);
    }

    @GetMapping
    @Operation(summary = "当前登录用户", description = "未登录时 401")
    BrowserSessions.Login current(HttpServletRequest request) {
        return sessions.current(request).orElseThrow(() -> ApiException.unauthorized("尚未登录"));
    }

    @DeleteMapping
    @Operation(summary = "退出登录")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        sessions.logout(request);
        return ResponseEntity.noContent().build();
    }
}
