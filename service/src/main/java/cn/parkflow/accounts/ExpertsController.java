package cn.parkflow.accounts;

import cn.parkflow.system.Outcomes;
import cn.parkflow.document.DocumentResponses;
import cn.parkflow.identity.CurrentCaller;
import cn.parkflow.registry.City;
import cn.parkflow.registry.Industry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/** The province's expert pool; an expert reads its own entry and declares its conflicts of interest. */
@RestController
@RequestMapping("/api/accounts/experts")
@Tag(name = "accounts", description = "账号管理")
class ExpertsController {

    private final ExpertPool pool;
    private final ExpertImport imports;

    ExpertsController(ExpertPool pool, ExpertImport imports) {
        this.pool = pool;
        this.imports = imports;
    }

    @PostMapping
    @Operation(summary = "新增专家（省科技厅）", description = "201，返回一次性初始密码，首次登录须修改；字段有误 400；用户名已被使用 409")
    @Outcomes(value = 201, problems = 409)
    ResponseEntity<ExpertPool.Created> create(@Valid @RequestBody ExpertPool.ExpertForm form) {
        ExpertPool.Created created = pool.create(form, CurrentCaller.get());
        return ResponseEntity.created(URI.create("/api/accounts/experts/" + created.username())).body(created);
    }

    @GetMapping
    @Operation(summary = "专家库（省科技厅）", description = "按常住城市 homeCity、专业领域 industry、是否启用 active 与关键字 q（用户名、姓名、工作单位）筛选")
    List<ExpertPool.View> list(@RequestParam(required = false) City homeCity, @RequestParam(required = false) Industry industry,
            @RequestParam(required = false) Boolean active, @RequestParam(required = false) String q) {
        return pool.list(new ExpertPool.Filter(homeCity, industry, active, q), CurrentCaller.get());
    }

    @GetMapping("/{username}")
    @Operation(summary = "专家详情", description = "省科技厅或专家本人")
    @Outcomes(problems = 404)
    ExpertPool.View get(@PathVariable String username) {
        return pool.get(username, CurrentCaller.get());
    }

    @PutMapping("/{username}")
    @Operation(summary = "修改专家信息（省科技厅）", description = "用户名不可修改；姓名与邮箱同步到账号")
    @Outcomes(problems = 404)
    ExpertPool.View update(@PathVariable String username, @Valid @RequestBody ExpertPool.ExpertForm form) {
        return pool.update(username, form, CurrentCaller.get());
    }

    public record Conflicts(List<String> creditCodes) {}

    @PutMapping("/{username}/conflicts")
    @Operation(summary = "声明回避单位", description = "专家本人或省科技厅：永不评审的运营机构（统一社会信用代码），整体替换")
    @Outcomes(problems = 404)
    ExpertPool.View conflicts(@PathVariable String username, @RequestBody Conflicts conflicts) {
        return pool.declareConflicts(username, conflicts == null ? null : conflicts.creditCodes(), CurrentCaller.get());
    }

    @PostMapping("/{username}/deactivate")
    @Operation(summary = "停用专家（省科技厅）", description = "不再抽取；其待办评审任务按同一回避规则改派其他专家；无人可接替时 409，不作任何改动")
    @Outcomes(problems = {404, 409})
    ExpertPool.Deactivated deactivate(@PathVariable String username) {
        return pool.deactivate(username, CurrentCaller.get());
    }

    @PostMapping("/{username}/activate")
    @Operation(summary = "重新启用专家（省科技厅）", description = "启用后重新参与抽取，并回到专家用户组")
    @Outcomes(problems = 404)
    ExpertPool.View activate(@PathVariable String username) {
        return pool.activate(username, CurrentCaller.get());
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "从 Excel 导入专家（省科技厅）",
            description = "multipart file（.xlsx，首个工作表，首行为中文列名：用户名、姓名、常住城市、工作单位、工作单位统一社会信用代码、专业领域、职称、电子邮箱、手机号码，可选回避单位统一社会信用代码）；"
                    + "逐行检查，返回已创建的专家及其一次性初始密码和被拒绝的行及原因；被拒绝的行不保存任何内容")
    @Outcomes(value = 201, also = 200)
    ResponseEntity<ExpertImport.Result> importXlsx(@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        try (InputStream in = DocumentResponses.file(file).getInputStream()) {
            ExpertImport.Result result = imports.importXlsx(in, CurrentCaller.get());
            return ResponseEntity.status(result.created().isEmpty() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
        }
    }
}
