package cn.parkflow.application;

import cn.parkflow.system.Outcomes;
import cn.parkflow.document.DocumentResponses;
import cn.parkflow.document.DocumentType;
import cn.parkflow.document.Evidence;
import cn.parkflow.identity.CurrentCaller;
import cn.parkflow.registry.City;
import cn.parkflow.registry.PageResult;
import cn.parkflow.system.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Operators' applications: drafts, corrections and evidence documents. */
@RestController
@RequestMapping("/api/applications")
@Validated
@Tag(name = "applications", description = "认定申报")
class ApplicationController {

    private final ApplicationService service;
    private final ApplicationQueries queries;
    private final DocumentResponses responses;

    ApplicationController(ApplicationService service, ApplicationQueries queries, DocumentResponses responses) {
        this.queries = queries;
        this.service = service;
        this.responses = responses;
    }

    @PostMapping
    @Operation(summary = "创建申报草稿", description = "运营机构账号（已审核）为本机构的载体创建认定申报草稿；字段逐项校验，有误 400 并列明字段，不保存任何内容")
    @Outcomes(value = 201, problems = {409, 422})
    ResponseEntity<ApplicationView> create(@Valid @RequestBody ApplicationDraft draft) {
        ApplicationView view = service.create(draft, CurrentCaller.get());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(view.id()).toUri();
        return ResponseEntity.created(location).body(view);
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改草稿或补正中的申报", description = "仅草稿或补正中的申报可改，否则 409；字段校验同创建")
    @Outcomes(problems = {404, 409})
    ApplicationView update(@PathVariable long id, @Valid @RequestBody ApplicationDraft draft) {
        return service.update(id, draft, CurrentCaller.get());
    }

    @GetMapping("/{id}")
    @Operation(summary = "申报详情，含文件与办理记录", description = "状态、阶段、资格审查结果、材料、办理记录；审核人员另见专家评审汇总与现场核查记录")
    @Outcomes(problems = 404)
    ApplicationView get(@PathVariable long id) {
        return service.get(id, CurrentCaller.get());
    }

    @GetMapping("/{id}/roster-check")
    @Operation(summary = "申报指标与在孵企业名单核对", description = "该载体（登记册中同一运营机构、同一类型的载体）截至申报年度的最新名单所证明的"
            + "在孵企业数、累计毕业企业数、在孵高新技术企业数、获得投融资的在孵企业占比、投融资总额和年总收入，与申报数的差额（名单减申报），"
            + "以及超龄入孵、超期在孵和无毕业条件的企业；资格条件判定以名单数为准。运营机构、所在设区市科技局和省科技厅可看；载体尚无名单时 404")
    @Outcomes(problems = {403, 404})
    cn.parkflow.tenant.RosterFigures.Check rosterCheck(@PathVariable long id) {
        return service.rosterCheck(id, CurrentCaller.get()).orElseThrow(() -> cn.parkflow.system.ApiException.notFound("该载体的在孵企业名单"));
    }

    @GetMapping
    @Operation(summary = "当前用户可见的申报", description = "运营机构看本机构的，设区市看本市的，省科技厅看全部；可按状态、设区市筛选，分页")
    PageResult<ApplicationView.Summary> list(
            @RequestParam(required = false) ApplicationStatus status,
            @RequestParam(required = false) City city,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return queries.list(CurrentCaller.get(), status, city, page, size);
    }

    @PostMapping(path = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传证明材料", description = "PDF、OFD、JPEG 或 PNG，按内容识别；超过大小上限返回 413，格式不符返回 415")
    @Outcomes(value = 201, problems = {404, 409})
    ResponseEntity<Evidence> upload(@PathVariable long id,
            @RequestParam(required = false) String type,
            @RequestPart(required = false) MultipartFile file) throws IOException {
        DocumentType documentType = DocumentResponses.type(type);
        try (InputStream in = DocumentResponses.file(file).getInputStream()) {
            Evidence doc = service.addDocument(id, documentType, file.getOriginalFilename(), in, CurrentCaller.get());
            URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{docId}").buildAndExpand(doc.id()).toUri();
            return ResponseEntity.created(location).body(doc);
        }
    }

    /**
     * Serves a document after the access check: a redirect to a presigned URL valid at most five
     * minutes (S3), or the bytes themselves (filesystem storage). PDFs open inline unless
     * {@code download=true}.
     */
    @GetMapping("/{id}/documents/{docId}")
    @Operation(summary = "查看证明材料", description = "S3 存储时 302 跳转到有效期不超过5分钟的预签名地址")
    @Outcomes(value = 302, orBytes = true, problems = 404)
    ResponseEntity<?> download(@PathVariable long id, @PathVariable long docId,
            @RequestParam(defaultValue = "false") boolean download) {
        return responses.serve(service.document(id, docId, CurrentCaller.get()), download);
    }
}
