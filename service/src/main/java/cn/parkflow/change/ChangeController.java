package cn.parkflow.change;

import cn.parkflow.system.Outcomes;
import cn.parkflow.document.DocumentResponses;
import cn.parkflow.identity.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 变更备案: the operator reports a change of its carrier; the operator, the city and the province read the reports. */
@RestController
@RequestMapping("/api/registry/carriers/{carrierId}/changes")
@Tag(name = "changes", description = "载体变更备案")
class ChangeController {

    private final CarrierChanges changes;
    private final DocumentResponses responses;

    ChangeController(CarrierChanges changes, DocumentResponses responses) {
        this.changes = changes;
        this.responses = responses;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "报送变更备案", description = "变更类型 NAME/OPERATOR/AREA/SITE、生效日期、变更后的值、说明和证明材料（evidence，可多份）；"
            + "超过变更后3个月报送的标记为逾期备案")
    @Outcomes(value = 201, problems = {404, 409})
    ResponseEntity<CarrierChanges.ChangeView> file(@PathVariable long carrierId,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String effectiveDate,
            @RequestParam(required = false) String carrierName,
            @RequestParam(required = false) String operatorName,
            @RequestParam(required = false) String operatorCreditCode,
            @RequestParam(required = false) String incubationArea,
            @RequestParam(required = false) String address,
            @RequestParam(required = false) String reason,
            @RequestPart(name = "evidence", required = false) List<MultipartFile> evidence) throws IOException {
        CarrierChanges.ChangeView filed = changes.file(carrierId, new CarrierChanges.ChangeForm(type, effectiveDate, carrierName,
                operatorName, operatorCreditCode, incubationArea, address, reason), evidence == null ? List.of() : evidence,
                CurrentCaller.get());
        return ResponseEntity.created(URI.create("/api/registry/carriers/" + carrierId + "/changes/" + filed.id())).body(filed);
    }

    @GetMapping
    @Operation(summary = "变更备案记录", description = "该载体的运营机构、所在设区市科技局和省科技厅可查看")
    @Outcomes(problems = 404)
    List<CarrierChanges.ChangeView> list(@PathVariable long carrierId) {
        return changes.list(carrierId, CurrentCaller.get());
    }

    @GetMapping("/{changeId}/documents/{docId}")
    @Operation(summary = "查看变更证明材料", description = "访问检查同变更备案记录；S3 存储时 302 跳转到有效期不超过 5 分钟的预签名地址")
    @Outcomes(value = 302, orBytes = true, problems = 404)
    ResponseEntity<?> document(@PathVariable long carrierId, @PathVariable long changeId, @PathVariable long docId,
            @RequestParam(defaultValue = "false") boolean download) {
        return responses.serve(changes.document(carrierId, changeId, docId, CurrentCaller.get()), download);
    }
}
