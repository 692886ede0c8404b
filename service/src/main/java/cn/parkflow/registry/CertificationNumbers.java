package cn.parkflow.registry;

import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certification numbers, unique per year and kind: {@code JS<level>-<kind>-<year>-<running number>},
 * e.g. {@code JSP-INC-2026-0007} for the seventh provincial incubator certified in 2026. The running
 * number comes from a row-locked counter, so concurrent certifications never share a number.
 */
@Component
class CertificationNumbers {

    private final JdbcTemplate jdbc;

    CertificationNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next(CarrierKind kind, Level level, LocalDate date) {
        String prefix = "JS" + level.name().charAt(0) + "-" + abbreviation(kind) + "-" + date.getYear();
        int updated = jdbc.update("UPDATE certification_sequence SET next_value = next_value + 1 WHERE prefix = ?", prefix);
        if (updated == 0) {
            jdbc.update("INSERT INTO certification_sequence (prefix, next_value) VALUES (?, 1)", prefix);
        }
        Integer value = jdbc.queryForObject("SELECT next_value FROM certification_sequence WHERE prefix = ?", Integer.class, prefix);
        return "%s-%04d".formatted(prefix, value);
    }

    static String abbreviation(CarrierKind kind) {
        return switch (kind) {
            case NURSERY -> "NUR";
            case INCUBATOR -> "INC";
            case GROWTH_CENTER -> "GRC";
            case ACCELERATOR -> "ACC";
            case FUTURE_INDUSTRY_PARK -> "FIP";
        };
    }
}
