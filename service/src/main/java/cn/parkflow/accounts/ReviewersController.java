package cn.parkflow.accounts;

import cn.parkflow.system.Outcomes;
import cn.parkflow.identity.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reviewer and approver accounts (the administrator). */
@RestController
@RequestMapping("/api/accounts/reviewers")
@Tag(name = "accounts", description = "账号管理")
class ReviewersController {

    private final ReviewerAccounts reviewers;

    ReviewersController(ReviewerAccounts reviewers) {
        this.reviewers = reviewers;
    }

    @PostMapping
    @Operation(summary = "创建审核人员账号（管理员）",
            description = "role = CITY（须填 city）、PROVINCE_REVIEWER 或 PROVINCE_APPROVER，用户组随角色确定；201 返回一次性初始密码，首次登录须修改")
    @Outcomes(value = 201, problems = 409)
    ResponseEntity<ReviewerAccounts.Created> create(@Valid @RequestBody ReviewerAccounts.NewReviewer reviewer) {
        ReviewerAccounts.Created created = reviewers.create(reviewer, CurrentCaller.get());
        return ResponseEntity.created(URI.create("/api/accounts/reviewers/" + created.username())).body(created);
    }
}
