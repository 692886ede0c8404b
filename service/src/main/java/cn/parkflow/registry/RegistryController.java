package cn.parkflow.registry;

import cn.parkflow.system.Pdf;
import cn.parkflow.system.Outcomes;
import cn.parkflow.system.PublicAccess;
import cn.parkflow.system.Spreadsheets;
import cn.parkflow.system.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import org.springdoc.core.annotations.ParameterObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The public park registry (载体名录): search, one carrier with history, export. */
@RestController
@RequestMapping("/api/registry/carriers")
@Validated
@Tag(name = "registry", description = "载体名录（公开）")
class RegistryController {

    private final RegistryReader reader;
    private final RegistryExport export;
    private final Certificates certificates;

    RegistryController(RegistryReader reader, RegistryExport export, Certificates certificates) {
        this.reader = reader;
        this.export = export;
        this.certificates = certificates;
    }

    @GetMapping
    @Operation(summary = "查询载体名录", description = "按设区市、类型、级别、状态、产业领域、称号和关键字筛选，分页排序（sort=name,asc）")
    @PublicAccess
    PageResult<CarrierSummary> search(
            @Valid @ParameterObject CarrierFilter filter,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            @RequestParam(required = false) String sort) {
        return reader.search(filter, sort, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "载体详情", description = "载体及其认定、称号、考核评价和变更记录")
    @PublicAccess
    @Outcomes(problems = 404)
    CarrierDetails one(@PathVariable long id) {
        return reader.find(id).orElseThrow(() -> ApiException.notFound("载体"));
    }

    @GetMapping(path = "/{id}/certifications/{number}/certificate.pdf", produces = cn.parkflow.system.Pdf.CONTENT_TYPE)
    @Operation(summary = "认定证书 PDF", description = "首次下载时出具并留存，此后始终提供同一文件；文件的 SHA-256 摘要在载体详情中公布，供核验")
    @PublicAccess
    @Outcomes(files = Pdf.CONTENT_TYPE, problems = 404)
    ResponseEntity<byte[]> certificate(@PathVariable long id, @PathVariable String number) {
        Certificates.Issued issued = certificates.certificate(id, number);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, cn.parkflow.system.Pdf.CONTENT_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("认定证书-" + number + ".pdf", StandardCharsets.UTF_8).build().toString())
                .eTag("\"" + issued.sha256() + "\"")
                .header("Repr-Digest", "sha-256=:" + java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(issued.sha256())) + ":")
                .body(issued.pdf());
    }

    @GetMapping("/export")
    @Operation(summary = "导出载体名录", description = "按相同筛选条件导出 xlsx 或 csv，表头为中文")
    @PublicAccess
    @Outcomes(files = {Spreadsheets.CONTENT_TYPE, "text/csv"})
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(defaultValue = "xlsx") RegistryExport.Format format,
            @Valid @ParameterObject CarrierFilter filter,
            @RequestParam(required = false) String sort) {
        CarrierQueries.Sort.parse(sort); // refuse a bad sort before the response starts
        String fileName = "载体名录-" + LocalDate.now() + "." + format.name();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, format.contentType)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(out -> export.write(format, filter, sort, out));
    }
}
