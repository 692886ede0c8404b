package cn.parkflow.document;

import cn.parkflow.registry.CarrierKind;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Evidence rules ({@code parkflow.documents.*}): the upload size limit and, per carrier kind, the document
 * types a submission must carry (DOMAIN.md §3 "typical evidence"; assumed defaults, editable).
 */
@ConfigurationProperties("parkflow.documents")
public record DocumentRules(@DefaultValue("50MB") DataSize maxSize, Map<CarrierKind, List<DocumentType>> required) {

    public DocumentRules {
        required = required == null ? Map.of() : Map.copyOf(required);
    }

    public List<DocumentType> requiredFor(CarrierKind kind) {
        return required.getOrDefault(kind, List.of());
    }
}
