package cn.parkflow.registry;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("carrier_title")
record TitleRow(@Id Long id, Long carrierId, String title, String source, LocalDate validFrom, LocalDate validUntil,
        Instant createdAt) {}
