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
    private final CarrierReports carrierReports;

    EvaluationController(ReportImport reports, EvaluationRuns runs, CarrierReports carrierReports) {
        this.carrierReports = carrierReports;
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

    static final List<cn.parkflow.system.Spreadsheets.Column> RESULT_COLUMNS = List.of(
            new cn.parkflow.system.Spreadsheets.Column("设区市", 10), new cn.parkflow.system.Spreadsheets.Column("载体名称", 34),
            new cn.parkflow.system.Spreadsheets.Column("运营机构", 34), new cn.parkflow.system.Spreadsheets.Column("统一社会信用代码", 22),
            new cn.parkflow.system.Spreadsheets.Column("载体类型", 14), new cn.parkflow.system.Spreadsheets.Column("得分", 8),
            new cn.parkflow.system.Spreadsheets.Column("等级", 6), new cn.parkflow.system.Spreadsheets.Column("等级名称", 10),
            new cn.parkflow.system.Spreadsheets.Column("评定等级", 8), new cn.parkflow.system.Spreadsheets.Column("年度报告", 10),
            new cn.parkflow.system.Spreadsheets.Column("已确认", 8), new cn.parkflow.system.Spreadsheets.Column("调整理由", 40));

    @org.springframework.web.bind.annotation.GetMapping("/{year}/results.xlsx")
    @Operation(summary = "导出考核结果 xlsx", description = "不带 city 为全省（省厅）；带 city 为该市（省厅或该市审核人员）")
    org.springframework.http.ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> results(
            @PathVariable int year, @org.springframework.web.bind.annotation.RequestParam(required = false) cn.parkflow.registry.City city) {
        List<EvaluationRuns.ResultLine> lines = runs.results(year, city, CurrentCaller.get());
        org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody body = out -> cn.parkflow.system.Spreadsheets.write(out,
                year + "年度考核结果", RESULT_COLUMNS, rows -> lines.forEach(l -> rows.add(java.util.Arrays.asList(l.cityName(), l.carrierName(),
                        l.operatorName(), l.creditCode(), l.kindLabel(), l.score(), l.rating(), l.ratingLabel(), l.proposed(),
                        l.reported() ? "已报送" : "未报送", l.confirmed() ? "是" : "否", l.changeReason()))));
        String name = year + "年度考核结果-" + (city == null ? "全省" : city.label()) + ".xlsx";
        return org.springframework.http.ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(cn.parkflow.system.Spreadsheets.CONTENT_TYPE))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    @org.springframework.web.bind.annotation.GetMapping("/{year}")
    @Operation(summary = "考核进度", description = "参评总数、已评定、已确认，按等级和设区市统计，开始和结束时间")
    EvaluationRuns.Progress progress(@PathVariable int year) {
        cn.parkflow.identity.Caller caller = CurrentCaller.get();
        if (caller.isProvince()) {
            return runs.progress(year);
        }
        if (caller.reviewedCities().isEmpty()) {
            throw cn.parkflow.system.ApiException.forbidden("考核进度仅供省科技厅和设区市科技局查看");
        }
        return runs.progress(year).forCities(caller.reviewedCities());
    }

    @org.springframework.web.bind.annotation.GetMapping("/report-tasks")
    @Operation(summary = "本运营机构待报送的年度报告")
    List<CarrierReports.ReportTask> reportTasks() {
        return carrierReports.reportTasks(CurrentCaller.get());
    }

    /** The operator's own report: the rated indicators and an optional narrative self-assessment. */
    record FiledReport(Map<String, Object> indicators, String narrative) {}

    @PostMapping("/report-tasks/{taskId}")
    @Operation(summary = "运营机构报送年度报告", description = "逐项校验指标（400 并列明字段）；报送后进入评定")
    org.springframework.http.ResponseEntity<Void> fileReport(@PathVariable String taskId, @RequestBody FiledReport report) {
        carrierReports.fileReportTask(taskId, report.indicators(), report.narrative(), CurrentCaller.get());
        return org.springframework.http.ResponseEntity.noContent().build();
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
