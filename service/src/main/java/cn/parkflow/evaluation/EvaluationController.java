package cn.parkflow.evaluation;

import cn.parkflow.system.Pdf;
import cn.parkflow.system.Outcomes;
import cn.parkflow.identity.CurrentCaller;
import cn.parkflow.registry.Authorities;
import cn.parkflow.registry.City;
import cn.parkflow.system.FieldErrors;
import cn.parkflow.system.Listing;
import cn.parkflow.system.Spreadsheets;
import cn.parkflow.system.WorkingCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

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
    @Outcomes(value = 201, problems = 409)
    ResponseEntity<EvaluationRuns.Started> start(@jakarta.validation.Valid @RequestBody Start start) {
        EvaluationRuns.Started started = runs.start(start.year(), CurrentCaller.get());
        return ResponseEntity.created(java.net.URI.create("/api/evaluations/" + started.year())).body(started);
    }

    static final List<Spreadsheets.Column> RESULT_COLUMNS = List.of(
            new Spreadsheets.Column("设区市", 10), new Spreadsheets.Column("载体名称", 34), new Spreadsheets.Column("运营机构", 34),
            new Spreadsheets.Column("统一社会信用代码", 22), new Spreadsheets.Column("载体类型", 14), new Spreadsheets.Column("得分", 8),
            new Spreadsheets.Column("等级", 6), new Spreadsheets.Column("等级名称", 10), new Spreadsheets.Column("评定等级", 8),
            new Spreadsheets.Column("年度报告", 10), new Spreadsheets.Column("已确认", 8), new Spreadsheets.Column("调整理由", 40));

    @GetMapping("/{year}/results.xlsx")
    @Operation(summary = "导出考核结果 xlsx", description = "不带 city 为全省（省厅）；带 city 为该市（省厅或该市审核人员）")
    @Outcomes(files = Spreadsheets.CONTENT_TYPE, problems = 404)
    ResponseEntity<StreamingResponseBody> results(@PathVariable int year, @RequestParam(required = false) City city) {
        return resultListing(year, city).xlsx();
    }

    @GetMapping("/{year}/results.pdf")
    @Operation(summary = "导出考核结果 PDF", description = "与 xlsx 同样的名单和权限；同样的数据每次生成相同的字节")
    @Outcomes(files = Pdf.CONTENT_TYPE, problems = 404)
    ResponseEntity<byte[]> resultsPdf(@PathVariable int year, @RequestParam(required = false) City city) {
        return resultListing(year, city).pdf();
    }

    private Listing resultListing(int year, City city) {
        List<EvaluationRuns.ResultLine> lines = runs.results(year, city, CurrentCaller.get());
        List<List<?>> rows = lines.stream().<List<?>>map(l -> Arrays.asList(l.cityName(), l.carrierName(), l.operatorName(),
                l.creditCode(), l.kindLabel(), l.score(), l.rating(), l.ratingLabel(), l.proposed(), l.reported() ? "已报送" : "未报送",
                l.confirmed() ? "是" : "否", l.changeReason())).toList();
        LocalDate finished = runs.finishedAt(year).map(at -> LocalDate.ofInstant(at, WorkingCalendar.ZONE)).orElse(null);
        String scope = city == null ? "全省" : city.label();
        return new Listing(year + "年度科技企业孵化载体考核评价结果", scope + " · 共 " + lines.size() + " 家",
                Authorities.PROVINCE, finished, RESULT_COLUMNS, rows,
                year + "年度考核结果-" + scope);
    }

    @GetMapping("/{year}")
    @Operation(summary = "考核进度", description = "参评总数、已评定、已确认，按等级和设区市统计，开始和结束时间")
    @Outcomes(problems = 404)
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

    @GetMapping("/report-tasks")
    @Operation(summary = "本运营机构待报送的年度报告", description = "当前运营机构账号的待办年度报告任务：载体、年度、截止时间和需填报的指标")
    List<CarrierReports.ReportTask> reportTasks() {
        return carrierReports.reportTasks(CurrentCaller.get());
    }

    /** The operator's own report: the rated indicators and an optional narrative self-assessment. */
    record FiledReport(Map<String, Object> indicators, String narrative) {}

    @PostMapping("/report-tasks/{taskId}")
    @Operation(summary = "运营机构报送年度报告", description = "逐项校验指标（400 并列明字段）；报送后进入评定")
    @Outcomes(value = 204, problems = {404, 409})
    ResponseEntity<Void> fileReport(@PathVariable String taskId, @RequestBody FiledReport report) {
        carrierReports.fileReportTask(taskId, report.indicators(), report.narrative(), CurrentCaller.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{year}/reports", consumes = "text/csv")
    @Operation(summary = "导入年度统计数据（CSV，中文表头）", description = "逐行校验；返回接受的行和拒绝的行及原因，被拒绝的行不写入任何数据")
    @Outcomes(problems = 404)
    ReportImport.Result importCsv(@PathVariable int year, @RequestBody byte[] csv) throws IOException {
        return reports.importCsv(year, new StringReader(new String(csv, StandardCharsets.UTF_8)), CurrentCaller.get());
    }

    @PostMapping(path = "/{year}/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入年度统计数据（上传 CSV 文件）", description = "multipart 的 file 字段为中文表头的 CSV；逐行校验，返回接受的行和拒绝的行及原因，被拒绝的行不作任何保存")
    @Outcomes(problems = 404)
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
    @Outcomes(problems = 404)
    ReportImport.Result importJson(@PathVariable int year, @RequestBody List<Map<String, Object>> rows) {
        return reports.importJson(year, rows, CurrentCaller.get());
    }
}
