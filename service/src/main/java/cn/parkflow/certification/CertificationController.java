package cn.parkflow.certification;

import cn.parkflow.system.Outcomes;
import cn.parkflow.system.PublicAccess;
import cn.parkflow.identity.CurrentCaller;
import cn.parkflow.publication.Objections;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An application's way into certification: its submission, and objections while it is under publication. */
@RestController
@RequestMapping("/api/applications")
@Validated
@Tag(name = "applications", description = "认定申报")
class CertificationController {

    private final CertificationSubmissions submissions;

    CertificationController(CertificationSubmissions submissions) {
        this.submissions = submissions;
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "提交申报（或补正后重新提交）", description = "缺少必备材料 422；已提交或同一载体同一类型已有在办申报 409")
    @Outcomes(value = 202, problems = {404, 409, 422})
    ResponseEntity<CertificationSubmissions.Submitted> submit(@PathVariable long id) {
        return ResponseEntity.accepted().body(submissions.submit(id, CurrentCaller.get()));
    }

    /** An objection during publication: written, with the objector's real name and a way to reach them. */
    public record ObjectionRequest(
            @jakarta.validation.constraints.NotBlank(message = "请填写异议人真实姓名") @jakarta.validation.constraints.Size(max = 100) String objectorName,
            @jakarta.validation.constraints.NotBlank(message = "请填写联系方式") @jakarta.validation.constraints.Size(max = 100) String contact,
            @jakarta.validation.constraints.NotBlank(message = "请填写异议内容及理由") @jakarta.validation.constraints.Size(max = 4000, message = "异议内容最长4000字") String text) {}

    @PostMapping("/{id}/objections")
    @Operation(summary = "对公示项目提出异议", description = "仅在公示期内受理，否则 409")
    @PublicAccess
    @Outcomes(value = 201, problems = {404, 409, 429})
    ResponseEntity<CertificationSubmissions.ObjectionReceipt> object(@PathVariable long id, @Valid @RequestBody ObjectionRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(submissions.object(id, new Objections.Filed(request.objectorName().strip(), request.contact().strip(), request.text().strip())));
    }
}
