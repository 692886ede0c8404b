package cn.parkflow.benchmark;

import cn.parkflow.system.Pdf;
import cn.parkflow.system.Outcomes;
import cn.parkflow.system.PublicAccess;
import cn.parkflow.document.DocumentResponses;
import cn.parkflow.document.DocumentType;
import cn.parkflow.document.Evidence;
import cn.parkflow.identity.CurrentCaller;
import cn.parkflow.registry.Authorities;
import cn.parkflow.system.Listing;
import cn.parkflow.system.Spreadsheets;
import cn.parkflow.system.WorkingCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
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

/** 标杆孵化器遴选: campaigns, applications with their dossiers, publication, results and the quota dashboard. */
@RestController
@RequestMapping("/api/benchmark/campaigns")
@Tag(name = "benchmark", description = "标杆孵化器遴选")
class CampaignController {

    static final List<Spreadsheets.Column> RESULT_COLUMNS = List.of(
            new Spreadsheets.Column("名次", 8), new Spreadsheets.Column("得分", 10), new Spreadsheets.Column("设区市", 10),
            new Spreadsheets.Column("市内推荐顺位", 12), new Spreadsheets.Column("载体名称", 34), new Spreadsheets.Column("运营机构", 34),
            new Spreadsheets.Column("统一社会信用代码", 22), new Spreadsheets.Column("申报编号", 10), new Spreadsheets.Column("结果", 18));

    private final CampaignService service;
    private final CampaignDossiers dossiers;
    private final DocumentResponses responses;

    CampaignController(CampaignService service, CampaignDossiers dossiers, DocumentResponses responses) {
        this.dossiers = dossiers;
        this.service = service;
        this.responses = responses;
    }

