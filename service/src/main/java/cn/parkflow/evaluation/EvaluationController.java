package cn.parkflow.evaluation;

import cn.parkflow.identity.CurrentCaller;
import cn.parkflow.system.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 年度考核评价: importing the year's annual reports. */
@RestController
@RequestMapping("/api/evaluations")
@Tag(name = "evaluations", description = "年度考核评价")
class EvaluationController {

    private final ReportImport reports;
    private final EvaluationRuns runs;

    EvaluationController(ReportImport reports, EvaluationRuns runs) {
        this.reports = reports;
        this.runs = runs;
    }

    /** The year to evaluate. */
    record Start(@jakarta.validation.constraints.NotNull(message = "请填写考核年度") Integer year) {}

    @PostMapping
    @Operation(summary = "发起年度考核（省科技厅审核人员）", description = "每年一次；已发起的年度 409。业务键 EVAL-<year>")
    org.springframework.http.ResponseEntity<EvaluationRuns.Started> start(@jakarta.validation.Valid @RequestBody Start start) {
        EvaluationRuns.Started started = runs.start(start.year(), CurrentCaller.get());
        return org.springframework.http.ResponseEntity.created(java.net.URI.create("/api/evaluations/" + started.year())).body(started);
    }

    @org.springframework.web.bind.annotation.GetMapping("/{year}")
    @Operation(summary = "考核进度", description = "参评总数、已评定、已确认，按等级和设区市统计，开始和结束时间")
    EvaluationRuns.Progress progress(@PathVariable int year) {
        return runs.progress(year);
    }

    @PostMapping(path = "/{year}/reports", consumes = "text/csv")
    @Operation(summary = "导入年度统计数据（CSV，中文表头）", description = "逐行校验；返回接受的行和拒绝的行及原因，被拒绝的行不写入任何数据")
    ReportImport.Result importCsv(@PathVariable int year, @RequestBody byte[] csv) throws IOException {
        return reports.importCsv(year, new StringReader(new String(csv, StandardCharsets.UTF_8)), CurrentCaller.get());
    }

    @PostMapping(path = "/{year}/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入年度统计数据（上传 CSV 文件）")
    ReportImport.Result importFile(@PathVariable int year, @RequestPart(required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw FieldErrors.single("file", "请选择要导入的 CSV 文件");
        }
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            return reports.importCsv(year, reader, CurrentCaller.get());
        }
    }

    @PostMapping(path = "/{year}/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "导入年度统计数据（JSON 数组）", description = "每个对象含 creditCode、carrierName（同一信用代码有多个载体时必填）和各项指标")
    ReportImport.Result importJson(@PathVariable int year, @RequestBody List<Map<String, Object>> rows) {
        return reports.importJson(year, rows, CurrentCaller.get());
    }
}
