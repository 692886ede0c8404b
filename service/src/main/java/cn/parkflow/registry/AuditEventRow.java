package cn.parkflow.registry;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("audit_event")
record AuditEventRow(@Id Long id, Instant at, String actor, String entityType, Long entityId, String action,
        String detail) {}
