package cn.parkflow.tenant;

import cn.parkflow.identity.CurrentCaller;
import cn.parkflow.system.FieldErrors;
import cn.parkflow.system.Outcomes;
import cn.parkflow.system.TableRows;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 在孵企业名单: a carrier's tenants of a year, filed by its operator as JSON, CSV or xlsx. */
@RestController
@RequestMapping("/api/registry/carriers/{id}/tenants/{year}")
@Tag(name = "tenants", description = "在孵企业名单")
class TenantController {

    private final TenantRosters rosters;
    private final RosterFigures figures;

    TenantController(TenantRosters rosters, RosterFigures figures) {
        this.rosters = rosters;
        this.figures = figures;
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "报送在孵企业名单（JSON 数组）", description = "该载体的运营机构；每个对象含 creditCode、name、foundedDate、entryDate、industry、highTech、"
            + "investment、revenue，及 graduatedDate 与 graduationCriterion、exitDate、exitReason、movedToCreditCode；逐行校验，被拒绝的行不保存；"
            + "接受的行替换该年度名单（没有接受的行时不作更改）；同一名单同时两次报送时后者 409")
    @Outcomes(problems = {403, 404, 409})
    TenantRosters.Result putJson(@PathVariable long id, @PathVariable int year, @RequestBody List<Map<String, Object>> tenants) {
        List<TableRows.Line> lines = TableRows.json(tenants);
        if (lines.size() > TenantRosters.MAX_LINES) {
            throw FieldErrors.single("tenants", "一次最多报送" + TenantRosters.MAX_LINES + "家在孵企业");
        }
        return rosters.replace(id, year, lines, "JSON", CurrentCaller.get());
    }

    @PutMapping(consumes = "text/csv")
    @Operation(summary = "报送在孵企业名单（CSV，中文表头）", description = "UTF-8，首行为中文表头（统一社会信用代码、企业名称、成立日期、入孵时间、所属产业领域、"
            + "是否高新技术企业、当年获得投融资额（元）、当年营业收入（元），可选毕业时间、毕业条件、离孵时间、离孵原因、迁入载体运营机构统一社会信用代码）；其余同 JSON")
    @Outcomes(problems = {403, 404, 409})
    TenantRosters.Result putCsv(@PathVariable long id, @PathVariable int year, @RequestBody byte[] csv) throws IOException {
        return rosters.replace(id, year, lines(TableRows.csv(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8),
                TenantRosters.MAX_LINES)), "CSV", CurrentCaller.get());
    }

    @PutMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "报送在孵企业名单（上传 CSV 或 xlsx 文件）", description = "multipart 的 file 字段：CSV（UTF-8）或 xlsx（首个工作表），表头同 CSV")
    @Outcomes(problems = {403, 404, 409})
    TenantRosters.Result putFile(@PathVariable long id, @PathVariable int year, @RequestPart(required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw FieldErrors.single("file", "请选择名单文件（CSV 或 xlsx）");
        }
        byte[] bytes = file.getBytes();
        boolean workbook = bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        TableRows.Table table = workbook ? TableRows.xlsx(new ByteArrayInputStream(bytes), TenantRosters.MAX_LINES)
                : TableRows.csv(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8), TenantRosters.MAX_LINES);
        return rosters.replace(id, year, lines(table), workbook ? "XLSX" : "CSV", CurrentCaller.get());
    }

    @GetMapping
    @Operation(summary = "在孵企业名单", description = "该载体的运营机构、所在设区市科技局和省科技厅可看；不公开")
    @Outcomes(problems = {403, 404})
    TenantRosters.Roster get(@PathVariable long id, @PathVariable int year) {
        return rosters.read(id, year, CurrentCaller.get());
    }

    @GetMapping("/figures")
    @Operation(summary = "名单所证明的指标", description = "按名单年度末（当年为今天）计：在孵企业数（未毕业、未离孵，且入孵时成立不超过24个月、在孵不超过48个月）、"
            + "累计毕业企业数（截至该年度各名单中注明毕业条件的毕业企业）、在孵高新技术企业数、获得投融资的在孵企业占比、当年投融资总额和年总收入，"
            + "以及超龄入孵、超期在孵和无毕业条件的企业；可看名单者可看")
    @Outcomes(problems = {403, 404})
    RosterFigures.Figures figures(@PathVariable long id, @PathVariable int year) {
        rosters.readable(id, CurrentCaller.get());
        return figures.of(id, year).orElseThrow(() -> cn.parkflow.system.ApiException.notFound(year + "年度在孵企业名单"));
    }

    /** The table's lines keyed by field name (its Chinese headers mapped), once the required headers are there. */
    private static List<TableRows.Line> lines(TableRows.Table table) {
        table.require(TenantColumns.requiredHeaders());
        List<TableRows.Line> lines = new ArrayList<>();
        for (TableRows.Line line : table.lines()) {
            Map<String, String> fields = new LinkedHashMap<>();
            line.cells().forEach((header, value) -> {
                String field = TenantColumns.FIELDS.get(header);
                if (field != null) {
                    fields.put(field, value);
                }
            });
            lines.add(new TableRows.Line(line.number(), fields));
        }
        return lines;
    }
}
