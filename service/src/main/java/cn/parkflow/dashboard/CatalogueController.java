package cn.parkflow.dashboard;

import cn.parkflow.system.PublicAccess;
import cn.parkflow.application.ApplicationStatus;
import cn.parkflow.document.DocumentRules;
import cn.parkflow.document.DocumentType;
import cn.parkflow.registry.CarrierKind;
import cn.parkflow.registry.CarrierStatus;
import cn.parkflow.registry.City;
import cn.parkflow.registry.Indicator;
import cn.parkflow.registry.Industry;
import cn.parkflow.registry.Labelled;
import cn.parkflow.registry.Level;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The codes of DOMAIN.md §7 with their Chinese labels, the indicators with their units, and the
 * evidence each kind must carry: what the portal's forms offer and check before the server does.
 */
@RestController
@Tag(name = "catalogue", description = "代码表")
class CatalogueController {

    private final DocumentRules documentRules;

    CatalogueController(DocumentRules documentRules) {
        this.documentRules = documentRules;
    }

    record Code(String code, String label) {}

    record IndicatorCode(String code, String label, Indicator.Unit unit) {}

    record Catalogue(List<Code> kinds, List<Code> levels, List<Code> cities, List<Code> industries, List<Code> documentTypes,
            List<Code> applicationStatuses, List<Code> carrierStatuses, List<IndicatorCode> indicators,
            Map<CarrierKind, List<DocumentType>> requiredDocuments, long maxDocumentBytes) {}

    @GetMapping("/api/catalogue")
    @Operation(summary = "代码表：类型、级别、设区市、产业领域、材料类型、状态、指标及各类型必备材料", description = "公开；每个代码及其中文名称，指标的单位，各类型的必备材料和上传大小上限；可缓存 5 分钟")
    @PublicAccess
    ResponseEntity<Catalogue> catalogue() {
        Map<CarrierKind, List<DocumentType>> required = new LinkedHashMap<>();
        for (CarrierKind kind : CarrierKind.values()) {
            required.put(kind, documentRules.requiredFor(kind));
        }
        Catalogue c = new Catalogue(codes(CarrierKind.values()), codes(Level.values()),
                Arrays.stream(City.values()).map(city -> new Code(city.code(), city.label())).toList(),
                codes(Industry.values()), codes(DocumentType.values()), codes(ApplicationStatus.values()), codes(CarrierStatus.values()),
                Arrays.stream(Indicator.values()).map(i -> new IndicatorCode(i.name(), i.label(), i.unit())).toList(),
                required, documentRules.maxSize().toBytes());
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5))).body(c);
    }

    private static <E extends Enum<E> & Labelled> List<Code> codes(E[] values) {
        return Arrays.stream(values).map(v -> new Code(v.name(), v.label())).toList();
    }
}
