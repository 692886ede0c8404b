package cn.parkflow.identity;

import cn.parkflow.system.Outcomes;
import cn.parkflow.workflow.Directory;

import cn.parkflow.system.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Account care: lifting a login lock (the province or admin) and the account audit trail (admin). */
@RestController
@RequestMapping("/api/accounts")
@Tag(name = "accounts", description = "账号管理")
class AccountController {

    private final Directory identity;
    private final LoginThrottle logins;

    AccountController(Directory identity, LoginThrottle logins) {
        this.identity = identity;
        this.logins = logins;
    }

    @PostMapping("/{username}/unlock")
    @Operation(summary = "解除账号锁定", description = "省科技厅审核人员或管理员；账号不存在 404")
    @Outcomes(value = 204, problems = 404)
    ResponseEntity<Void> unlock(@PathVariable String username) {
        Caller caller = CurrentCaller.get();
        if (!caller.isAdmin() && !caller.in(Roles.PROVINCE_REVIEWER)) {
            throw ApiException.forbidden("只有省科技厅审核人员或管理员可以解除账号锁定");
        }
        if (identity.user(username).isEmpty()) {
            throw ApiException.notFound("账号");
        }
        identity.unlock(username); // as parkflow itself: the engine reserves unlocking to its administrators
        logins.accountChanged(username, "ACCOUNT_UNLOCKED", caller.userId(), null);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/audit")
    @Operation(summary = "账号审计记录", description = "管理员：登录失败、交互式登录、锁定、解锁与账号变更，最新在前")
    List<LoginThrottle.AccountEvent> audit(@RequestParam(required = false) String user,
            @RequestParam(defaultValue = "200") int size) {
        if (!CurrentCaller.get().isAdmin()) {
            throw ApiException.forbidden("审计记录仅供管理员查看");
        }
        return logins.events(user, Math.max(1, Math.min(size, 1000)));
    }
}
