package cn.parkflow.tenant;

import cn.parkflow.identity.CurrentCaller;
import cn.parkflow.system.Outcomes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 重复在孵企业: one firm on two carriers' rosters of a year. */
@RestController
@Tag(name = "tenants", description = "在孵企业名单")
class TenantDuplicatesController {

    private final TenantDuplicates duplicates;

    TenantDuplicatesController(TenantDuplicates duplicates) {
        this.duplicates = duplicates;
    }

    @GetMapping("/api/tenants/duplicates")
    @Operation(summary = "同一企业出现在两个载体的同年度名单中", description = "设区市科技局看涉及本市载体的，省科技厅看全部；每对列出两个载体、"
            + "企业在各载体的入孵与离孵时间，以及当年两边同时在孵的天数（0 表示先后迁移而非重复统计）；不阻止任何办理")
    @Outcomes
    List<TenantDuplicates.Duplicate> list(@RequestParam int year) {
        return duplicates.of(year, CurrentCaller.get());
    }
}
