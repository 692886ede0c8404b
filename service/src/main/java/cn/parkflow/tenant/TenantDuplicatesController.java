package cn.parkflow.tenant;

import cn.parkflow.identity.CurrentCaller;
import cn.parkflow.registry.City;
import cn.parkflow.system.Outcomes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tenants across carriers: one firm on two rosters of a year, and firms moving along the chain. */
@RestController
@Tag(name = "tenants", description = "在孵企业名单")
class TenantDuplicatesController {

    private final TenantDuplicates duplicates;
    private final TenantChain chain;
    private final TenantRosters rosters;

    TenantDuplicatesController(TenantDuplicates duplicates, TenantChain chain, TenantRosters rosters) {
        this.duplicates = duplicates;
        this.rosters = rosters;
        this.chain = chain;
    }

    @GetMapping("/api/tenants/duplicates")
    @Operation(summary = "同一企业出现在两个载体的同年度名单中", description = "设区市科技局看涉及本市载体的，省科技厅看全部；每对列出两个载体、"
            + "企业在各载体的入孵与离孵时间，以及当年两边同时在孵的天数（0 表示先后迁移而非重复统计）；不阻止任何办理")
    @Outcomes(problems = 403)
    List<TenantDuplicates.Duplicate> list(@RequestParam int year) {
        return duplicates.of(year, CurrentCaller.get());
    }

    @PutMapping("/api/tenants/duplicates/{year}/{creditCode}/review")
    @Operation(summary = "标记重复在孵企业已说明或未说明", description = "两个载体任一所在设区市科技局或省科技厅；firstCarrierId 与 secondCarrierId 为重复的两个载体"
            + "（顺序不限），explained 为是否已说明，note 写明核实情况（必填，最长1000字）；再次标记替换前一次")
    @Outcomes(problems = {403, 404})
    TenantDuplicates.Duplicate review(@PathVariable int year, @PathVariable String creditCode, @RequestBody TenantDuplicates.Verdict verdict) {
        return duplicates.review(year, creditCode, verdict, CurrentCaller.get());
    }

    @GetMapping("/api/tenants/mine")
    @Operation(summary = "本机构的载体及其已报送的在孵企业名单", description = "运营机构账号：所运营的（未撤销）载体，各自已报送的名单年度、企业数、报送时间和方式；其他账号 403")
    @Outcomes(problems = 403)
    List<TenantRosters.OwnCarrier> mine() {
        return rosters.mine(CurrentCaller.get());
    }

    @GetMapping("/api/tenants/chain")
    @Operation(summary = "孵化链条上的企业流动", description = "按统一社会信用代码跨载体名单追踪企业：离开一个载体、进入另一个载体即为一次流动"
            + "（苗圃→孵化器→加速器，或同一环节之间），以进入后一载体的年份计；flows 按载体类型汇总（桑基图），moves 列出前1000次。"
            + "不带 year 为全部年度；带 city 为涉及该市载体的流动。设区市科技局看涉及本市的，省科技厅看全部")
    @Outcomes(problems = 403)
    TenantChain.Chain chain(@RequestParam(required = false) Integer year, @RequestParam(required = false) City city) {
        return chain.of(year, city, CurrentCaller.get());
    }

    @GetMapping("/api/registry/carriers/{id}/graduates")
    @Operation(summary = "载体毕业及离孵企业的去向", description = "该载体名单上已毕业或离孵的企业，及其后进入的载体（以其他载体名单为准）；"
            + "该载体的运营机构、所在设区市科技局和省科技厅可看；不公开")
    @Outcomes(problems = {403, 404})
    TenantChain.Destinations graduates(@PathVariable long id) {
        return chain.destinations(id, CurrentCaller.get());
    }
}