    @PostMapping
    @Operation(summary = "发起遴选（省科技厅审核人员）", description = "同时启动 benchmark-selection 流程，业务键为遴选编号")
    @Outcomes(value = 201, problems = 409)
    ResponseEntity<CampaignService.CampaignView> open(@Valid @RequestBody OpenCampaign request) {
        CampaignService.CampaignView view = service.open(request, CurrentCaller.get());
        return ResponseEntity.created(URI.create("/api/benchmark/campaigns/" + view.id())).body(view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "遴选阶段、各市名额与申报、推荐、入选数", description = "省科技厅看全部；设区市科技局只看本市的名额与计数")
    @Outcomes(problems = 404)
    CampaignService.CampaignView get(@PathVariable long id) {
        return service.get(id, CurrentCaller.get());
    }

    @GetMapping("/{id}/dashboard")
    @Operation(summary = "名额看板：各市名额、申报、推荐、入选", description = "每个设区市一行：名额、申报数、推荐数、入选数")
    @Outcomes(problems = 404)
    List<CampaignService.CityLine> dashboard(@PathVariable long id) {
        cn.parkflow.identity.Caller caller = CurrentCaller.get();
        if (!caller.isProvince() && caller.reviewedCities().isEmpty()) {
            throw cn.parkflow.system.ApiException.forbidden("名额看板仅供省科技厅和设区市科技局查看");
        }
        return service.get(id, caller).cities();
    }

    @PostMapping("/{id}/applications")
    @Operation(summary = "运营机构为本机构载体申报", description = "截止后 409；不符合条件 422 并列明原因")
    @Outcomes(value = 201, problems = {404, 409, 422})
    ResponseEntity<CampaignService.Applied> apply(@PathVariable long id, @Valid @RequestBody CampaignService.Apply request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(service.apply(id, request, CurrentCaller.get()));
    }

    @PostMapping(path = "/{id}/applications/{applicationId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传申报材料", description = "截止前；PDF、OFD、JPEG 或 PNG，按内容识别")
    @Outcomes(value = 201, problems = {404, 409})
    ResponseEntity<Evidence> upload(@PathVariable long id, @PathVariable long applicationId,
            @RequestParam(required = false) String type, @RequestPart(required = false) MultipartFile file) throws IOException {
        DocumentType documentType = DocumentResponses.type(type);
        try (InputStream in = DocumentResponses.file(file).getInputStream()) {
            Evidence doc = dossiers.addDocument(id, applicationId, documentType, file.getOriginalFilename(), in,
                    CurrentCaller.get());
            return ResponseEntity.created(URI.create("/api/benchmark/campaigns/" + id + "/applications/" + applicationId
                    + "/documents/" + doc.id())).body(doc);
        }
    }

    @GetMapping("/{id}/applications/{applicationId}/documents")
    @Operation(summary = "申报材料清单", description = "申报单位、省科技厅、所在设区市和评分专家可见：材料类型、文件名、大小与 SHA-256")
    @Outcomes(problems = 404)
    List<Evidence> documents(@PathVariable long id, @PathVariable long applicationId) {
        return dossiers.documents(id, applicationId, CurrentCaller.get());
    }

    @GetMapping("/{id}/applications/{applicationId}/documents/{docId}")
    @Operation(summary = "查看申报材料", description = "申报单位、省厅、所在设区市和评分专家可见")
    @Outcomes(value = 302, orBytes = true, problems = 404)
    ResponseEntity<?> download(@PathVariable long id, @PathVariable long applicationId, @PathVariable long docId,
            @RequestParam(defaultValue = "false") boolean download) {
        return responses.serve(dossiers.document(id, applicationId, docId, CurrentCaller.get()), download);
    }

    @GetMapping("/{id}/publication")
    @Operation(summary = "公示名单（公开）", description = "公示期内的拟入选名单；公示期外为空")
    @PublicAccess
    @Outcomes(problems = 404)
    List<CampaignService.PublicationEntry> publication(@PathVariable long id) {
        return service.publication(id);
    }

    @PostMapping("/{id}/objections")
    @Operation(summary = "对公示名单中的载体提出异议（公开，实名）", description = "公示期外 409")
    @PublicAccess
    @Outcomes(value = 201, problems = {404, 409, 429})
    ResponseEntity<CampaignService.ObjectionReceipt> object(@PathVariable long id, @Valid @RequestBody CampaignService.Objection objection) {
        return ResponseEntity.status(HttpStatus.CREATED).body(service.object(id, objection));
    }

    @GetMapping("/{id}/results")
    @Operation(summary = "遴选结果（省科技厅）", description = "名次、得分、设区市、载体、运营机构、结果")
    @Outcomes(problems = 404)
    List<CampaignDossiers.ResultLine> results(@PathVariable long id) {
        return dossiers.results(id, CurrentCaller.get());
    }

    @GetMapping("/{id}/results.xlsx")
    @Operation(summary = "导出遴选结果 xlsx（省科技厅）", description = "与遴选结果接口同样的名单，中文表头，名次与得分为数值单元格")
    @Outcomes(files = Spreadsheets.CONTENT_TYPE, problems = 404)
    ResponseEntity<StreamingResponseBody> resultsXlsx(@PathVariable long id) {
        return resultListing(id).xlsx();
    }

    @GetMapping("/{id}/results.pdf")
    @Operation(summary = "导出遴选结果 PDF（省科技厅）", description = "与 xlsx 同样的名单；同样的数据每次生成相同的字节")
    @Outcomes(files = Pdf.CONTENT_TYPE, problems = 404)
    ResponseEntity<byte[]> resultsPdf(@PathVariable long id) {
        return resultListing(id).pdf();
    }

    private Listing resultListing(long id) {
        List<CampaignDossiers.ResultLine> lines = dossiers.results(id, CurrentCaller.get());
        CampaignService.CampaignView campaign = service.get(id);
        List<List<?>> rows = lines.stream().<List<?>>map(l -> Arrays.asList(l.rank(), l.score(), l.cityName(), l.cityRank(),
                l.carrierName(), l.operatorName(), l.creditCode(), l.applicationId(), l.statusLabel())).toList();
        LocalDate dated = campaign.publicationEnd() == null ? null : LocalDate.ofInstant(campaign.publicationEnd(), WorkingCalendar.ZONE);
        return new Listing(campaign.title() + (campaign.title().strip().endsWith("遴选") ? "结果" : " 遴选结果"), campaign.year() + "年度 · 共 " + lines.size() + " 家申报",
                Authorities.PROVINCE, dated, RESULT_COLUMNS, rows, "标杆孵化器遴选结果-" + id);
    }
}
