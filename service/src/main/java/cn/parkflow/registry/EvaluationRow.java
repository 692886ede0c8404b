package cn.parkflow.registry;

import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

@Table("evaluation")
record EvaluationRow(@Id Long id, Long carrierId, @Column("eval_year") int year, String rating, BigDecimal score,
        String remark, Instant createdAt) {}
