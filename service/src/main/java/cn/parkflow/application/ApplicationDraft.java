package cn.parkflow.application;

import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.City;
import cn.parkflow.registry.Industry;
import cn.parkflow.registry.Level;
import cn.parkflow.registry.ValidCreditCode;
import cn.parkflow.registry.ValidIndicators;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** What an operator files or corrects: the carrier, its operator and its figures. */
public record ApplicationDraft(
        @NotNull(message = "请选择载体类型") CarrierKind kind,
        @NotNull(message = "请选择申报级别") Level level,
        @NotBlank(message = "请填写载体名称") @Size(max = 200, message = "载体名称最长200字") String carrierName,
        @NotBlank(message = "请填写运营机构名称") @Size(max = 200, message = "运营机构名称最长200字") String operatorName,
        @ValidCreditCode String creditCode,
        @NotNull(message = "请选择所在设区市") City city,
        @NotEmpty(message = "请至少选择一个产业领域") @Size(max = 16, message = "产业领域过多") List<@NotNull(message = "产业领域无效") Industry> industries,
        @NotBlank(message = "请填写地址") @Size(max = 300, message = "地址最长300字") String address,
        @ValidIndicators Map<String, Object> indicators) {

    public ApplicationDraft {
        carrierName = carrierName == null ? null : carrierName.strip();
        operatorName = operatorName == null ? null : operatorName.strip();
        creditCode = creditCode == null ? null : creditCode.strip().toUpperCase();
        address = address == null ? null : address.strip();
        industries = industries == null ? List.of() : industries;
        indicators = indicators == null ? Map.of() : indicators;
    }
}
