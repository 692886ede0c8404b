package cn.parkflow.benchmark;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * What the province opens a campaign with. The total quota (default 100) and the term of the title
 * (default 3 years) are assumed defaults of the "5个100" plan; each city's quota caps its recommendations.
 */
public record OpenCampaign(
        @NotNull(message = "请填写年度") @Min(value = 2024, message = "年度不早于2024") @Max(value = 2100, message = "年度无效") Integer year,
        @NotBlank(message = "请填写遴选名称") @Size(max = 200, message = "名称最长200字") String title,
        @Min(value = 1, message = "总名额至少为1") @Max(value = 1000, message = "总名额最多1000") Integer totalQuota,
        @NotEmpty(message = "请填写各设区市名额") Map<String, @NotNull @Min(value = 0, message = "名额不能为负") Integer> cityQuotas,
        @NotNull(message = "请填写申报截止时间") OffsetDateTime deadline,
        @Min(value = 1, message = "称号有效期至少1年") @Max(value = 10, message = "称号有效期最多10年") Integer termYears) {

    public OpenCampaign {
        totalQuota = totalQuota == null ? 100 : totalQuota;
        termYears = termYears == null ? 3 : termYears;
        title = title == null ? null : title.strip();
    }
}
